// The languages a person can prefer for what Parley writes to them, each named in itself (as GOV.UK does), and the
// one field that chooses it on the party, volunteer and account forms and in the API.
import { z } from 'zod';
import { LOCALES, type Locale, msg } from './i18n.ts';

/** Each language's name in that language: never translated. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', cy: 'Cymraeg' };

export const ZPreferredLanguage = z.enum(LOCALES, { error: msg('Choose the language they prefer: English or Cymraeg') });

/** GOV.UK radios items for the field, `chosen` checked (each label marked with its own language). */
export function languageItems(chosen: string | undefined) {
  return LOCALES.map((l) => ({ value: l, text: LANGUAGE_NAMES[l], checked: chosen === l, label: { attributes: { lang: l } } }));
}
