// A reference between a service's rows can never point into another service. The walk reads the database's own
// catalogue: every uuid column of a service-owned table (one with org_id) must be covered by a foreign key that
// includes org_id, or by the same-service trigger, or be listed below with the reason it needs neither. Then it
// tries real cross-service references, straight into the database and through the API.
import { sql } from '#src/db/orm.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

/** uuid columns of service-owned tables that reference no row of a service, and why. */
const NOT_A_SERVICE_REFERENCE: Record<string, string> = {
  'memberships.user_id': 'the membership is what puts a person (users has no org_id) in a service',
  'sessions.user_id': 'a session is a person’s sign-in; org_id is the service they are looking at, checked at sign-in',
  'check_in_answers.term_id': 'a term of the signed agreement: its same-service key comes with the agreements feature’s tables',
};

/** Columns that hold whoever acted (a member's user id or an API key's id), checked by parley_actor_in_org(). */
const ACTOR_COLUMNS = ['enquiries.handled_by', 'invitations.invited_by', 'referrals.decided_by'];

type Row = Record<string, unknown>;
const rows = async (query: ReturnType<typeof sql>) => ((await h.deps.db.execute(query)) as unknown as { rows: Row[] }).rows;

let h: Harness;
let s: Awaited<ReturnType<typeof twoServices>>;

beforeAll(async () => {
  h = await startHarness();
  s = await twoServices(h);
});
afterAll(() => h?.close());

describe('the catalogue', () => {
  it('covers every uuid column of a service-owned table with a same-service key, the actor trigger, or a stated reason', async () => {
    const columns = await rows(sql`
      SELECT c.table_name AS t, c.column_name AS c
      FROM information_schema.columns c
      WHERE c.table_schema = current_schema() AND c.data_type = 'uuid' AND c.column_name NOT IN ('id', 'org_id')
        AND EXISTS (SELECT 1 FROM information_schema.columns o
                    WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name AND o.column_name = 'org_id')
      ORDER BY 1, 2`);
    const keyed = await rows(sql`
      SELECT rel.relname AS t, a.attname AS c, con.convalidated AS valid, con.condeferrable AS deferrable
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = rel.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
      JOIN pg_attribute org ON org.attrelid = con.conrelid AND org.attname = 'org_id' AND org.attnum = ANY (con.conkey)
      JOIN pg_attribute porg ON porg.attrelid = con.confrelid AND porg.attname = 'org_id' AND porg.attnum = ANY (con.confkey)
      WHERE con.contype = 'f' AND a.attname <> 'org_id'
        AND array_position(con.conkey, org.attnum) = array_position(con.confkey, porg.attnum)`);
    const triggered = await rows(sql`
      SELECT rel.relname AS t, encode(tg.tgargs, 'escape') AS args
      FROM pg_trigger tg
      JOIN pg_class rel ON rel.oid = tg.tgrelid
      JOIN pg_proc p ON p.oid = tg.tgfoid AND p.proname = 'parley_actor_in_org'
      WHERE NOT tg.tgisinternal`);
    const covered = new Set([
      ...keyed.map((k) => `${k.t}.${k.c}`),
      ...triggered.map(
        (tr) =>
          `${tr.t}.${String(tr.args)
            .replace(/\\000$/, '')
            .replace(/\0$/, '')}`,
      ),
    ]);
    const all = columns.map((c) => `${c.t}.${c.c}`);
    const uncovered = all.filter((c) => !covered.has(c) && !(c in NOT_A_SERVICE_REFERENCE));
    expect(uncovered).toEqual([]);
    expect(all.length).toBeGreaterThan(45);
    // The lists stay honest: every entry is a real column, and the actor trigger is on each actor column.
    for (const c of [...Object.keys(NOT_A_SERVICE_REFERENCE), ...ACTOR_COLUMNS]) expect(all).toContain(c);
    for (const c of ACTOR_COLUMNS) expect(covered).toContain(c);
    // Fresh databases hold no bad rows, so every key is validated; each may be deferred (a restore loads cycles).
    expect(keyed.filter((k) => !k.valid || !k.deferrable)).toEqual([]);
  });

  it('has no foreign key to a service-owned table that leaves org_id out', async () => {
    const loose = await rows(sql`
      SELECT con.conname AS name
      FROM pg_constraint con
      JOIN pg_namespace n ON n.oid = con.connamespace AND n.nspname = current_schema()
      WHERE con.contype = 'f' AND con.confrelid <> 'organisations'::regclass
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attname = 'org_id')
        AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attname = 'org_id' AND a.attnum = ANY (con.confkey))`);
    expect(loose).toEqual([]);
  });
});

