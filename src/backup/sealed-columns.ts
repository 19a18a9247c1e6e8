// Every column that holds a value sealed with the instance secret (createSecretBox), and re-sealing them all from
// an old secret to the current one: after a restore made with another secret, and for `parley secret rotate`.
import { sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { listIn, type Message, msg, worded } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { SecretBox } from '#src/lib/tokens.ts';

/** `sealedBy` names the files that call box.seal() for the column; a test checks no other file seals anything. */
export const SEALED_COLUMNS = [
  { table: 'users', column: 'totp_secret', what: msg('two-factor keys'), sealedBy: 'src/features/auth/two-factor.service.ts' },
  { table: 'dbs_checks', column: 'certificate_number', what: msg('DBS certificate numbers'), sealedBy: 'src/features/volunteers/dbs/dbs.service.ts' },
] as const;

export type ResealCounts = Record<string, { resealed: number; alreadyCurrent: number }>;

const rowsOf = (result: unknown) => (result as { rows: { id: string; v: string }[] }).rows;

/**
 * Opens every sealed value with `from` and seals it again with `to`, in the caller's transaction. A value that
 * already opens with `to` is left alone (so running it twice is harmless); if any opens with neither, nothing is
 * changed and the error says how many and where.
 */
export async function resealAll(tx: Db, from: SecretBox, to: SecretBox): Promise<ResealCounts> {
  const counts: ResealCounts = {};
  const unreadable: Message[] = [];
  for (const { table, column, what } of SEALED_COLUMNS) {
    const c = { resealed: 0, alreadyCurrent: 0 };
    counts[`${table}.${column}`] = c;
    const rows = rowsOf(
      await tx.execute(sql`SELECT id, ${sql.identifier(column)} AS v FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} IS NOT NULL`),
    );
    let lost = 0;
    for (const { id, v } of rows) {
      if (to.openOrNull(v) !== null) {
        c.alreadyCurrent++;
        continue;
      }
      const plain = from.openOrNull(v);
      if (plain === null) {
        lost++;
        continue;
      }
      await tx.execute(sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(column)} = ${to.seal(plain)} WHERE id = ${id}`);
      c.resealed++;
    }
    if (lost) unreadable.push({ text: msg('{lost} of {total} {what}'), params: { lost: String(lost), total: String(rows.length), what: worded(what) } });
  }
  if (unreadable.length)
    throw new AppError(
      'CONFLICT',
      msg(
        'Nothing was changed: {unreadable} cannot be opened with this instance’s PARLEY_SECRET or the old secret given. Give the secret they were made with in --old-secret-file FILE.',
      ),
      {
        reason: 'SEALED_VALUES_UNREADABLE',
        params: {
          unreadable: (t, locale) =>
            listIn(
              locale,
              // i18n-dynamic: each part is the msg() text above with its parameters
              unreadable.map((m) => t(m.text, m.params)),
              'conjunction',
              ' and ',
            ),
        },
      },
    );
  return counts;
}
