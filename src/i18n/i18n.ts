// One layer for every string shown to people. Messages are keyed by their English text (as gettext does) and
// written in ICU MessageFormat, so a Welsh catalogue can give all six of Welsh's plural forms
// (`{count, plural, zero {…} one {…} two {…} few {…} many {…} other {…}}`) where English needs two.
// English is complete by construction; a Welsh entry that is null is untranslated and falls back to English.
import { IntlMessageFormat } from 'intl-messageformat';
import cy from './catalogues/cy.json' with { type: 'json' };

export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * A parameter worded when the message is shown, in the reader's language: a label from a map of msg() values, a list
 * of reasons (`(t) => reasons(t).join('; ')`). Pure functions that word things take a `t` for the same reason.
 */
export type Worded = (t: Translate, locale: Locale) => string;
export type MessageParams = Record<string, string | number | Date | Worded | null | undefined>;
export type Translate = (text: string, params?: MessageParams) => string;

const CATALOGUES: Record<Locale, Record<string, string | null>> = { en: {}, cy: cy as Record<string, string | null> };
const compiled: Record<Locale, Map<string, IntlMessageFormat | null>> = { en: new Map(), cy: new Map() };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A stored preferred language as a Locale (English when it is missing or not one Parley has). */
export const localeOr = (value: unknown): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/** The catalogue's text for `text` in `locale`, unformatted (its placeholders kept), or `text` when untranslated. */
export function translationOf(locale: Locale, text: string): string {
  const translated = CATALOGUES[locale][text];
  return typeof translated === 'string' ? translated : text;
}

/** The message for `text` in `locale`, or English when the locale has none yet. */
function formatFor(locale: Locale, text: string): { format: IntlMessageFormat | null; source: string } {
  const translated = CATALOGUES[locale][text];
  const target: Locale = translated ? locale : DEFAULT_LOCALE;
  const source = translated ?? text;
  const cache = compiled[target];
  if (!cache.has(source)) {
    let format: IntlMessageFormat | null = null;
    try {
      format = new IntlMessageFormat(source, target === 'cy' ? 'cy-GB' : 'en-GB', undefined, { ignoreTag: true });
    } catch {
      format = null; // `npm run messages -- --check` refuses a message that does not parse; never fail a page for it
    }
    cache.set(source, format);
  }
  return { format: cache.get(source) ?? null, source };
}

function plainParams(params: MessageParams, t: Translate, locale: Locale): Record<string, string | number | Date> {
  const out: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) out[k] = typeof v === 'function' ? v(t, locale) : v;
  return out;
}

const translators = new Map<Locale, Translate>();

export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  const known = translators.get(locale);
  if (known) return known;
  const t: Translate = (text, params) => {
    const { format, source } = formatFor(locale, text);
    if (!format) return source;
    try {
      return String(format.format(params ? plainParams(params, t, locale) : undefined));
    } catch {
      // A missing parameter: show the placeholder rather than fail the page.
      return source;
    }
  };
  translators.set(locale, t);
  return t;
}

/** A label (a msg() value) worded in the reader's language, as a parameter of another message. */
export function worded(text: string, params?: MessageParams): Worded {
  // i18n-dynamic: the label is a msg() value where it was chosen
  return (t) => t(text, params);
}

/** A label worded in the reader's language and lower-cased, for the middle of a sentence ("moving the case to closed"). */
export function wordedLower(text: string): Worded {
  // i18n-dynamic: the label is a msg() value where it was chosen
  return (t, locale) => t(text).toLocaleLowerCase(locale === 'cy' ? 'cy-GB' : 'en-GB');
}

/**
 * Items as one list in `locale`: in English joined as Parley always has (`englishJoin`, "a, b, c" or "a or b"), so
 * English never changes; in other languages with Intl.ListFormat ("a, b neu c").
 */
export function listIn(locale: Locale, items: readonly string[], type: 'conjunction' | 'disjunction' | 'unit', englishJoin: string): string {
  if (locale === DEFAULT_LOCALE) return items.join(englishJoin);
  return new Intl.ListFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', { type }).format(items);
}

/** A message written where it happens (an error's, a validation's), translated where it is shown. */
export type Message = { text: string; params?: MessageParams };

/**
 * `english` (a message as written, already filled in) in `locale`: its translation when the catalogue has one for
 * `message` (the English ICU text and its parameters), else the English exactly as it was, so English output never
 * changes and text that is not a catalogue key (it holds what someone typed) is never read as ICU.
 */
export function localise(locale: Locale, english: string, message?: Message): string {
  if (locale === DEFAULT_LOCALE) return english;
  const m = message ?? fieldMessages.get(english) ?? { text: english };
  // Untranslated, the English stands, unless a part is worded where shown (a list of reasons): that part is worded in `locale`.
  const wordedHere = Object.values(m.params ?? {}).some((v) => typeof v === 'function');
  if (typeof CATALOGUES[locale][m.text] !== 'string' && !wordedHere) return english;
  return translator(locale)(m.text, m.params);
}

/** Field messages with parameters made where a schema is built, by their English: bounded, as schemas are made once. */
const fieldMessages = new Map<string, Message>();
const FIELD_MESSAGES_MAX = 5000;

/**
 * A validation message with parameters for a zod schema (`isoDate(msg('Date of birth'))`): zod carries a message
 * only as a string, so this returns the English filled in and remembers its ICU text and parameters, and the form
 * or API shows it in the reader's language (`localise`). Only where a schema is built, with labels and limits
 * written in the code, never with what someone typed (a service throws `invalid(…)` with `fieldParams` for that).
 */
export function fieldMessage(text: string, params: MessageParams): string {
  const english = translator(DEFAULT_LOCALE)(text, params);
  if (!fieldMessages.has(english) && fieldMessages.size < FIELD_MESSAGES_MAX) fieldMessages.set(english, { text, params });
  return english;
}

/**
 * Marks an English message for the catalogue where it is written but translated later, when the locale is
 * known (an error's message, a label in a constant map). Returns its argument unchanged.
 */
export function msg<T extends string>(text: T): T {
  return text;
}
