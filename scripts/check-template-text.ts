// CI (.ci/run, `npm run check:templates`): every piece of text a person sees on a page goes through t(), so the
// message catalogue holds it. Reads each Nunjucks template under src/ with nunjucks' own lexer and lists
//  - text between HTML tags that has letters in it (and the alt, title, aria-label and placeholder attributes),
//  - string literals with letters where a page shows them: the text-bearing parameters of the GOV.UK and MOJ
//    macros (text:, html:, label:, hint:, legend:, titleText: …), `{{ "…" }}`, `| default("…")`, the arguments
//    of a template's own macros and `{% set pageTitle = "…" %}`,
// unless the text is an untranslatable token of the allow-list below. Exits 1, listing each, when there is one.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Text that reads the same in every language: names, marks and symbols. */
export const ALLOWED_TEXT: RegExp[] = [
  /^Parley$/,
  /^GOV\.UK$/,
  /^pk_?$/, // the prefix of an API key, as typed
];

/** Macro parameters and set-variables whose value a person sees. */
const TEXT_KEYS = new Set([
  'text',
  'html',
  'label',
  'hint',
  'legend',
  'titleText',
  'titleHtml',
  'caption',
  'heading',
  'headingText',
  'visuallyHiddenText',
  'iconFallbackText',
  'navigationLabel',
  'summaryText',
  'summaryHtml',
  'descriptionText',
  'serviceName',
  'pageTitle',
  'title',
  'placeholder',
  'alt',
]);

/** Calls whose string arguments are not shown: string methods, filters over ids, permission checks. */
const NOT_SHOWN_CALLS = new Set([
  'replace',
  'split',
  'startsWith',
  'endsWith',
  'indexOf',
  'includes',
  'can',
  'push',
  'concat',
  'lower',
  'upper',
  'first',
  'last',
  'join',
]);
/** Calls whose string arguments are shown. */
const SHOWN_CALLS = new Set(['default', 'd']);

const VISIBLE_ATTRIBUTES = /\b(aria-label|alt|title|placeholder)\s*=\s*"([^"{}]*)"/g;

interface Token {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}
interface Tokenizer {
  nextToken(): Token | null;
}
const { lexer } = nunjucks as unknown as { lexer: { lex(src: string, opts?: object): Tokenizer } };

export interface BareText {
  line: number;
  text: string;
}