describe('a reference into another service', () => {
  const fkError = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (err) {
      const cause = (err as { cause?: { code?: string; constraint?: string } }).cause ?? (err as { code?: string; constraint?: string });
      return { code: cause.code, constraint: cause.constraint };
    }
    return { code: 'none' };
  };

  it('is refused by the database even when the code forgets to check', async () => {
    const caseA = crypto.randomUUID();
    await asSystem(h.deps.db, (tx) =>
      tx.execute(sql`INSERT INTO cases (id, org_id, reference, case_type, status, summary, opened_at, status_changed_at)
                     VALUES (${caseA}, ${s.a.orgId}, 'A-1', 'community', 'intake', 'x', now(), now())`),
    );
    const coordinator = await fkError(asSystem(h.deps.db, (tx) => tx.execute(sql`UPDATE cases SET coordinator_id = ${s.adminB.userId} WHERE id = ${caseA}`)));
    expect(coordinator).toEqual({ code: '23503', constraint: 'cases_coordinator_id_same_service_fk' });
    const task = await fkError(
      asSystem(h.deps.db, (tx) =>
        tx.execute(sql`INSERT INTO tasks (id, org_id, case_id, title, due_on, assignee_id, created_at)
                       VALUES (${crypto.randomUUID()}, ${s.a.orgId}, ${caseA}, 'x', '2030-01-01', ${s.adminB.userId}, now())`),
      ),
    );
    expect(task).toEqual({ code: '23503', constraint: 'tasks_assignee_id_same_service_fk' });
    const party = await fkError(
      asSystem(h.deps.db, (tx) =>
        tx.execute(sql`INSERT INTO parties (id, org_id, case_id, name, name_norm, role, created_at)
                       VALUES (${crypto.randomUUID()}, ${s.b.orgId}, ${caseA}, 'Pat Example', 'pat example', 'party', now())`),
      ),
    );
    expect(party).toEqual({ code: '23503', constraint: 'parties_case_id_same_service_fk' });
    // A member of the service is fine.
    await asSystem(h.deps.db, (tx) => tx.execute(sql`UPDATE cases SET coordinator_id = ${s.adminA.userId} WHERE id = ${caseA}`));
  });

  it('is refused for whoever acted, too (a member or an API key of the service)', async () => {
    const keyB = await h.deps.apiKeys.createForOrg(s.b.orgId, { name: 'bravo key', role: 'coordinator' }, systemActor('test'));
    const invite = (by: string) =>
      asSystem(h.deps.db, (tx) =>
        tx.execute(sql`INSERT INTO invitations (id, org_id, email, name, role, token_hash, invited_by, expires_at)
                       VALUES (${crypto.randomUUID()}, ${s.a.orgId}, 'x@example.org', 'X', 'viewer', ${crypto.randomUUID()}, ${by}, now())`),
      );
    expect(await fkError(invite(s.adminB.userId))).toEqual({ code: '23503', constraint: 'invitations_invited_by_same_service' });
    expect(await fkError(invite(keyB.id))).toEqual({ code: '23503', constraint: 'invitations_invited_by_same_service' });
    expect(await fkError(invite(s.adminA.userId))).toEqual({ code: 'none' });
  });

  it('gets a 422 naming the field through the API: a coordinator or an assignee from another service', async () => {
    const adminKey = (await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'alpha admin', role: 'admin' }, systemActor('test'))).key;
    const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      h.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${adminKey}` } });
    const coordinatorB = await makeMember(h.deps, s.b.orgId, 'coordinator', 'cy.coordinator@bravo.example');
    const viewerA = await makeMember(h.deps, s.a.orgId, 'viewer', 'vi.viewer@alpha.example');
    const sent = await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/alpha/referrals',
      payload: { caseType: 'community', description: 'Hedge dispute', consentToContact: true, parties: [{ name: 'Pat Example', role: 'party' }] },
    });
    expect(sent.statusCode).toBe(201);
    const referralId = (await call('GET', '/api/v1/referrals?status=new')).json().referrals[0].id as string;

    for (const coordinatorId of [coordinatorB.userId, viewerA.userId, crypto.randomUUID()]) {
      const refused = await call('POST', `/api/v1/referrals/${referralId}/accept`, { coordinatorId });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.fields).toEqual({ coordinatorId: 'Choose a coordinator from the admins and coordinators of this service' });
    }
    const accepted = await call('POST', `/api/v1/referrals/${referralId}/accept`, { coordinatorId: s.adminA.userId });
    expect(accepted.statusCode).toBe(200);
    const caseId = accepted.json().caseId as string;

    const task = (assigneeId: string) => call('POST', `/api/v1/cases/${caseId}/tasks`, { title: 'Call Pat back', dueOn: '2030-01-01', assigneeId });
    const refused = await task(coordinatorB.userId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual({ assigneeId: 'Choose someone in this service to do the task' });
    expect((await task(viewerA.userId)).statusCode).toBe(200);
  });
});
