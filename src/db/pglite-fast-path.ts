// The embedded database's fast path: the one module that uses more of PGlite than its documented query() and
// transaction(). Everything here is checked at start-up (selfCheck) against the plain path's answers; when a member is
// missing or an answer differs (a PGlite upgrade changed something), the app logs a warning and runs on the plain path
// (client.ts), as it also does with PARLEY_DB_FAST_PATH=off. scripts/check-driver-internals.ts keeps PGlite's
// internals out of every other file.
//
// What it buys (bench/results.md, "Data path", the plain path measured on the same data in interleaved rounds): on
// PGlite, 1.3 to 5 times the plain path's requests a second on the case list, the searches and a referral, in all
// but one of sixteen comparisons; the filtered list at one connection 95 and 171 requests a second against 36 and 95.
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
//
// The reply to a run is read here (readReply): PGlite's own reader copies every field into a new buffer before
// decoding it, which for a page of 25 cases cost more than running the plan; this one decodes in place.
import { isDeepStrictEqual } from 'node:util';
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import { loadPglite } from './orm.ts';
import { preparable, STALE_STATEMENT, wantsGenericPlan } from './statements.ts';
import type { Turns } from './turns.ts';

type Parsers = Record<number, ((value: string, typeId: number) => unknown) | undefined>;
type Reply = { results: Results[]; paramTypes: number[]; error?: Error };

const ROW_DESCRIPTION = 0x54; // T
const DATA_ROW = 0x44; // D
const COMMAND_COMPLETE = 0x43; // C
const PARAMETER_DESCRIPTION = 0x74; // t
const ERROR_RESPONSE = 0x45; // E
const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

/** The error in one ErrorResponse message, made by PGlite's own reader so it is the DatabaseError its query() throws. */
function databaseError(message: Uint8Array): Error {
  let error: Error | undefined;
  new (loadPglite().protocol.Parser)().parse(message, (m) => {
    error = m as unknown as Error;
  });
  return error ?? new Error('The database sent an error it could not describe');
}

/** Reads a reply as PGlite's parseResults would, for rows as arrays or as objects. */
function readReply(reply: Uint8Array, parsers: Parsers, rowMode: 'array' | 'object' = 'object'): Reply {
  const b = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  const results: Results[] = [];
  let paramTypes: number[] = [];
  let error: Error | undefined;
  let fields: { name: string; dataTypeID: number }[] = [];
  let rows: unknown[] = [];
  let affectedRows = 0;
  let pos = 0;
  while (pos + 5 <= b.length) {
    const type = b[pos]!;
    const end = pos + 1 + b.readInt32BE(pos + 1);
    let p = pos + 5;
    if (type === DATA_ROW) {
      const n = b.readInt16BE(p);
      p += 2;
      const values: unknown[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const length = b.readInt32BE(p);
        p += 4;
        if (length < 0) {
          values[i] = null;
          continue;
        }
        const text = b.toString('utf8', p, p + length);
        p += length;
        const typeId = fields[i]?.dataTypeID ?? 0;
        const parse = parsers[typeId];
        values[i] = parse ? parse(text, typeId) : text;
      }
      rows.push(rowMode === 'array' ? values : Object.fromEntries(fields.map((f, i) => [f.name, values[i]])));
    } else if (type === ROW_DESCRIPTION) {
      const n = b.readInt16BE(p);
      p += 2;
      fields = [];
      for (let i = 0; i < n; i++) {
        const nul = b.indexOf(0, p);
        fields.push({ name: b.toString('utf8', p, nul), dataTypeID: b.readInt32BE(nul + 7) });
        p = nul + 19;
      }
    } else if (type === COMMAND_COMPLETE) {
      const words = b.toString('utf8', p, end - 1).split(' ');
      const command = words[0]!;
      const count = Number.parseInt(words[words.length - 1]!, 10);
      if (COUNTED.has(command)) affectedRows += count;
      results.push({ rows, fields, command, affectedRows, ...(Number.isNaN(count) ? {} : { rowCount: count }) } as Results);
      rows = [];
      fields = [];
    } else if (type === PARAMETER_DESCRIPTION) {
      const n = b.readInt16BE(p);
      paramTypes = Array.from({ length: n }, (_, i) => b.readInt32BE(p + 2 + 4 * i));
    } else if (type === ERROR_RESPONSE && !error) {
      error = databaseError(reply.subarray(pos, end));
    }
    pos = end;
  }
  if (!results.length) results.push({ affectedRows: 0, rows: [], fields: [] });
  return { results, paramTypes, error };
}

/** Statement texts kept at once; the least recently used is closed beyond this. */
export const MAX_STATEMENTS = 500;
const PLAN_MODE = 'SELECT FROM set_config($1, $2, true)';
let instances = 0;

type Prepared = { name: string; paramTypes: number[] };
type RunQuery = <T>(text: string, params: unknown[] | undefined, options: QueryOptions | undefined, inTransaction: boolean) => Promise<Results<T>>;

