// One layer for every string shown to people. Messages are keyed by their English text (as gettext does) and
// written in ICU MessageFormat, so a Welsh catalogue can give all six of Welsh's plural forms
// (`{count, plural, zero {…} one {…} two {…} few {…} many {…} other {…}}`) where English needs two.
// English is complete by construction; a Welsh entry that is null is untranslated and falls back to English.
import { IntlMessageFormat } from 'intl-messageformat';
import cy from './catalogues/cy.json' with { type: 'json' };

export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type MessageParams = Record<string, string | number | Date | null | undefined>;
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

function plainParams(params: MessageParams): Record<string, string | number | Date> {
  const out: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  return (text, params) => {
    const { format, source } = formatFor(locale, text);
    if (!format) return source;
    try {
      return String(format.format(params ? plainParams(params) : undefined));
    } catch {
      // A missing parameter: show the placeholder rather than fail the page.
      return source;
    }
  };
}

/** A message written where it happens (an error's, a validation's), translated where it is shown. */
export type Message = { text: string; params?: MessageParams };

/**
 * `english` (a message as written, already filled in) in `locale`: its translation when the catalogue has one for
 * `message` (the English ICU text and its parameters), else the English exactly as it was, so English output never
 * changes and text that is not a catalogue key (it holds what someone typed) is never read as ICU.
 */
export function localise(locale: Locale, english: string, message: Message = { text: english }): string {
  if (locale === DEFAULT_LOCALE || typeof CATALOGUES[locale][message.text] !== 'string') return english;
  return translator(locale)(message.text, message.params);
}

/**
 * Marks an English message for the catalogue where it is written but translated later, when the locale is
 * known (an error's message, a label in a constant map). Returns its argument unchanged.
 */
export function msg<T extends string>(text: T): T {
  return text;
}
