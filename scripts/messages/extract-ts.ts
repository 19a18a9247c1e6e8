// The messages a TypeScript file uses: the first argument of each `t(…)`, `x.t(…)` and `msg(…)` call, read with a
// real parser (oxc-parser), so a message split over lines, quoted either way or inside a template is found as it is.
import { parseSync } from 'oxc-parser';

export type Found = { text: string; file: string; line: number };
export type DynamicCall = { file: string; line: number; callee: string; code: string; allowed: boolean };
export type TsMessages = { messages: Found[]; dynamic: DynamicCall[]; maps: Set<string> };

/** The comment that lets one call look a message up at run time (on its line or the line above), with a reason. */
export const DYNAMIC_MARK = 'i18n-dynamic:';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function* walk(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (typeof n.type === 'string') yield n;
  for (const [key, value] of Object.entries(n)) if (key !== 'parent' && value && typeof value === 'object') yield* walk(value);
}

const unwrap = (node: Node): Node =>
  node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression' || node.type === 'ParenthesizedExpression'
    ? unwrap(node.expression as Node)
    : node;

/** The text of a string literal or a template without substitutions; undefined for anything computed. */
export function literalText(node: Node): string | undefined {
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && (n.expressions as Node[]).length === 0) {
    const quasi = (n.quasis as { value: { cooked: string | null } }[])[0];
    return quasi?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The literal texts a computed argument can only be (`cond ? 'A' : 'B'`), or undefined when it can be anything. */
function literalChoices(node: Node): string[] | undefined {
  const n = unwrap(node);
  const text = literalText(n);
  if (text !== undefined) return [text];
  if (n.type === 'ConditionalExpression') {
    const a = literalChoices(n.consequent as Node);
    const b = literalChoices(n.alternate as Node);
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

function calleeName(callee: Node): string | undefined {
  const c = unwrap(callee);
  if (c.type === 'Identifier') return c.name as string;
  if (c.type === 'MemberExpression' && !c.computed && (c.property as Node).type === 'Identifier') return `.${(c.property as Node).name as string}`;
  return undefined;
}

/** The root name of a lookup such as `LABELS[x]`, `LABELS[x].text` or `LABELS[x] ?? x`. */
export function lookupRoot(node: Node): string | undefined {
  let n = unwrap(node);
  if (n.type === 'LogicalExpression') n = unwrap(n.left as Node);
  if (n.type !== 'MemberExpression' && n.type !== 'ChainExpression') return undefined;
  while (n.type === 'MemberExpression' || n.type === 'ChainExpression') n = unwrap((n.type === 'ChainExpression' ? n.expression : n.object) as Node);
  return n.type === 'Identifier' ? (n.name as string) : undefined;
}

export function extractFromTs(file: string, source: string): TsMessages & { lookups: { call: DynamicCall; root: string | undefined }[] } {
  const parsed = parseSync(file, source, { lang: 'ts', sourceType: 'module' });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message ?? 'does not parse'}`);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const marked = new Set<number>();
  for (const comment of parsed.comments) if (comment.value.includes(DYNAMIC_MARK)) marked.add(lineOf(comment.end));

  const messages: Found[] = [];
  const lookups: { call: DynamicCall; root: string | undefined }[] = [];
  const maps = new Set<string>();
  for (const node of walk(parsed.program)) {
    // A constant whose value holds msg('…') calls is a map of messages: `t(MAP[key])` looks one up.
    if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier' && node.init) {
      for (const inner of walk(node.init)) {
        if (inner.type === 'CallExpression' && calleeName(inner.callee as Node) === 'msg') {
          maps.add((node.id as Node).name as string);
          break;
        }
      }
    }
    if (node.type !== 'CallExpression') continue;
    const callee = calleeName(node.callee as Node);
    if (callee !== 't' && callee !== '.t' && callee !== 'msg') continue;
    const first = (node.arguments as Node[])[0];
    if (!first || first.type === 'SpreadElement') continue;
    const line = lineOf(node.start);
    const choices = literalChoices(first);
    if (choices) {
      for (const text of choices) messages.push({ text, file, line });
      continue;
    }
    const call: DynamicCall = {
      file,
      line,
      callee: callee.replace(/^\./, ''),
      code: source.slice(first.start, first.end),
      allowed: marked.has(line) || marked.has(line - 1),
    };
    lookups.push({ call, root: callee === 'msg' ? undefined : lookupRoot(first) });
  }
  return { messages, dynamic: lookups.map((l) => l.call), maps, lookups };
}
