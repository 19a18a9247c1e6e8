// Creating services and their first admin (setup page, CLI, demo).
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor } from '#src/access/actor.ts';
import { insertMembership } from '#src/features/people/memberships.ts';
import { findUserByEmail, insertUser, setInstanceOperator } from '#src/features/auth/accounts.ts';
import { hashPassword } from '#src/lib/passwords.ts';
import { refuseWeakPassword } from '#src/lib/password-strength.ts';
import { getInstanceSetting, putInstanceSetting } from '#src/db/instance-settings.ts';
import { countOrgs, findOrgBySlug, insertOrg } from '#src/features/orgs/org-records.ts';
import type { NewOrgInput } from '#src/features/orgs/orgs.schemas.ts';

const SETUP_KEY = 'setup_token_hash';

export function createOrgService({ db, audit }: { db: Db; clock: Clock; audit: Audit }) {
  async function createOrg(tx: Db, input: NewOrgInput, actor: Actor) {
    if (await findOrgBySlug(tx, input.slug))
      throw new AppError('CONFLICT', msg('That short name is already used by another service'), {
        reason: 'SLUG_TAKEN',
        fields: { slug: 'That short name is already used by another service, choose another' },
      });
    const id = newId();
    await insertOrg(tx, { id, slug: input.slug, name: input.name, email: input.email || null, phone: input.phone || null, address: input.address || null });
    await audit.record(tx, actor, id, { action: 'org.created', entityType: 'organisation', entityId: id, detail: { slug: input.slug } });
    return id;
  }

  return {
    createOrg: (input: NewOrgInput, actor: Actor) => asSystem(db, (tx) => createOrg(tx, input, actor)),

    hasAnyOrg: () => asSystem(db, async (tx) => (await countOrgs(tx)) > 0),

    /** A fresh one-time setup link token while no service exists; undefined once one does. */
    async issueSetupToken(): Promise<string | undefined> {
      return asSystem(db, async (tx) => {
        if ((await countOrgs(tx)) > 0) return undefined;
        const token = newToken(24);
        await putInstanceSetting(tx, SETUP_KEY, hashToken(token));
        return token;
      });
    },

    async isSetupTokenValid(token: string | undefined) {
      if (!token) return false;
      return asSystem(db, async (tx) => (await countOrgs(tx)) === 0 && (await getInstanceSetting(tx, SETUP_KEY)) === hashToken(token));
    },

    /** The setup page: the first service and its first admin, in one transaction. The token then stops working. */
    async setUpFirstService(token: string, org: NewOrgInput, admin: { name: string; email: string; password: string }, actor: Actor) {
      refuseWeakPassword(admin.password, admin, 'password');
      const passwordHash = await hashPassword(admin.password);
      return asSystem(db, async (tx) => {
        if ((await countOrgs(tx)) > 0 || (await getInstanceSetting(tx, SETUP_KEY)) !== hashToken(token))
          throw new AppError('FORBIDDEN', msg('This setup link has already been used or has expired'), { reason: 'SETUP_DONE' });
        const orgId = await createOrg(tx, org, actor);
        const existing = await findUserByEmail(tx, admin.email);
        const userId = existing?.id ?? (await insertUser(tx, { ...admin, passwordHash }));
        await insertMembership(tx, { orgId, userId, role: 'admin' });
        await putInstanceSetting(tx, SETUP_KEY, null);
        const asAdmin = { ...actor, id: userId, label: admin.name };
        await audit.record(tx, asAdmin, orgId, {
          action: 'membership.created',
          entityType: 'user',
          entityId: userId,
          detail: { role: 'admin' },
        });
        // Whoever sets Parley up runs it: they load the data every service shares (docs/decisions/010).
        await setInstanceOperator(tx, audit, asAdmin, { id: userId, instanceOperator: existing?.instanceOperator ?? false }, true, 'setup');
        return { orgId, userId };
      });
    },
  };
}
export type OrgService = ReturnType<typeof createOrgService>;
