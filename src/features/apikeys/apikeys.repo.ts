import { and, desc, eq, isNull } from '#src/db/orm.ts';
import type { Db } from '#src/db/client.ts';
import { apiKeys } from '#src/db/schema/people.ts';
import { organisations } from '#src/db/schema/organisations.ts';

export async function insertApiKey(
  tx: Db,
  k: { id: string; orgId: string; name: string; role: string; prefix: string; keyHash: string; createdBy: string | null },
) {
  await tx.insert(apiKeys).values(k);
}

export async function listApiKeys(tx: Db, orgId: string) {
  return tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt));
}

/** Owner-role lookup by hash, on every API request with a key. */
export async function findLiveKeyByHash(tx: Db, keyHash: string) {
  const rows = await tx
    .select({
      id: apiKeys.id,
      orgId: apiKeys.orgId,
      name: apiKeys.name,
      role: apiKeys.role,
      lastUsedAt: apiKeys.lastUsedAt,
      orgSlug: organisations.slug,
      orgName: organisations.name,
    })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return rows[0];
}

export async function touchApiKey(tx: Db, id: string, at: Date) {
  await tx.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}

export async function revokeApiKey(tx: Db, orgId: string, id: string, at: Date) {
  const rows = await tx
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
