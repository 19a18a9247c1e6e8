// Whether a new password is hard enough to guess, and if not why, in words. NCSC guidance: a minimum length and
// no composition rules; guessability is judged by zxcvbn-ts, which bundles its own dictionaries (common passwords,
// English words, names, keyboard patterns, dates, l33t substitutions) and needs no network.
import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';
import type * as En from '@zxcvbn-ts/language-en';
import { type Message, msg, translator, worded } from '#src/i18n/i18n.ts';
import { AppError } from './app-error.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score runs 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_SCORE = 3;

/**
 * zxcvbn's warnings in Parley's own words, by its warning code: zxcvbn is given the codes as its "translations", so
 * its feedback names the code and the reader's language comes from Parley's catalogue.
 */
const WARNINGS: Record<string, string> = {
  straightRow: msg('Straight rows of keys on your keyboard are easy to guess.'),
  keyPattern: msg('Short keyboard patterns are easy to guess.'),
  simpleRepeat: msg('Repeated characters like "aaa" are easy to guess.'),
  extendedRepeat: msg('Repeated character patterns like "abcabcabc" are easy to guess.'),
  sequences: msg('Common character sequences like "abc" are easy to guess.'),
  recentYears: msg('Recent years are easy to guess.'),
  dates: msg('Dates are easy to guess.'),
  topTen: msg('This is a heavily used password.'),
  topHundred: msg('This is a frequently used password.'),
  common: msg('This is a commonly used password.'),
  similarToCommon: msg('This is similar to a commonly used password.'),
  wordByItself: msg('Single words are easy to guess.'),
  namesByThemselves: msg('Single names or surnames are easy to guess.'),
  commonNames: msg('Common names and surnames are easy to guess.'),
  userInputs: msg('There should not be any personal or page related data.'),
  pwned: msg('Your password was exposed by a data breach on the Internet.'),
};
const EASY_TO_GUESS = msg('It would be easy to guess.');
const byCode = <T extends Record<string, string>>(codes: T) => Object.fromEntries(Object.keys(codes).map((code) => [code, code])) as T;

let estimator: ZxcvbnFactory | undefined;
/**
 * Loaded and built on first use: the dictionaries take about 0.1 s to load and tens of MB, and most processes
 * (and nearly every request) never check a new password. The packages' CommonJS builds load synchronously.
 */
function strength() {
  if (estimator) return estimator;
  const load = createRequire(import.meta.url);
  const core = load('@zxcvbn-ts/core') as { ZxcvbnFactory: typeof ZxcvbnFactory };
  const common = load('@zxcvbn-ts/language-common') as typeof Common;
  const en = load('@zxcvbn-ts/language-en') as typeof En;
  estimator = new core.ZxcvbnFactory({
    translations: { ...en.translations, warnings: byCode(en.translations.warnings), suggestions: byCode(en.translations.suggestions) },
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return estimator;
}

type Context = { email?: string; name?: string };

/** Why a new password is refused (a message and its parameters, worded where shown); undefined when it is acceptable. */
export function passwordRefusal(password: string, context: Context = {}): Message | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return { text: msg('Password must be at least {min} characters'), params: { min: MIN_PASSWORD_LENGTH } };
  if (password.length > MAX_PASSWORD_LENGTH) return { text: msg('Password must be {max} characters or fewer'), params: { max: MAX_PASSWORD_LENGTH } };
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || lower === context.name?.toLowerCase())
    return { text: msg('Password must not contain your name or email address') };
  const userInputs = [context.email, local, ...(context.name?.split(/\s+/) ?? [])].filter((s): s is string => Boolean(s && s.length >= 3));
  const result = strength().check(password, userInputs);
  if (result.score >= MIN_SCORE) return undefined;
  const code = result.feedback.warning;
  return {
    text: msg('Password is too easy to guess. {why} Three or more random words work well, like ‘plum tractor evening glass’'),
    params: { why: worded((code && WARNINGS[code]) || EASY_TO_GUESS) },
  };
}

/** Why a new password is refused, in English; undefined when it is acceptable. */
export function passwordProblem(password: string, context: Context = {}): string | undefined {
  const refusal = passwordRefusal(password, context);
  return refusal && translator('en')(refusal.text, refusal.params);
}

/** The 422 for a refused new password, on `field`, worded in the reader's language where shown. */
export function refuseWeakPassword(password: string, context: Context, field: string): void {
  const refusal = passwordRefusal(password, context);
  if (!refusal) return;
  const english = translator('en')(refusal.text, refusal.params);
  throw new AppError('UNPROCESSABLE', refusal.text, {
    reason: 'WEAK_PASSWORD',
    params: refusal.params ?? {},
    fields: { [field]: english },
    fieldParams: { [field]: refusal },
  });
}
