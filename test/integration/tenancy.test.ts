// Services are kept apart twice: every repo query filters by org, and row-level security catches a query that forgets.
import { sql } from '#src/db/orm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { apiKeys, invitations, memberships, users } from '#src/db/schema/people.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { organisations } from '#src/db/schema/organisations.ts';
import { systemActor } from '#src/access/actor.ts';
import { twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

/** The database's own words (drizzle wraps them as the error's cause). */
async function dbError(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    return String((err as { cause?: Error }).cause?.message ?? (err as Error).message);
  }
  return 'no error';
}

let h: Harness;
let s: Awaited<ReturnType<typeof twoServices>>;

beforeAll(async () => {
  h = await startHarness();
  s = await twoServices(h);
  await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'alpha key', role: 'viewer' }, systemActor('test'));
  await h.deps.people.addMemberAsSystem(s.a.orgId, { email: 'invitee@alpha.example', name: 'Ivy Invitee', role: 'mediator' }, systemActor('test'));
});
afterAll(() => h?.close());

describe('row-level security', () => {
  it('shows a query that forgets the organisation filter only its own service', async () => {
    const seen = await inOrg(h.deps.db, s.b.orgId, async (tx) => ({
      orgs: await tx.select().from(organisations),
      members: await tx.select().from(memberships),
      people: await tx.select().from(users),
      invitations: await tx.select().from(invitations),
      keys: await tx.select().from(apiKeys),
      audit: await tx.select().from(auditEvents),
    }));
    expect(seen.orgs.map((o) => o.slug)).toEqual(['bravo']);
    expect(seen.members.every((m) => m.orgId === s.b.orgId)).toBe(true);
    expect(seen.people.map((p) => p.email)).toEqual(['bo.admin@bravo.example']);
    expect(seen.invitations).toEqual([]);
    expect(seen.keys).toEqual([]);
    expect(seen.audit.length).toBeGreaterThan(0);
    expect(seen.audit.every((e) => e.orgId === s.b.orgId)).toBe(true);
  });

  it('refuses to write a row into another service', async () => {
    const message = await dbError(
      inOrg(h.deps.db, s.b.orgId, (tx) => tx.insert(memberships).values({ id: crypto.randomUUID(), orgId: s.a.orgId, userId: s.adminB.userId, role: 'admin' })),
    );
    expect(message).toMatch(/row-level security/);
  });

  it('cannot update or delete another service’s rows, even by id', async () => {
    const updated = await inOrg(h.deps.db, s.b.orgId, (tx) =>
      tx.update(organisations).set({ name: 'Hijacked' }).where(sql`${organisations.id} = ${s.a.orgId}`).returning(),
    );
    expect(updated).toEqual([]);
  });

  it('gives the application role no way to change or remove audit rows', async () => {
    expect(await dbError(inOrg(h.deps.db, s.a.orgId, (tx) => tx.execute(sql`UPDATE audit_events SET action = 'x'`)))).toMatch(/permission denied/);
    expect(await dbError(inOrg(h.deps.db, s.a.orgId, (tx) => tx.execute(sql`DELETE FROM audit_events`)))).toMatch(/permission denied/);
  });

  it('runs tenant work as the non-superuser role', async () => {
    const result = await inOrg(h.deps.db, s.a.orgId, (tx) => tx.execute(sql`SELECT current_user AS who, current_setting('parley.org_id') AS org`));
    const row = (result as unknown as { rows: { who: string; org: string }[] }).rows[0];
    expect(row).toEqual({ who: 'parley_app', org: s.a.orgId });
  });
});
