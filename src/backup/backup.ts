// Backup and restore: a consistent snapshot of every service's data as gzipped JSON lines, restorable into
// either database. This is also how an embedded install moves to PostgreSQL.
// A backup's header carries a fingerprint of the instance secret, and its last line an HMAC (keyed from that
// secret) over every line before it: a file edited inside a valid gzip is refused, and so is a restore under
// another secret unless the old one is given, when the sealed values are re-sealed with the current secret.
import { msg } from '#src/i18n/i18n.ts';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/app-error.ts';
import { createSecretBox } from '#src/lib/tokens.ts';
import { contentHmac, sameDigest, secretFingerprint } from './integrity.ts';
import { reencryptFields } from './encrypted-fields.ts';
import { keyringFrom } from '#src/lib/field-crypto.ts';
import { type ResealCounts, resealAll } from './sealed-columns.ts';
import { BACKED_UP, BACKED_UP_TABLES } from './tables.ts';

const FORMAT = 'parley-backup';
/** 1: no fingerprint, no HMAC. 2: both. */
const VERSION = 2;
const BATCH = 1000;

type Header = { format: string; version: number; createdAt: string; lastMigration: number; secretFingerprint?: string };
type Rows = Record<string, unknown>[];

export type RestoreOptions = {
  /** The secret of the instance restoring (config.secret). */
  secret: string;
  /** The secret the backup was made with, when it differs: its sealed values are re-sealed with `secret`. */
  oldSecret?: string | undefined;
  /** Accept a backup from before backups were signed (version 1), which cannot be checked. */
  allowUnsigned?: boolean | undefined;
};
export type RestoreResult = { counts: Record<string, number>; resealed?: ResealCounts; warnings: string[] };

const rowsOf = (result: unknown): Rows => (result as { rows: Rows }).rows;
const refuse = (message: string, reason: string) => new AppError('BAD_REQUEST', message, { reason });

async function lastMigration(tx: Db): Promise<number> {
  const result = rowsOf(await tx.execute(sql`SELECT coalesce(max(created_at), 0)::bigint AS at FROM drizzle.__drizzle_migrations`));
  return Number(result[0]?.at ?? 0);
}

/** The file's lines, with a damaged or cut-off gzip stream reported as such. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of input) yield line;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE')
      throw refuse('The backup is incomplete (it ends early). Nothing was restored.', msg('BACKUP_TRUNCATED'));
    if (code?.startsWith('Z_')) throw refuse(`The backup is damaged: ${file} cannot be decompressed. Nothing was restored.`, msg('BACKUP_DAMAGED'));
    throw err;
  }
}

const parseLine = (line: string): Record<string, unknown> | undefined => {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

const EDITED =
  'The backup has been changed since it was made: its integrity check does not match its contents. Nothing was restored. Restore an unaltered copy.';

/**
 * Reads the header and decides which secret the backup was made with: the current one, or the old one given.
 * Refuses, saying why, when it was made with another secret and none (or the wrong one) was given.
 */
function backupSecret(file: string, header: Header | undefined, options: RestoreOptions, warnings: string[]): string | null {
  if (header?.format !== FORMAT) throw refuse(`${file} is not a Parley backup`, msg('NOT_A_BACKUP'));
  if (header.version > VERSION) throw refuse('This backup was made by a newer Parley. Upgrade Parley, then restore.', msg('BACKUP_TOO_NEW'));
  if (header.version < 2) {
    if (!options.allowUnsigned)
      throw refuse(
        'This backup was made by an older Parley, before backups carried an integrity check, so Parley cannot tell whether it has been changed. If you are sure it has not, restore it with --allow-unsigned (and --old-secret-file if it was made with another PARLEY_SECRET).',
        msg('BACKUP_UNSIGNED'),
      );
    warnings.push('This backup has no integrity check (it was made by an older Parley): it was restored without one.');
    return null;
  }
  if (header.secretFingerprint && sameDigest(header.secretFingerprint, secretFingerprint(options.secret))) return options.secret;
  if (options.oldSecret === undefined)
    throw refuse(
      'This backup was made with a different PARLEY_SECRET. Two-factor keys and DBS certificate numbers in it are encrypted with that secret and could not be read here. Either run with the same PARLEY_SECRET as the instance that made it (or copy its data directory’s secret file), or restore with --old-secret-file FILE naming a file that holds the old secret: everything encrypted is then re-encrypted with this instance’s secret.',
      msg('SECRET_MISMATCH'),
    );
  if (!header.secretFingerprint || !sameDigest(header.secretFingerprint, secretFingerprint(options.oldSecret)))
    throw refuse('The old secret given is not the one this backup was made with. Nothing was restored.', msg('OLD_SECRET_MISMATCH'));
  return options.oldSecret;
}

