// Named prepared statements on the embedded database.
//
// PGlite's query() parses, describes, binds, describes again and executes every statement afresh, each step a
// separate call into the database, then syncs. For the small queries an app makes, most of the time goes on parsing
// and planning (planning alone looks up the size of every table and index the statement touches) and on those six
// crossings. Here each distinct text of a SELECT, INSERT, UPDATE, DELETE or WITH statement is parsed once into a
// named statement, its parameter types read once; each run is then one call: Bind, Describe, Execute, Sync.
// PostgreSQL re-checks a named statement when the tables it reads change, when the role changes (row-level
// security), and after five runs keeps one generic plan if that is estimated to cost no more than planning anew.
// Other statements (DDL in migrations, SAVEPOINT) go through query() as before.
//
// A statement that begins with the GENERIC_PLAN comment (statements.ts) is always run on its generic plan, planned
// once. The case search is one: planned for each word searched, its plan is the same every time (read the matches
// from an index, sort them, fetch a page of cases), but planning it costs more than running it.
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import { loadPglite } from './orm.ts';
import { type Reply, readReply } from './pglite-reply.ts';
import { preparable, STALE_STATEMENT, wantsGenericPlan } from './statements.ts';

/** Statement texts kept at once; the least recently used is closed beyond this. */
export const MAX_STATEMENTS = 500;
const PLAN_MODE = 'SELECT FROM set_config($1, $2, true)';

type Prepared = { name: string; paramTypes: number[] };
export type RunQuery = <T>(text: string, params: unknown[] | undefined, options: QueryOptions | undefined, inTransaction: boolean) => Promise<Results<T>>;

const concat = (parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

export type PreparedStatements = { run: RunQuery; size: () => number };

/**
 * Runs statements on one PGlite instance as named prepared statements, keeping at most `max`. The caller holds
 * PGlite's locks as its query() would: the transaction lock and the query lock outside a transaction, the query
 * lock inside one (client.ts does).
 */
export function preparedStatements(pglite: PGlite, max = MAX_STATEMENTS): PreparedStatements {
  const { serialize } = loadPglite().protocol;
  const parsers = pglite.parsers as Parameters<typeof readReply>[1];
  const statements = new Map<string, Prepared>(); // in order of last use, least recent first
  const toClose: string[] = [];
  let counter = 0;

  /**
   * Sends one protocol message and reads the reply here (readReply), throwing its first error. PGlite's
   * execProtocolRawStream hands the reply over as it comes; its own query() and exec() set their reader back.
   */
  async function exchange(message: Uint8Array, syncToFs: boolean, rowMode?: 'array' | 'object'): Promise<Reply> {
    const chunks: Uint8Array[] = [];
    await pglite.execProtocolRawStream(message, { syncToFs, onRawData: (chunk) => void chunks.push(chunk.slice()) });
    const reply = readReply(chunks.length === 1 ? chunks[0]! : concat(chunks), parsers, rowMode);
    if (reply.error) throw reply.error;
    return reply;
  }

  async function prepare(text: string): Promise<Prepared> {
    const name = `parley_${++counter}`;
    const { paramTypes } = await exchange(concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]), false);
    const prepared = { name, paramTypes };
    statements.set(text, prepared);
    if (statements.size > max) {
      const [oldest, old] = statements.entries().next().value as [string, Prepared];
      statements.delete(oldest);
      toClose.push(old.name);
    }
    return prepared;
  }

  /** The named statement for this text, prepared now if it is not yet; it becomes the most recently used. */
  async function statementFor(text: string): Promise<Prepared> {
    const prepared = statements.get(text);
    if (!prepared) return prepare(text);
    statements.delete(text);
    statements.set(text, prepared);
    return prepared;
  }

  async function runPrepared<T>(text: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean): Promise<Results<T>> {
    const prepared = await statementFor(text);
    const { paramTypes, name } = prepared;
    // As PGlite's query() does: each value by its parameter's type, or as text.
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pglite.serializers[paramTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const closes = toClose.splice(0).map((old) => serialize.close({ type: 'S', name: old }));
    const run = [serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({})];
    // The plan mode is set for this statement alone (and only until the transaction ends, in any case).
    const generic = wantsGenericPlan(text);
    const planMode = generic ? (await statementFor(PLAN_MODE)).name : '';
    const setMode = (mode: string) => [serialize.bind({ statement: planMode, values: ['plan_cache_mode', mode] }), serialize.execute({})];
    const message = concat([...closes, ...(generic ? [...setMode('force_generic_plan'), ...run, ...setMode('auto')] : run), serialize.sync()]);
    try {
      const { results } = await exchange(message, !inTransaction, options?.rowMode);
      return results[generic ? 1 : 0] as Results<T>;
    } catch (err) {
      if (STALE_STATEMENT.has((err as { code?: string }).code ?? '') && statements.get(text) === prepared) {
        statements.delete(text);
        toClose.push(name);
      }
      throw err;
    }
  }

  const run: RunQuery = (text, params, options, inTransaction) => runPrepared(text, params ?? [], options, inTransaction);
  return { run, size: () => statements.size };
}

/** Whether run() takes this statement; the others go through PGlite's own query(). */
export const preparedOnPglite = (text: string, options?: QueryOptions) => preparable(text) && !options?.blob && !options?.paramTypes;
