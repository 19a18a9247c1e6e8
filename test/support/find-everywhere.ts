// For tests that prove a value is gone: every text, JSON and text-array column of every table, searched for it.
import { asSystem } from '#src/db/tenant.ts';
import { sql } from '#src/db/orm.ts';
import type { Deps } from '#src/deps.ts';

/** The `table.column` pairs that hold `needle` anywhere (case-insensitive). */
export async function findEverywhere(deps: Pick<Deps, 'db'>, needle: string): Promise<string[]> {
  return asSystem(deps.db, async (tx) => {
    const cols = (await tx.execute(
      sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'ARRAY', 'character varying')`,
    )) as unknown as { rows: { table_name: string; column_name: string }[] };
    const hits: string[] = [];
    for (const c of cols.rows) {
      const r = (await tx.execute(
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(c.table_name)} WHERE ${sql.identifier(c.column_name)}::text ILIKE ${`%${needle}%`}`,
      )) as unknown as { rows: { n: number }[] };
      if (r.rows[0]!.n > 0) hits.push(`${c.table_name}.${c.column_name}`);
    }
    return hits;
  });
}
