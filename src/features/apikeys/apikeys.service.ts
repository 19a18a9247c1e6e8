// API keys for integrations: one service, one role, shown once, stored hashed, revocable.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { type Actor, isRole, type OrgActor, type Role } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { findLiveKeyByHash, insertApiKey, listApiKeys, revokeApiKey, touchApiKey } from './apikeys.repo.ts';
import type { KeyCache } from './key-cache.ts';

const KEY_PATTERN = /^pk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
/** How often "last used" is written; also how long a checked key is remembered where a cache is given. */
export const TOUCH_EVERY_MS = 60_000;

export function createApiKeyService({ db, clock, audit, cache }: { db: Db; clock: Clock; audit: Audit; cache?: KeyCache }) {
  /** Shared by the admin page and the CLI (where the actor is the system). */
  async function create(orgId: string, input: { name: string; role: Role }, actor: Actor) {
    const id = newId();
    const prefix = newToken(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 8);
    const key = `pk_${prefix}_${newToken(32)}`;
    await inOrg(db, orgId, async (tx) => {
      await insertApiKey(tx, {
        id,
        orgId,
        name: input.name,
        role: input.role,
        prefix,
        keyHash: hashToken(key),
        createdBy: actor.type === 'user' ? actor.id! : null,
      });
      await audit.record(tx, actor, orgId, { action: 'api_key.created', entityType: 'api_key', entityId: id, detail: { role: input.role, name: input.name } });
    });
    return { id, key, prefix };
  }

  return {
    createForOrg: create,

    create(actor: OrgActor, input: { name: string; role: Role }) {
      authorise(actor, 'apikeys.manage');
      return create(actor.orgId, input, actor);
    },

    list(actor: OrgActor) {
      authorise(actor, 'apikeys.manage');
      return inOrg(db, actor.orgId, (tx) => listApiKeys(tx, actor.orgId));
    },

    async revoke(actor: OrgActor, id: string) {
      authorise(actor, 'apikeys.manage');
      await inOrg(db, actor.orgId, async (tx) => {
        if (!(await revokeApiKey(tx, actor.orgId, id, clock.now()))) throw notFound(msg('That API key was not found'));
        await audit.record(tx, actor, actor.orgId, { action: 'api_key.revoked', entityType: 'api_key', entityId: id });
        // Before COMMIT: a request checking the key from now on reads the database and waits for this revocation.
        cache?.clear();
      });
      cache?.clear();
    },

    /** The actor a bearer key stands for, or undefined for a key that is malformed, unknown or revoked. */
    async authenticate(key: string, ctx: { ip?: string; requestId?: string }): Promise<OrgActor | undefined> {
      if (!KEY_PATTERN.test(key)) return undefined;
      const hash = hashToken(key);
      const now = clock.now();
      let found = cache?.get(hash, now.getTime());
      if (!found) {
        const generation = cache?.generation() ?? 0;
        const row = await findLiveKeyByHash(db, hash);
        if (!row) return undefined;
        if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await asSystem(db, (tx) => touchApiKey(tx, row.id, now));
        found = row;
        cache?.set(hash, row, now.getTime(), generation);
      }
      if (!isRole(found.role)) return undefined;
      return {
        type: 'api_key',
        id: found.id,
        label: `API key: ${found.name}`,
        orgId: found.orgId,
        orgSlug: found.orgSlug,
        orgName: found.orgName,
        role: found.role,
        ...ctx,
      };
    },
  };
}
export type ApiKeyService = ReturnType<typeof createApiKeyService>;
