// One layer for every string shown to people. Catalogues are keyed by the English text (as gettext does),
// so English is complete by construction and a Welsh catalogue only has to map each English string.
import { cy } from './cy.ts';

export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

const CATALOGUES: Record<Locale, Record<string, string>> = { en: {}, cy };

export type Translate = (text: string, params?: Record<string, string | number | null | undefined>) => string;

export function translator(locale: Locale = 'en'): Translate {
  const catalogue = CATALOGUES[locale];
  return (text, params) => {
    const template = catalogue[text] ?? text;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => (params[key] === undefined || params[key] === null ? whole : String(params[key])));
  };
}
