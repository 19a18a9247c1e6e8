// The messages a Nunjucks template uses: the first argument of each `t("…")` call, read with Nunjucks' own parser.
// A template's `t(variable)` is not a message of its own: the text was marked with msg() or t() where it was written.
import nunjucks from 'nunjucks';
import type { Found } from './extract-ts.ts';

type NjkNode = { typename: string; lineno: number; fields?: string[]; [key: string]: unknown };

// Nunjucks publishes its parser and node classes (`nunjucks.parser`, `nunjucks.nodes`) but its types do not.
const { parser, nodes } = nunjucks as unknown as {
  parser: { parse(src: string): NjkNode };
  nodes: { FunCall: new () => NjkNode; Symbol: new () => NjkNode; Literal: new () => NjkNode };
};

function* walk(node: unknown): Generator<NjkNode> {
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as NjkNode;
  yield n;
  for (const field of n.fields ?? []) yield* walk(n[field]);
  // A block set ({% set x %}…{% endset %}) keeps what it captures in `body`, which is not one of its fields.
  if (n.typename === 'Set' && n.body) yield* walk(n.body);
}

export function extractFromNjk(file: string, source: string): Found[] {
  const found: Found[] = [];
  for (const node of walk(parser.parse(source))) {
    if (!(node instanceof nodes.FunCall)) continue;
    const name = node.name as NjkNode;
    if (!(name instanceof nodes.Symbol) || name.value !== 't') continue;
    const first = (node.args as { children: NjkNode[] }).children[0];
    if (first instanceof nodes.Literal && typeof first.value === 'string') found.push({ text: first.value, file, line: node.lineno + 1 });
  }
  return found;
}