function readable(text: string): string {
  return text
    .replace(/&(nbsp|#160|#xA0);/gi, ' ')
    .replace(/&[a-z]+;|&#\d+;|&#x[0-9a-f]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isAllowed(text: string): boolean {
  const core = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''); // without the punctuation around it
  return !/\p{L}/u.test(core) || ALLOWED_TEXT.some((pattern) => pattern.test(core));
}

/** The text of a string of HTML, without its tags (or the ends of tags cut by an expression). */
function textOfHtml(html: string): string {
  return readable(html.replace(/^[^<]*?["']?\s*>/, ' ').replace(/<[^>]*(>|$)/g, ' '));
}

/** A path, a field's id or a route's word: no spaces, and lower-case first or joined by punctuation. */
const isIdLike = (text: string) => /^[a-z0-9?=&/#-][a-zA-Z0-9_.:/#?=&-]*$/.test(text) || /^[a-zA-Z0-9]+([-_.:/][a-zA-Z0-9]+)+$/.test(text);

/** Where a string literal sits: the key it is the value of, the call it is an argument of, or neither. */
function ownerOf(code: Token[], index: number): { key?: string; call?: string; top: boolean } {
  let depth = 0;
  for (let j = index - 1; j >= 0; j--) {
    const tok = code[j] as Token;
    if (tok.type === 'right-paren' || tok.type === 'right-bracket' || tok.type === 'right-curly') depth++;
    else if (tok.type === 'left-paren' || tok.type === 'left-bracket' || tok.type === 'left-curly') {
      if (depth === 0) {
        const before = code[j - 1];
        if (tok.type === 'left-paren' && before?.type === 'symbol') return { call: before.value, top: false };
        return { top: false };
      }
      depth--;
    } else if (depth === 0 && tok.type === 'colon') return { key: code[j - 1]?.value, top: false };
    else if (depth === 0 && tok.type === 'comma') {
    }
  }
  return { top: true };
}

function checkCode(code: Token[], found: BareText[], kind: 'variable' | 'block') {
  const tag = kind === 'block' ? code[0]?.value : undefined;
  for (let i = 0; i < code.length; i++) {
    const tok = code[i] as Token;
    if (tok.type !== 'string') continue;
    const prev = code[i - 1];
    const next = code[i + 1];
    const compared = (t?: Token) => t && ((t.type === 'operator' && /^(==|!=|===|!==|<|>|<=|>=)$/.test(t.value)) || (t.type === 'symbol' && t.value === 'in'));
    if (compared(prev) || compared(next)) continue;
    const owner = ownerOf(code, i);
    let shown = false;
    let text = readable(tok.value);
    if (owner.key !== undefined) {
      shown = TEXT_KEYS.has(owner.key);
      if (owner.key === 'html' || owner.key.endsWith('Html')) text = textOfHtml(tok.value);
    } else if (owner.call !== undefined) {
      if (owner.call === 't') continue;
      shown = SHOWN_CALLS.has(owner.call) || (!NOT_SHOWN_CALLS.has(owner.call) && !isIdLike(tok.value) && !/^govuk|^moj/.test(owner.call));
    } else if (owner.top) {
      if (kind === 'variable') shown = !isIdLike(tok.value);
      else if (tag === 'set') shown = TEXT_KEYS.has(code[1]?.value ?? '');
    }
    if (shown && !isAllowed(text)) found.push({ line: tok.lineno + 1, text: tok.value });
  }
}

/** The bare visible text in one template's source. */
export function findBareText(source: string): BareText[] {
  const found: BareText[] = [];
  const tokens = lexer.lex(source, {});
  let state: 'text' | 'tag' | 'comment' | 'script' = 'text';
  let run = '';
  let runLine = 0;
  const endRun = () => {
    const text = readable(run);
    if (!isAllowed(text)) found.push({ line: runLine + 1, text });
    run = '';
  };
  let code: Token[] | null = null;
  let codeKind: 'variable' | 'block' = 'variable';
  for (let tok = tokens.nextToken(); tok; tok = tokens.nextToken()) {
    if (code) {
      if (tok.type === 'variable-end' || tok.type === 'block-end') {
        checkCode(code, found, codeKind);
        code = null;
      } else if (tok.type !== 'whitespace') code.push(tok);
      continue;
    }
    if (tok.type === 'variable-start' || tok.type === 'block-start') {
      if (state === 'text') endRun();
      code = [];
      codeKind = tok.type === 'variable-start' ? 'variable' : 'block';
      continue;
    }
    if (tok.type !== 'data') continue;
    const data = tok.value;
    let line = tok.lineno;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i] as string;
      if (ch === '\n') line++;
      if (state === 'comment') {
        if (data.startsWith('-->', i)) {
          state = 'text';
          i += 2;
        }
      } else if (state === 'script') {
        if (/^<\/(script|style)>/i.test(data.slice(i))) state = 'tag';
      } else if (state === 'tag') {
        if (ch === '>') state = 'text';
      } else if (ch === '<' && /^<[a-zA-Z/!]/.test(data.slice(i, i + 2))) {
        endRun();
        if (data.startsWith('<!--', i)) state = 'comment';
        else if (/^<(script|style)\b/i.test(data.slice(i))) state = 'script';
        else state = 'tag';
      } else {
        if (!run.trim()) runLine = line;
        run += ch;
      }
    }
    for (const m of data.matchAll(VISIBLE_ATTRIBUTES)) {
      const text = readable(m[2] ?? '');
      if (!isAllowed(text)) found.push({ line: tok.lineno + data.slice(0, m.index).split('\n').length, text });
    }
  }
  endRun();
  return found;
}

function* templates(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') yield* templates(path); // a test's examples of bare text
    } else if (entry.name.endsWith('.njk')) yield path;
  }
}

export function checkTemplates(root = ROOT): string[] {
  const lines: string[] = [];
  for (const path of templates(join(root, 'src'))) {
    const file = relative(root, path).split('\\').join('/');
    for (const { line, text } of findBareText(readFileSync(path, 'utf8'))) lines.push(`${file}:${line}: ${JSON.stringify(text)}`);
  }
  return lines;
}

if (import.meta.main) {
  const lines = checkTemplates();
  if (lines.length) {
    console.error(`Text shown on a page without t() (wrap it: {{ t("…") }}, text: t("…")):\n${lines.join('\n')}`);
    process.exit(1);
  }
  console.log('Every template’s visible text goes through t().');
}
