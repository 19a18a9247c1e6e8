// Every column encrypted at rest with the field keys (lib/field-keys.ts), and moving them all to the current key:
// for `parley secret rotate` and for a restore made under another secret. A value already under the current key is
// left alone (running it twice is harmless); a value written before encryption was turned on is encrypted now.
import { sql } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { type Keyring, reencryptField } from '#src/lib/field-crypto.ts';

/** `where` narrows the rows (only restricted timeline entries are encrypted); `json` marks an object of texts. */
export const ENCRYPTED_FIELDS = [
  { table: 'safeguarding_records', column: 'disclosed', where: sql`true` },
  { table: 'safeguarding_records', column: 'decision', where: sql`true` },
  { table: 'safeguarding_records', column: 'referred_to', where: sql`true` },
  { table: 'case_events', column: 'summary', where: sql`visibility = 'restricted'` },
  { table: 'case_events', column: 'body', where: sql`visibility = 'restricted'` },
  { table: 'rj_risk_assessments', column: 'areas', where: sql`true`, json: true },
] as const;

export type ReencryptCounts = Record<string, number>;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Re-encrypts every encrypted field under `ring.current`, reading with any key of the ring; in the caller's transaction. */
export async function reencryptFields(tx: Db, ring: Keyring): Promise<ReencryptCounts> {
  const counts: ReencryptCounts = {};
  for (const f of ENCRYPTED_FIELDS) {
    const field = `${f.table}.${f.column}`;
    let changed = 0;
    const rows = rowsOf<{ id: string; v: unknown }>(
      await tx.execute(
        sql`SELECT id, ${sql.identifier(f.column)} AS v FROM ${sql.identifier(f.table)} WHERE ${sql.identifier(f.column)} IS NOT NULL AND ${f.where}`,
      ),
    );
    for (const { id, v } of rows) {
      let next: string | undefined;
      if ('json' in f) {
        const texts = (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
        let any = false;
        const out = Object.fromEntries(
          Object.entries(texts).map(([k, t]) => {
            if (typeof t !== 'string') return [k, t];
            const moved = reencryptField(ring, `${field}.${k}`, t);
            if (moved !== undefined) any = true;
            return [k, moved ?? t];
          }),
        );
        if (any) next = JSON.stringify(out);
        if (next !== undefined) await tx.execute(sql`UPDATE ${sql.identifier(f.table)} SET ${sql.identifier(f.column)} = ${next}::jsonb WHERE id = ${id}`);
      } else {
        next = reencryptField(ring, field, v as string);
        if (next !== undefined) await tx.execute(sql`UPDATE ${sql.identifier(f.table)} SET ${sql.identifier(f.column)} = ${next} WHERE id = ${id}`);
      }
      if (next !== undefined) changed++;
    }
    counts[field] = changed;
  }
  return counts;
}
