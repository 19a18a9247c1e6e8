// A message's ICU MessageFormat structure, read with the parser Parley formats messages with (intl-messageformat).
import { IntlMessageFormat } from 'intl-messageformat';

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };
// The parser's element kinds that name an argument: argument, number, date, time, select, plural (literal 0, pound 7, tag 8 do not).
const NAMED = new Set([1, 2, 3, 4, 5, 6]);

function collect(elements: Element[], names: Set<string>) {
  for (const el of elements) {
    if (NAMED.has(el.type) && typeof el.value === 'string') names.add(el.value);
    for (const option of Object.values(el.options ?? {})) collect(option.value, names);
    if (el.children) collect(el.children, names);
  }
}

/** The names of a message's placeholders, or the parser's complaint when it is not valid ICU MessageFormat. */
export function placeholdersOf(text: string, locale = 'en-GB'): { names: Set<string> } | { error: string } {
  try {
    const ast = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst() as Element[];
    const names = new Set<string>();
    collect(ast, names);
    return { names };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