/** Reads the whole file once, checking its HMAC, before the database is touched. */
async function checkFile(file: string, options: RestoreOptions, warnings: string[]): Promise<{ header: Header; madeWith: string | null }> {
  let header: Header | undefined;
  let madeWith: string | null = null;
  let hmac: ReturnType<typeof contentHmac> | undefined;
  let trailer: string | undefined;
  try {
    for await (const line of linesOf(file)) {
      if (header === undefined) {
        header = parseLine(line) as Header | undefined;
        madeWith = backupSecret(file, header, options, warnings);
        if (madeWith === null) return { header: header!, madeWith };
        hmac = contentHmac(madeWith);
      } else if (trailer !== undefined) throw refuse(EDITED, msg('BACKUP_EDITED'));
      else {
        const last = line.startsWith('{"hmac":') ? parseLine(line) : undefined;
        if (typeof last?.hmac === 'string') {
          trailer = last.hmac;
          continue;
        }
      }
      hmac!.update(`${line}\n`);
    }
  } catch (err) {
    if (header === undefined && err instanceof AppError && err.reason === 'BACKUP_DAMAGED') throw refuse(`${file} is not a Parley backup`, msg('NOT_A_BACKUP'));
    throw err;
  }
  if (header === undefined) backupSecret(file, header, options, warnings);
  if (trailer === undefined) throw refuse('The backup is incomplete (it ends early). Nothing was restored.', msg('BACKUP_TRUNCATED'));
  if (!sameDigest(trailer, hmac!.digest('base64url'))) throw refuse(EDITED, msg('BACKUP_EDITED'));
  return { header: header!, madeWith };
}

/** Writes the snapshot from one read-only transaction, so every table is seen at the same moment. */
export async function writeBackup(db: Db, file: string, secret: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  const hmac = contentHmac(secret);
  const write = async (value: unknown, signed = true) => {
    const line = `${JSON.stringify(value)}\n`;
    if (signed) hmac.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    const header: Header = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      lastMigration: await lastMigration(tx as unknown as Db),
      secretFingerprint: secretFingerprint(secret),
    };
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
  await write({ hmac: hmac.digest('base64url') }, false);
  gzip.end();
  await done;
  return counts;
}

/**
 * Restores into a migrated, empty database in one transaction: all or nothing. The file is checked first (its
 * HMAC and the secret it was made with); with the old secret given, sealed values are re-sealed with the current one.
 */
export async function restoreBackup(db: Db, file: string, options: RestoreOptions): Promise<RestoreResult> {
  const warnings: string[] = [];
  const { header, madeWith } = await checkFile(file, options, warnings);
  const iterator = linesOf(file);
  await iterator.next(); // the header, read by checkFile
  const restored: Record<string, number> = {};
  let resealed: ResealCounts | undefined;
  let ended = false;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (header.lastMigration > (await lastMigration(t)))
      throw new AppError(
        'BAD_REQUEST',
        msg('This backup was made by a newer Parley (its database has migrations this one lacks). Upgrade Parley, then restore.'),
        {
          reason: 'BACKUP_TOO_NEW',
        },
      );
    const existing = rowsOf(await t.execute(sql`SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM users) AS n`));
    if (Number(existing[0]?.n) > 0)
      throw new AppError(
        'CONFLICT',
        msg('The target database already holds data. Restore into an empty database: a new PARLEY_DATA_DIR, or a new PostgreSQL database in DATABASE_URL.'),
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
            throw new AppError('BAD_REQUEST', msg('The backup is damaged: {table} should hold {n} rows'), { reason: 'BACKUP_DAMAGED', params: { table, n } });
        break;
      }
      const { table, rows } = line;
      if (!BACKED_UP_TABLES.includes(table))
        throw new AppError('BAD_REQUEST', msg('The backup holds an unknown table {table}'), { reason: 'UNKNOWN_TABLE', params: { table } });
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
    if (!ended) throw new AppError('BAD_REQUEST', msg('The backup is incomplete (it ends early). Nothing was restored.'), { reason: 'BACKUP_TRUNCATED' });
    for (const { table } of BACKED_UP.filter((t) => 'serial' in t))
      await t.execute(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest((SELECT max(id) FROM ${sql.identifier(table)}), 1))`);
    // A signed backup made with this secret needs nothing; otherwise every sealed value is opened (and re-sealed
    // when it was made with the old secret), so an older backup made with another secret is refused, not half-usable.
    if (madeWith !== options.secret) {
      const current = createSecretBox(options.secret);
      resealed = await resealAll(t, options.oldSecret === undefined ? current : createSecretBox(options.oldSecret), current);
      // The encrypted fields (safeguarding, restricted notes, RJ assessments) move to this instance's key too.
      if (options.oldSecret !== undefined) await reencryptFields(t, keyringFrom(options.secret, [options.oldSecret]));
    }
  });
  await iterator.return(undefined);
  return { counts: restored, warnings, ...(resealed ? { resealed } : {}) };
}
