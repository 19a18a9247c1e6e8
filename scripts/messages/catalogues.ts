// The catalogues from the messages used: English is every used message keyed by itself; Welsh keeps its translations
// of used messages, adds new ones as null (untranslated, shown in English) and drops what is no longer used.
// `check` says what is wrong without writing anything.
import type { DynamicCall, Found } from './extract-ts.ts';
import { placeholdersOf } from './icu.ts';

export type Catalogue = Record<string, string | null>;

const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

export function nextCatalogues(used: Iterable<string>, cy: Catalogue): { en: Record<string, string>; cy: Catalogue } {
  const keys = sorted(used);
  return {
    en: Object.fromEntries(keys.map((k) => [k, k])),
    cy: Object.fromEntries(keys.map((k) => [k, typeof cy[k] === 'string' ? cy[k] : null])),
  };
}

const where = (f: { file: string; line: number }) => `${f.file}:${f.line}`;
const sameNames = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((n) => b.has(n));
const list = (s: Set<string>) => (s.size ? [...s].map((n) => `{${n}}`).join(', ') : 'none');

export function check(input: { used: Found[]; dynamic: DynamicCall[]; en: Catalogue; cy: Catalogue }): string[] {
  const problems: string[] = [];
  const first = new Map<string, Found>();
  for (const f of input.used) if (!first.has(f.text)) first.set(f.text, f);

  for (const [text, f] of first) {
    if (!(text in input.en)) problems.push(`${where(f)}: not in en.json: ${JSON.stringify(text)}`);
    if (!(text in input.cy)) problems.push(`${where(f)}: not in cy.json: ${JSON.stringify(text)}`);
    const english = placeholdersOf(text);
    if ('error' in english) {
      problems.push(`${where(f)}: not valid ICU MessageFormat (${english.error}): ${JSON.stringify(text)}`);
      continue;
    }
    const welsh = input.cy[text];
    if (typeof welsh !== 'string') continue;
    const translated = placeholdersOf(welsh, 'cy-GB');
    if ('error' in translated) problems.push(`cy.json: the Welsh for ${JSON.stringify(text)} is not valid ICU MessageFormat (${translated.error})`);
    else if (!sameNames(english.names, translated.names))
      problems.push(`cy.json: the Welsh for ${JSON.stringify(text)} has placeholders ${list(translated.names)}, the English ${list(english.names)}`);
  }
  for (const [name, catalogue] of [
    ['en.json', input.en],
    ['cy.json', input.cy],
  ] as const)
    for (const key of Object.keys(catalogue)) if (!first.has(key)) problems.push(`${name}: ${JSON.stringify(key)} is no longer used`);
  for (const [key, value] of Object.entries(input.en)) if (value !== key) problems.push(`en.json: the value of ${JSON.stringify(key)} differs from its key`);
  for (const call of input.dynamic)
    if (!call.allowed)
      problems.push(
        `${where(call)}: ${call.callee}(${call.code}): the message is not a string literal (write it as ${call.callee}('…'), look it up in a map of msg('…') values, or mark the line with // i18n-dynamic: why)`,
      );
  return problems;
}
