// Parts read in one statement (db/read-in-one.ts): the home's queues and the case pages' directory. Each part's rows
// come back from PostgreSQL as JSON and are read into what Drizzle gives. On the demo service, where every queue has
// something, each part must read exactly what the feature's own reader reads: the same rows, in the same order, with
// dates as dates, days as text, JSON as objects and nulls as nulls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { type OrgActor, systemActor } from '#src/access/actor.ts';
import { createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { eq, sql } from '#src/db/orm.ts';
import { users } from '#src/db/schema/people.ts';
import { DEMO_STAFF, loadDemo } from '#src/demo/load-demo.ts';
import { partsReader } from '#src/db/read-in-one.ts';
import { listMyTasks, listSafeguarding } from '#src/features/cases/case-reads.ts';
import { listMembers, listOpenInvitations } from '#src/features/people/people-reads.ts';
import { listEnquiries, listReferrals } from '#src/features/referrals/referral-reads.ts';
import { listRequests } from '#src/features/meetings/requests/requests.repo.ts';
import { hasVenue } from '#src/features/meetings/meeting-reads.ts';
import { hasVolunteer } from '#src/features/volunteers/volunteer-reads.ts';
import { listVolunteersWithLatestDbs } from '#src/features/volunteers/dbs/dbs.repo.ts';
import { listCurrentRjAccreditations } from '#src/features/volunteers/training/training.repo.ts';
import { openSendCases } from '#src/features/send/send.repo.ts';
import { runningVictimsCodeCases } from '#src/features/rj/rj.repo.ts';
import { homeParts } from '#src/features/home/home.service.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { statementRuns } from '../support/plan-counts.ts';

const everyPart = partsReader('test_every_home_part', homeParts);
const ALL = [
  'safeguarding',
  'referrals',
  'enquiries',
  'requests',
  'tasks',
  'invitations',
  'venue',
  'volunteer',
  'dbs',
  'accreditations',
  'send',
  'victimsCode',
] as const;

let h: Harness;
let orgId: string;
let userId: string;
let admin: OrgActor;

beforeAll(async () => {
  h = await startHarness();
  orgId = (await loadDemo(h.deps)).orgId;
  // The demo's coordinator, who has tasks.
  const [coordinator] = await asSystem(h.deps.db, (tx) =>
    tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_STAFF.find((s) => s.role === 'coordinator')!.email)),
  );
  userId = coordinator!.id;
  // The demo has no invitation waiting: one, from the admin.
  const { key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'parts check', role: 'admin' }, systemActor('test'));
  admin = (await h.deps.apiKeys.authenticate(key, {}))! as OrgActor;
  await h.deps.people.invite(admin, { name: 'Quinn Invitee', email: 'quinn.invitee@demo.parley.example', role: 'mediator' });
  // Nor an RJ case whose Victims' Code clock runs: the service becomes the first contact on one of its open RJ cases.
  await asSystem(h.deps.db, (tx) =>
    tx.execute(sql`UPDATE rj_cases SET first_contact_on = '2026-12-01', information_given_on = NULL
      WHERE case_id = (SELECT c.id FROM cases c JOIN rj_cases r ON r.case_id = c.id WHERE c.org_id = ${orgId} AND c.status IN ('intake', 'open') LIMIT 1)`),
  );
}, 120_000);
afterAll(() => h?.close());

