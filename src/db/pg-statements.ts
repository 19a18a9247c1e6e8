// Named prepared statements on PostgreSQL. node-postgres parses a named statement once per connection and from then
// on sends only Bind, Describe, Execute and Sync; the server keeps the parsed statement and, where a generic plan costs
// no more than planning each time, the plan. Statements go by a name made from their text, so the same text always
// has the same name and one name never means two texts. The first MAX_NAMED texts are named; any after are sent as
// before (a running app repeats a few hundred texts; this keeps a mistake from growing each connection's memory).
//
// A transaction's BEGIN is held back until its first statement. When that is the tenant settings (every inOrg
// transaction), both go as one simple query, saving a round trip per request; otherwise the BEGIN goes just ahead of
// the statement. A transaction that ends before any statement sends nothing at all.
//
// A GENERIC_PLAN statement (the case search) runs on its generic plan, as on PGlite: once the connection holds it,
// it goes as one simple query, `SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE name(values);
// SET LOCAL plan_cache_mode = DEFAULT`, with its values as literals made as node-postgres makes parameters. Left to
// itself, PostgreSQL planned it afresh every time (its generic estimate for a prefix range looks dear), which cost
// about a third of the statement. A pooler in transaction mode (PgBouncer) renames protocol-level statements, so SQL
// cannot EXECUTE them by name: each new connection checks once that it can, and otherwise sends the statement as any
// other.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { preparable, STALE_STATEMENT, TENANT_SETTINGS, wantsGenericPlan } from './statements.ts';

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

/**
 * A statement that failed as stale gets a new name, so every connection parses it afresh (the old one stays until it
 * closes); the error goes on to the caller.
 */
const forgetIfStale = (text: string, name: string) => (err: { code?: string }) => {
  if (STALE_STATEMENT.has(err?.code ?? '') && names.get(text) === name) {
    renamed++;
    names.delete(text);
  }
  throw err;
};

type QueryConfigLike = { text?: unknown; name?: unknown; submit?: unknown; values?: unknown };
type Send = (...args: unknown[]) => unknown;

const textOf = (config: unknown) =>
  typeof config === 'string' ? config : typeof (config as QueryConfigLike | null)?.text === 'string' ? ((config as QueryConfigLike).text as string) : undefined;
const valuesOf = (config: unknown, rest: unknown[]) => (Array.isArray(rest[0]) ? rest[0] : (config as QueryConfigLike | null)?.values);
const simple = (command: string) => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });
const isWord = (text: string | undefined, word: string) => text?.trim().toLowerCase() === word;

/**
 * Makes this connection send Parley's statements as named prepared statements, and a BEGIN with what follows it.
 * The pool runs it on each new connection (onConnect) and waits for it, so its check runs before anything else and
 * no two queries are ever outstanding on one connection (node-postgres 9 will refuse that).
 */
export async function nameStatements(client: pg.ClientBase) {
  const send = named(client.query.bind(client) as Send);
  let heldBegin = false;
  let executesByName = false;
  try {
    await send({ name: EXECUTE_PROBE, text: 'SELECT 1' });
    await send(`EXECUTE ${EXECUTE_PROBE}`);
    executesByName = true;
  } catch {
    // A pooler in transaction mode: statements are renamed, so none is EXECUTEd by name.
  }
  client.query = ((config: unknown, ...rest: unknown[]) => {
    const text = textOf(config);
    const promised = !rest.some((arg) => typeof arg === 'function') && typeof (config as QueryConfigLike | null)?.submit !== 'function';
    const values = valuesOf(config, rest);
    const noValues = !Array.isArray(values) || values.length === 0;
    if (promised && noValues && isWord(text, 'begin')) {
      heldBegin = true;
      return Promise.resolve(simple('BEGIN'));
    }
    if (!heldBegin) {
      const generic = executesByName && promised && text !== undefined && Array.isArray(values) ? onGenericPlan(client, send, config, text, values) : undefined;
      return generic ?? send(config, ...rest);
    }
    heldBegin = false;
    if (promised && noValues && (isWord(text, 'commit') || isWord(text, 'rollback'))) return Promise.resolve(simple(text!.trim().toUpperCase()));
    if (promised && text === TENANT_SETTINGS && Array.isArray(values) && values.length === 1 && typeof values[0] === 'string') {
      const settings = TENANT_SETTINGS.replace('$1', client.escapeLiteral(values[0]));
      return (send(`BEGIN; ${settings}`) as Promise<pg.QueryResult[]>).then((results) => results[results.length - 1]);
    }
    // The BEGIN first, then the statement: a failed BEGIN fails the caller.
    const begun = send('BEGIN') as Promise<unknown>;
    if (promised) return begun.then(() => send(config, ...rest));
    const then = () => send(config, ...rest);
    begun.then(then, then);
    return typeof (config as QueryConfigLike | null)?.submit === 'function' ? config : undefined;
  }) as typeof client.query;
}

function named(query: Send): Send {
  return (config: unknown, ...rest: unknown[]) => {
    const c = config as QueryConfigLike | null;
    if (c && typeof c === 'object' && typeof c.text === 'string' && !c.name && typeof c.submit !== 'function' && preparable(c.text)) {
      const text = c.text;
      const name = nameFor(text);
      if (name) {
        const result = query({ ...c, name }, ...rest) as Promise<unknown> | undefined;
        return result?.catch(forgetIfStale(text, name));
      }
    }
    return query(config, ...rest);
  };
}

const EXECUTE_PROBE = 'parley_execute_probe';
type Parsed = { connection?: { parsedStatements?: Record<string, string> } };
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils.prepareValue;

/** The statement as one simple query on its generic plan, when this connection holds it and its values can be literals. */
function onGenericPlan(client: pg.ClientBase, send: Send, config: unknown, text: string, values: unknown[]) {
  if (!wantsGenericPlan(text)) return undefined;
  const name = names.get(text);
  if (!name || (client as unknown as Parsed).connection?.parsedStatements?.[name] !== text) return undefined;
  const literals: string[] = [];
  for (const value of values) {
    const prepared = prepareValue(value);
    if (prepared === null) literals.push('NULL');
    else if (typeof prepared === 'string') literals.push(client.escapeLiteral(prepared));
    else return undefined;
  }
  const c = config as { types?: unknown; rowMode?: unknown };
  const batch = `SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE ${client.escapeIdentifier(name)}(${literals.join(', ')}); SET LOCAL plan_cache_mode = DEFAULT`;
  return (send({ text: batch, types: c.types, rowMode: c.rowMode }) as Promise<pg.QueryResult[]>).then((results) => results[1], forgetIfStale(text, name));
}