const concat = (parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

type PreparedStatements = { run: RunQuery; size: () => number };

/**
 * Runs statements on one PGlite instance as named prepared statements, keeping at most `max`. The caller holds
 * PGlite's locks as its query() would: the transaction lock and the query lock outside a transaction, the query
 * lock inside one (client.ts does).
 */
function preparedStatements(pglite: PGlite, max = MAX_STATEMENTS): PreparedStatements {
  const { serialize } = loadPglite().protocol;
  const parsers = pglite.parsers as Parameters<typeof readReply>[1];
  const statements = new Map<string, Prepared>(); // in order of last use, least recent first
  const toClose: string[] = [];
  const prefix = `parley_${++instances}_`; // a second set on the same instance (a test) never reuses a name
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
    const name = `${prefix}${++counter}`;
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
const preparedOnPglite = (text: string, options?: QueryOptions) => preparable(text) && !options?.blob && !options?.paramTypes;

/** What Drizzle is given: PGlite's query() and transaction(), on either path. */
export type QueryClient = Pick<PGlite, 'query' | 'transaction'>;
type TxClient = Pick<PGlite, 'query'> & { closed?: boolean };
const withoutParsers = (options?: QueryOptions) => (options?.parsers ? { ...options, parsers: undefined } : options);

/**
 * PGlite for Drizzle on the fast path: SELECT, INSERT, UPDATE, DELETE and WITH statements run as named prepared
 * statements, taking PGlite's locks as its own query() does (the transaction lock and the query lock outside a
 * transaction, the query lock inside one). Work outside a transaction, and each transaction, takes its turn (turns.ts).
 */
function fastClient(pglite: PGlite, statements: PreparedStatements, turns: Turns): QueryClient {
  const inTransaction = (tx: TxClient): TxClient => ({
    query: (async (text: string, params?: unknown[], options?: QueryOptions) => {
      const opts = withoutParsers(options);
      if (!preparedOnPglite(text, opts)) return tx.query(text, params, opts);
      if (tx.closed) throw new Error('Transaction is closed');
      return pglite._runExclusiveQuery(() => statements.run(text, params, opts, true));
    }) as PGlite['query'],
  });
  const query = (async (text: string, params?: unknown[], options?: QueryOptions) => {
    const opts = withoutParsers(options);
    if (!preparedOnPglite(text, opts)) return turns(() => pglite.query(text, params, opts));
    return turns(async () => {
      await pglite._checkReady();
      return pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(() => statements.run(text, params, opts, false)));
    });
  }) as PGlite['query'];
  const transaction = ((work: (tx: TxClient) => Promise<unknown>) =>
    turns(() => pglite.transaction((tx) => work(inTransaction(tx))))) as unknown as PGlite['transaction'];
  return { query, transaction };
}

/** Statements whose answers on the fast path must equal the plain path's: types, nulls, text, plans, errors. */
const CHECKS: { text: string; params: unknown[]; rowMode?: 'array' | 'object' }[] = [
  {
    text: "SELECT $1::int AS n, $2::text AS t, $3::timestamptz AS at, $4::jsonb AS j, '{t,f}'::boolean[] AS b, NULL::int AS z, $5::date AS d, 2.5::numeric AS x",
    params: [7, "Zoë “x” \\ '", new Date('2026-12-05T10:00:00Z'), JSON.stringify({ a: [1, 'two'] }), '2026-12-05'],
  },
  { text: 'SELECT n, n::text AS label FROM generate_series(1, $1::int) n', params: [3], rowMode: 'array' },
  { text: '/* generic plan */ SELECT count(*)::int AS c FROM generate_series(1, $1::int) n WHERE n > $2', params: [10, 4] },
  { text: 'WITH v(x) AS (VALUES (1), (2)) SELECT x FROM v WHERE x > $1', params: [5] },
];

const answer = (r: Results<unknown>) => ({
  rows: r.rows as unknown[],
  fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
  affectedRows: r.affectedRows ?? 0,
});
const codeOf = (run: () => Promise<unknown>) =>
  run().then(
    () => 'none',
    (err: { code?: string }) => err?.code ?? 'unknown',
  );

/** Whether the fast path answers every check as the plain path does, in and out of a transaction. */
async function selfCheck(fast: QueryClient, plain: QueryClient): Promise<boolean> {
  for (const { text, params, rowMode } of CHECKS) {
    const expected = answer(await plain.query(text, params, { rowMode }));
    if (!isDeepStrictEqual(answer(await fast.query(text, params, { rowMode })), expected)) return false;
    const inTx = await fast.transaction((tx) => tx.query(text, params, { rowMode }));
    if (!isDeepStrictEqual(answer(inTx), expected)) return false;
  }
  const divide = 'SELECT 10 / $1::int AS x';
  return (await codeOf(() => fast.query(divide, [0]))) === '22012' && (await codeOf(() => plain.query(divide, [0]))) === '22012';
}

const MEMBERS = ['_runExclusiveQuery', '_runExclusiveTransaction', '_checkReady', 'execProtocolRawStream'] as const;

/**
 * What makes fast-path clients, one for each way of taking turns (requests', the worker's) on the same named
 * statements; or undefined (with a warning that holds no data) when this PGlite lacks what it uses or answers
 * differently from the plain path.
 */
export async function fastPathClient(
  pglite: PGlite,
  plain: QueryClient,
  turns: Turns,
  max = MAX_STATEMENTS,
): Promise<((turns: Turns) => QueryClient) | undefined> {
  const warn = (why: string) => {
    process.emitWarning(`The embedded database's fast path is off (${why}); every statement goes through PGlite's query().`, { code: 'PARLEY_DB_FAST_PATH' });
    return undefined;
  };
  const protocol = loadPglite().protocol as { serialize?: unknown; Parser?: unknown } | undefined;
  const missing = MEMBERS.filter((m) => typeof (pglite as unknown as Record<string, unknown>)[m] !== 'function');
  if (missing.length || !protocol?.serialize || typeof protocol.Parser !== 'function') return warn('this PGlite lacks what it uses');
  const statements = preparedStatements(pglite, max);
  const clientFor = (taking: Turns) => fastClient(pglite, statements, taking);
  try {
    return (await selfCheck(clientFor(turns), plain)) ? clientFor : warn('its start-up check answered differently');
  } catch {
    return warn('its start-up check failed');
  }
}
