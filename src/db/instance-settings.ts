// The instance's own key-value settings (not any one service's): the set-up token, when the database was last vacuumed.
import type { Db } from './client.ts';
import { eq, sql } from './orm.ts';
import { instanceSettings } from './schema/instance.ts';

export async function getInstanceSetting(tx: Db, key: string) {
  const rows = await tx.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return rows[0]?.value;
}

export async function putInstanceSetting(tx: Db, key: string, value: string | null) {
  if (value === null) {
    await tx.delete(instanceSettings).where(eq(instanceSettings.key, key));
    return;
  }
  await tx
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: sql`now()` } });
}
