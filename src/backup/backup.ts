// Backup and restore: a consistent snapshot of every service's data as gzipped JSON lines, restorable into
// either database. This is also how an embedded install moves to PostgreSQL.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/app-error.ts';
import { BACKED_UP, BACKED_UP_TABLES } from './tables.ts';

const FORMAT = 'parley-backup';
const VERSION = 1;
const BATCH = 1000;

type Header = { format: string; version: number; createdAt: string; lastMigration: number };
type Rows = Record<string, unknown>[];

const rowsOf = (result: unknown): Rows => (result as { rows: Rows }).rows;

async function lastMigration(tx: Db): Promise<number> {
  const result = rowsOf(await tx.execute(sql`SELECT coalesce(max(created_at), 0)::bigint AS at FROM drizzle.__drizzle_migrations`));
  return Number(result[0]?.at ?? 0);
}

/** Writes the snapshot from one read-only transaction, so every table is seen at the same moment. */
export async function writeBackup(db: Db, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    const header: Header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), lastMigration: await lastMigration(tx as unknown as Db) };
    await write(header);
    for (const { table, key } of BACKED_UP) {
      counts[table] = 0;
      // Keyset pagination on the table's key (a composite key is compared as a row).
      const keyCols = sql.join(
        key.split(', ').map((k) => sql.identifier(k)),
        sql`, `,
      );
      let after: unknown[] | null = null;
      for (;;) {
        const from =
          after === null
            ? sql`TRUE`
            : sql`(${keyCols}) > (${sql.join(
                after.map((v) => sql`${v}`),
                sql`, `,
              )})`;
        const result = await tx.execute(
          sql`SELECT json_build_array(${keyCols}) AS k, row_to_json(t) AS r FROM ${sql.identifier(table)} t WHERE ${from} ORDER BY ${keyCols} LIMIT ${BATCH}`,
        );
        const rows = rowsOf(result);
        if (rows.length > 0) await write({ table, rows: rows.map((x) => x.r) });
        counts[table] += rows.length;
        if (rows.length < BATCH) break;
        after = rows.at(-1)!.k as unknown[];
      }
    }
  });
  await write({ end: true, counts });
  gzip.end();
  await done;
  return counts;
}

/** Restores into a migrated, empty database in one transaction: all or nothing. */
export async function restoreBackup(db: Db, file: string): Promise<Record<string, number>> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  let header: Header | undefined;
  try {
    const first = await iterator.next();
    header = first.done ? undefined : (JSON.parse(first.value) as Header);
  } catch {
    header = undefined;
  }
  if (header?.format !== FORMAT) throw new AppError('BAD_REQUEST', `${file} is not a Parley backup`, { reason: 'NOT_A_BACKUP' });
  if (header.version > VERSION)
    throw new AppError('BAD_REQUEST', 'This backup was made by a newer Parley. Upgrade Parley, then restore.', { reason: 'BACKUP_TOO_NEW' });
  const restored: Record<string, number> = {};
  let ended = false;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (header.lastMigration > (await lastMigration(t)))
      throw new AppError('BAD_REQUEST', 'This backup was made by a newer Parley (its database has migrations this one lacks). Upgrade Parley, then restore.', {
        reason: 'BACKUP_TOO_NEW',
      });
    const existing = rowsOf(await t.execute(sql`SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM users) AS n`));
    if (Number(existing[0]?.n) > 0)
      throw new AppError(
        'CONFLICT',
        'The target database already holds data. Restore into an empty database: a new PARLEY_DATA_DIR, or a new PostgreSQL database in DATABASE_URL.',
        { reason: 'TARGET_NOT_EMPTY' },
      );
    // Tables point at each other (a referral at its case, the case at its referral): check the same-service keys at commit.
    await t.execute(sql`SET CONSTRAINTS ALL DEFERRED`);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const line = JSON.parse(next.value) as { table: string; rows: Rows; end?: boolean; counts?: Record<string, number> };
      if (line.end) {
        ended = true;
        for (const [table, n] of Object.entries(line.counts ?? {}))
          if ((restored[table] ?? 0) !== n)
            throw new AppError('BAD_REQUEST', `The backup is damaged: ${table} should hold ${n} rows`, { reason: 'BACKUP_DAMAGED' });
        break;
      }
      const { table, rows } = line;
      if (!BACKED_UP_TABLES.includes(table)) throw new AppError('BAD_REQUEST', `The backup holds an unknown table ${table}`, { reason: 'UNKNOWN_TABLE' });
      const generated = new Set(
        rowsOf(await t.execute(sql`SELECT column_name AS c FROM information_schema.columns WHERE table_name = ${table} AND is_generated = 'ALWAYS'`)).map(
          (r) => r.c as string,
        ),
      );
      const columns = Object.keys(rows[0] ?? {}).filter((c) => !generated.has(c));
      if (columns.length === 0) continue;
      const cols = sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      );
      await t.execute(
        sql`INSERT INTO ${sql.identifier(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${JSON.stringify(rows)}::json)`,
      );
      restored[table] = (restored[table] ?? 0) + rows.length;
    }
    if (!ended) throw new AppError('BAD_REQUEST', 'The backup is incomplete (it ends early). Nothing was restored.', { reason: 'BACKUP_TRUNCATED' });
    for (const { table } of BACKED_UP.filter((t) => 'serial' in t))
      await t.execute(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest((SELECT max(id) FROM ${sql.identifier(table)}), 1))`);
  });
  return restored;
}
