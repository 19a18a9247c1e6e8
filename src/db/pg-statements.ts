// Named prepared statements on PostgreSQL. node-postgres parses a named statement once per connection and from then
// on sends only Bind, Describe, Execute and Sync; the server keeps the parsed statement and, where a generic plan costs
// no more than planning each time, the plan. Statements go by a name made from their text, so the same text always
// has the same name and one name never means two texts. The first MAX_NAMED texts are named; any after are sent as
// before (a running app repeats a few hundred texts; this keeps a mistake from growing each connection's memory).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { preparable, STALE_STATEMENT } from './statements.ts';

export const MAX_NAMED = 2000;
const names = new Map<string, string>();
let renamed = 0;

function nameFor(text: string): string | undefined {
  let name = names.get(text);
  if (name || names.size >= MAX_NAMED) return name;
  name = `parley_${createHash('sha1').update(`${renamed}:${text}`).digest('base64url')}`;
  names.set(text, name);
  return name;
}

/** A stale statement gets a new name, so every connection parses it afresh (the old one stays until it closes). */
function forget(text: string, name: string) {
  if (names.get(text) !== name) return;
  renamed++;
  names.delete(text);
}

type QueryConfigLike = { text?: unknown; name?: unknown; submit?: unknown };

/** Makes this connection send Parley's statements as named prepared statements. */
export function nameStatements(client: pg.PoolClient | pg.Client) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, ...rest: unknown[]) => {
    const c = config as QueryConfigLike | null;
    if (c && typeof c === 'object' && typeof c.text === 'string' && !c.name && typeof c.submit !== 'function' && preparable(c.text)) {
      const text = c.text;
      const name = nameFor(text);
      if (name) {
        const result = query({ ...c, name }, ...rest) as Promise<unknown> | undefined;
        return result?.catch((err: { code?: string }) => {
          if (STALE_STATEMENT.has(err?.code ?? '')) forget(text, name);
          throw err;
        });
      }
    }
    return query(config, ...rest);
  }) as typeof client.query;
}
