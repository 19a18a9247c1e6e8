// Whether a new password is hard enough to guess, and if not why, in words. NCSC guidance: a minimum length and
// no composition rules; guessability is judged by zxcvbn-ts, which bundles its own dictionaries (common passwords,
// English words, names, keyboard patterns, dates, l33t substitutions) and needs no network.
import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';
import type * as En from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's score runs 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_SCORE = 3;

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
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return estimator;
}

/** Why a new password is refused, in words; undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || lower === context.name?.toLowerCase())
    return 'Password must not contain your name or email address';
  const userInputs = [context.email, local, ...(context.name?.split(/\s+/) ?? [])].filter((s): s is string => Boolean(s && s.length >= 3));
  const result = strength().check(password, userInputs);
  if (result.score >= MIN_SCORE) return undefined;
  const why = result.feedback.warning ?? 'It would be easy to guess.';
  return `Password is too easy to guess. ${why} Three or more random words work well, like ‘plum tractor evening glass’`;
}