describe('parts read in one statement', () => {
  it('the home’s read what each feature’s own reader reads, on a service with something in every queue', async () => {
    const now = h.clock.now();
    const today = now.toISOString().slice(0, 10);
    await inOrg(h.deps.db, orgId, async (tx) => {
      const read = await everyPart(tx, ALL, { orgId, userId, now: now.toISOString(), today });
      const own = {
        safeguarding: await listSafeguarding(tx, orgId, { status: 'open' }),
        referrals: (await listReferrals(tx, orgId, { status: 'new', limit: 10, offset: 0 })).rows,
        enquiries: await listEnquiries(tx, orgId, 'new'),
        requests: await listRequests(tx, orgId, 'open', 5),
        tasks: await listMyTasks(tx, orgId, userId),
        members: await listMembers(tx, orgId),
        invitations: await listOpenInvitations(tx, orgId, now),
        venue: await hasVenue(tx, orgId),
        volunteer: await hasVolunteer(tx, orgId),
        dbs: await listVolunteersWithLatestDbs(tx, orgId),
        accreditations: await listCurrentRjAccreditations(tx, orgId, today),
        send: (await openSendCases(tx, orgId)).rows,
        victimsCode: await runningVictimsCodeCases(tx, orgId),
      };
      for (const name of ALL) {
        const value = own[name];
        // Something to compare: a list with rows in it (the demo has some in each), or a yes.
        expect(Array.isArray(value) ? value.length : value, name).toBeTruthy();
        expect(read[name], name).toStrictEqual(value);
      }
      // The types, not only the values: a date stays a Date, a day stays text, JSON stays an object.
      expect(read.safeguarding![0]!.record.createdAt).toBeInstanceOf(Date);
      expect(read.tasks![0]!.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(read.dbs!.some((v) => Array.isArray(v.statusChecks))).toBe(true);
    });
  });

  it('are read only when asked for, and a service with nothing in them reads empty lists and no', async () => {
    const other = await makeOrg(h.deps, 'empty-parts');
    await inOrg(h.deps.db, other.orgId, async (tx) => {
      const read = await everyPart(tx, ['tasks', 'venue', 'send'], { orgId: other.orgId, userId, now: new Date().toISOString(), today: '2026-12-07' });
      expect(read).toStrictEqual({ tasks: [], venue: false, send: [] });
      // Row-level security holds inside the one statement too: the demo's rows are not another service's to read.
      const { rows } = (await tx.execute(sql`SELECT count(*)::int AS n FROM tasks`)) as unknown as { rows: { n: number }[] };
      expect(rows[0]!.n).toBe(0);
    });
  });

  it('make a new service admin’s home four statements, where each queue was one of its own', async (ctx) => {
    // Counted from the prepared statements' runs: the embedded database's plain path prepares none.
    if (h.deps.database.kind === 'pglite' && h.deps.database.dataPath === 'plain') ctx.skip();
    const org = await makeOrg(h.deps, 'home-statements');
    const web = await signIn(h, await makeMember(h.deps, org.orgId, 'admin', 'ada.admin@home-statements.example'));
    expect((await web.get('/home')).statusCode).toBe(200);
    const before = await statementRuns(h.deps.database);
    for (let i = 0; i < 10; i++) expect((await web.get('/home')).statusCode).toBe(200);
    // The session, the role switch, the parts and the admin's own cases: sixteen before the parts. On PostgreSQL the
    // role switch goes with the transaction's BEGIN, on the simple protocol, so it is not a prepared statement there.
    expect(((await statementRuns(h.deps.database)) - before) / 10).toBe(h.deps.database.kind === 'postgres' ? 3 : 4);
  });

  it('give the case pages their directory, in one statement: coordinators, every name, the areas and the case types', async () => {
    const directory = await createCasePagesService(h.deps).directory(admin);
    const rows = async <T>(query: ReturnType<typeof sql>) => ((await asSystem(h.deps.db, (tx) => tx.execute(query))) as unknown as { rows: T[] }).rows;
    const members = sql`FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ${orgId}`;
    expect(directory.coordinators).toStrictEqual(
      await rows(sql`SELECT u.id, u.name ${members} AND m.status = 'active' AND m.role IN ('admin', 'coordinator') ORDER BY u.name`),
    );
    const names = await rows<{ id: string; name: string }>(sql`SELECT u.id, u.name ${members}`);
    expect(directory.names).toStrictEqual(Object.fromEntries(names.map((m) => [m.id, m.name])));
    const areas = await rows<{ la: string }>(
      sql`SELECT DISTINCT local_authority AS la FROM cases WHERE org_id = ${orgId} AND local_authority IS NOT NULL ORDER BY 1`,
    );
    expect(areas.length).toBeGreaterThan(0);
    expect(directory.areas).toStrictEqual(areas.map((a) => a.la));
    const types = await rows<{ code: string }>(sql`SELECT code FROM case_types WHERE org_id = ${orgId} ORDER BY name IS NOT NULL, created_at, code`);
    expect(directory.types.map((t) => t.code)).toStrictEqual(types.map((t) => t.code));
  });
});
