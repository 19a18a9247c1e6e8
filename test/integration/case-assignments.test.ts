// Assigning mediator pairs through the API, end to end: suggestions with reasons, each gating rule refusing a pair
// with its reason (422), a trainee beside an accredited mediator (supervised), the admin override with and without
// a justification, reassignment history on the timeline, and ending an assignment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, insertAssignment, makeCase, makeManyVolunteers, makeVolunteer } from '../support/volunteers.ts';

let h: Harness;
let orgId: string;
let coordinatorKey: string;
let adminKey: string;
const v: Record<string, string> = {};
const cases: Record<string, string> = {};

const call = (key: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });
const assign = (key: string, caseId: string, mediatorIds: string[], overrideJustification?: string) =>
  call(key, 'POST', `/api/v1/cases/${caseId}/assignments`, { mediatorIds, ...(overrideJustification === undefined ? {} : { overrideJustification }) });

/** The reasons of a refused pair, from error.fields (reasons.0, reasons.1, …). */
const reasonsOf = (res: { json: () => { error: { fields: Record<string, string> } } }) =>
  Object.entries(res.json().error.fields)
    .filter(([k]) => k.startsWith('reasons.'))
    .map(([, r]) => r);

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'cas', 'Case Assignment Mediation (fictional)'));
  const admin = await makeMember(h.deps, orgId, 'admin', 'ada.admin@cas.example', { name: 'Ada Admin' });
  const admins = actorFor(orgId, admin.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admins, { caseTypes: ['community', 'restorative_justice', 'send'] });
  coordinatorKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Coordinator key', role: 'coordinator' }, systemActor('test'))).key;
  adminKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Admin key', role: 'admin' }, systemActor('test'))).key;
  const make = async (key: string, spec: Parameters<typeof makeVolunteer>[2]) => {
    v[key] = await makeVolunteer(h.deps, orgId, spec);
  };
  await make('alice', { name: 'Alice Accredited', areas: ['community', 'restorative_conferencing', 'send'] });
  await make('ben', { name: 'Ben Steady' });
  await make('dora', { name: 'Dora Overdue', dbs: { yearsAgo: 4 } });
  await make('cal', { name: 'Cal Capacity', maxActiveCases: 1 });
  await make('con', { name: 'Con Connected', connections: [{ kind: 'person', text: 'Sam Patel' }] });
  await make('priya', { name: 'Priya Patel' });
  await make('lena', { name: 'Lena Council', areas: ['send'], employedByLocalAuthority: 'Kent County Council' });
  await make('tia', { name: 'Tia Trainee', status: 'trainee' });
  await make('toby', { name: 'Toby Trainee', status: 'trainee' });
  await make('nadia', { name: 'Nadia Nodbs', dbs: null });
  cases.noise = (await makeCase(h.deps, orgId, admins, { description: 'Noise', parties: [{ name: 'Sam Patel' }, { name: 'Jo Okafor' }] })).caseId;
  cases.hedge = (await makeCase(h.deps, orgId, admins, { description: 'Hedge', parties: [{ name: 'Hal Hedge' }, { name: 'Ivy Neighbour' }] })).caseId;
  cases.burglary = (
    await makeCase(h.deps, orgId, admins, {
      description: 'Burglary',
      caseType: 'restorative_justice',
      parties: [
        { name: 'Vic Tim', role: 'victim' },
        { name: 'Harry Harmer', role: 'person_who_harmed' },
      ],
    })
  ).caseId;
  cases.send = (
    await makeCase(h.deps, orgId, admins, {
      description: 'SEND plan',
      caseType: 'send',
      parties: [
        { name: 'Pat Parent', role: 'parent' },
        { name: 'Kent County Council', role: 'local_authority' },
      ],
    })
  ).caseId;
  cases.elsewhere = (await makeCase(h.deps, orgId, admins, { description: 'Elsewhere', parties: [{ name: 'Ed Elsewhere' }] })).caseId;
  await insertAssignment(h.deps, orgId, cases.elsewhere, v.cal!);
});
afterAll(() => h?.close());

describe('pair suggestions through the API', () => {
  it('ranks pairs with a score and reasons, and lists everyone left out with why', async () => {
    const res = await call(coordinatorKey, 'GET', `/api/v1/cases/${cases.noise}/pair-suggestions`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const s of body.suggestions) {
      expect(s.mediatorIds).toHaveLength(2);
      expect(typeof s.score).toBe('number');
      expect(s.reasons.length).toBeGreaterThan(0);
      for (const id of s.mediatorIds) expect([v.alice, v.ben, v.tia, v.toby]).toContain(id);
    }
    const why = Object.fromEntries(body.excluded.map((e: { volunteerId: string; reasons: string[] }) => [e.volunteerId, e.reasons.join('; ')]));
    expect(why[v.dora!]).toMatch(/DBS recheck overdue since \d{1,2} \w+/);
    expect(why[v.cal!]).toContain('at capacity: 1 of 1 case');
    expect(why[v.con!]).toContain('declared connection to Sam Patel');
    expect(why[v.priya!]).toContain('same surname as Sam Patel');
    expect(why[v.lena!]).toContain('not trained in community mediation');
    expect(why[v.nadia!]).toContain('no DBS check recorded');
  });

  it('is for coordinators and admins only', async () => {
    const viewerKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Supervisor key', role: 'supervisor' }, systemActor('test'))).key;
    const res = await call(viewerKey, 'GET', `/api/v1/cases/${cases.noise}/pair-suggestions`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('ROLE_NOT_ALLOWED');
  });
});

describe('each gating rule refuses the pair with its reason', () => {
  const refusals: [string, () => [string, string[]], RegExp][] = [
    ['DBS overdue', () => [cases.noise!, [v.ben!, v.dora!]], /^Dora Overdue: DBS recheck overdue since /],
    ['no DBS check', () => [cases.noise!, [v.ben!, v.nadia!]], /^Nadia Nodbs: no DBS check recorded$/],
    ['not trained in the area', () => [cases.burglary!, [v.alice!, v.ben!]], /^Ben Steady: not trained in restorative conferencing$/],
    ['at capacity', () => [cases.noise!, [v.ben!, v.cal!]], /^Cal Capacity: at capacity: 1 of 1 case$/],
    ['declared connection', () => [cases.noise!, [v.ben!, v.con!]], /^Con Connected: declared connection to Sam Patel$/],
    ['same surname', () => [cases.noise!, [v.ben!, v.priya!]], /^Priya Patel: same surname as Sam Patel$/],
    [
      'SEND and the local authority',
      () => [cases.send!, [v.alice!, v.lena!]],
      /^Lena Council: works for Kent County Council: SEND mediators must be independent/,
    ],
    ['two trainees', () => [cases.hedge!, [v.tia!, v.toby!]], /^two trainees cannot work together$/],
  ];
  for (const [rule, pair, reason] of refusals) {
    it(`refuses: ${rule}`, async () => {
      const [caseId, ids] = pair();
      const res = await assign(coordinatorKey, caseId, ids);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'UNPROCESSABLE', reason: 'PAIR_NOT_ALLOWED' });
      expect(
        reasonsOf(res).some((r) => reason.test(r)),
        reasonsOf(res).join(' | '),
      ).toBe(true);
      expect(res.json().error.message).toContain('This pair cannot be assigned');
      expect((await call(coordinatorKey, 'GET', `/api/v1/cases/${caseId}/assignments`)).json().assignments).toEqual([]);
    });
  }

  it('refuses the same volunteer twice and strangers to the service', async () => {
    const twice = await assign(coordinatorKey, cases.noise!, [v.ben!, v.ben!]);
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields['mediatorIds.1']).toBe('Choose two different volunteers');
    const stranger = await assign(coordinatorKey, cases.noise!, [v.ben!, cases.hedge!]);
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.fields.mediatorIds).toBe('Choose two volunteers of this service who have not left');
  });

  it('allows a trainee with an accredited mediator, who leads, and the case is supervised', async () => {
    const res = await assign(coordinatorKey, cases.hedge!, [v.tia!, v.ben!]);
    expect(res.statusCode).toBe(201);
    const [lead, co] = res.json().assignments;
    expect(lead).toMatchObject({ volunteerId: v.ben, role: 'lead', supervised: false, active: true, assignedBy: 'API key: Coordinator key' });
    expect(co).toMatchObject({ volunteerId: v.tia, role: 'co', supervised: true, active: true });
    expect(res.json().override).toBe(false);
  });
});

describe('the admin override', () => {
  it('refuses a coordinator who tries to override', async () => {
    const res = await assign(coordinatorKey, cases.noise!, [v.ben!, v.dora!], 'Dora’s recheck is booked');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('OVERRIDE_NOT_ALLOWED');
    expect(res.json().error.message).toContain('Only an admin can assign a pair that breaks the pairing rules');
  });

  it('refuses an admin without a justification, saying an admin may override', async () => {
    for (const justification of [undefined, '   ']) {
      const res = await assign(adminKey, cases.noise!, [v.ben!, v.dora!], justification);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('An admin may assign it anyway with a justification');
    }
  });

  it('refuses even an admin with a justification a SEND mediator who works for a local authority (rules.md #15)', async () => {
    const res = await assign(adminKey, cases.send!, [v.alice!, v.lena!], 'No one else is free this month');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reason).toBe('PAIR_NOT_ALLOWED');
    expect(res.json().error.message).toContain('Lena Council: works for Kent County Council: SEND mediators must be independent');
    expect(res.json().error.message).not.toContain('An admin may assign it anyway');
    expect((await call(adminKey, 'GET', `/api/v1/cases/${cases.send}/assignments`)).json().assignments).toEqual([]);
  });

  it('assigns for an admin with a justification, recorded on the timeline and in the audit trail', async () => {
    const res = await assign(adminKey, cases.noise!, [v.dora!, v.ben!], 'The recheck certificate arrived today; the record is updated tomorrow');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ override: true });
    expect(res.json().brokenRules[0]).toMatch(/^Dora Overdue: DBS recheck overdue/);
    expect(res.json().assignments[0]).toMatchObject({ overrideJustification: 'The recheck certificate arrived today; the record is updated tomorrow' });
    const timeline = (await call(adminKey, 'GET', `/api/v1/cases/${cases.noise}`)).json().timeline as { kind: string; summary: string; body: string }[];
    const event = timeline.find((e) => e.kind === 'assignment')!;
    expect(event.summary).toBe('Mediators assigned: Dora Overdue (lead) and Ben Steady (co-mediator)');
    expect(event.body).toMatch(/breaks the pairing rules: Dora Overdue: DBS recheck overdue since .*Justification: The recheck certificate arrived today/);
    const audit = await asSystem(h.deps.db, (tx) => searchEvents(tx, { orgId, action: 'case.mediators_assigned', entity: cases.noise }, 10, 0));
    expect(audit.rows.map((r) => r.action)).toEqual(['case.mediators_assigned_override']);
  });
});

describe('reassignment and ending', () => {
  it('ends the current pair when a new pair is assigned, keeping the history on the timeline', async () => {
    h.clock.advance(60_000);
    expect((await assign(coordinatorKey, cases.hedge!, [v.alice!, v.ben!])).statusCode).toBe(201);
    const again = await assign(coordinatorKey, cases.hedge!, [v.ben!, v.alice!]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('ALREADY_ASSIGNED');
    const all = (await call(coordinatorKey, 'GET', `/api/v1/cases/${cases.hedge}/assignments`)).json().assignments as {
      name: string;
      active: boolean;
      endedReason: string | null;
    }[];
    expect(all.filter((a) => a.active).map((a) => a.name)).toEqual(['Alice Accredited', 'Ben Steady']);
    expect(all.filter((a) => !a.active).map((a) => [a.name, a.endedReason])).toEqual([
      ['Ben Steady', 'Replaced by Alice Accredited and Ben Steady'],
      ['Tia Trainee', 'Replaced by Alice Accredited and Ben Steady'],
    ]);
    h.clock.advance(60_000);
    const ended = await call(coordinatorKey, 'POST', `/api/v1/cases/${cases.hedge}/assignments/end`, { reason: 'Parties asked to pause' });
    expect(ended.json()).toEqual({ ended: 2 });
    const twice = await call(coordinatorKey, 'POST', `/api/v1/cases/${cases.hedge}/assignments/end`, { reason: 'Again' });
    expect(twice.statusCode).toBe(409);
    const blank = await call(coordinatorKey, 'POST', `/api/v1/cases/${cases.hedge}/assignments/end`, { reason: ' ' });
    expect(blank.statusCode).toBe(422);
    const events = (await call(coordinatorKey, 'GET', `/api/v1/cases/${cases.hedge}`)).json().timeline.filter((e: { kind: string }) => e.kind === 'assignment');
    expect(events.map((e: { summary: string; body: string | null }) => [e.summary, e.body])).toEqual([
      ['Mediators assigned: Ben Steady (lead) and Tia Trainee (co-mediator, supervised case)', null],
      ['Mediators changed from Ben Steady and Tia Trainee to Alice Accredited (lead) and Ben Steady (co-mediator)', null],
      ['Assignment ended: Alice Accredited and Ben Steady', 'Parties asked to pause'],
    ]);
  });

  it('refuses assigning a case that has ended', async () => {
    const admins = actorFor(orgId, 'x', 'admin');
    await h.deps.cases.transition(admins, cases.elsewhere!, { to: 'withdrawn', reason: 'Moved away' });
    const res = await assign(coordinatorKey, cases.elsewhere!, [v.alice!, v.ben!]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.reason).toBe('CASE_ENDED');
  });
});

describe('with 1,000 volunteers', () => {
  it('loads everyone in a handful of queries and answers quickly', async () => {
    await makeManyVolunteers(h.deps, orgId, 1000);
    const admin = actorFor(orgId, 'x', 'coordinator');
    await h.deps.assignments.suggest(admin, cases.burglary!);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const result = await h.deps.assignments.suggest(admin, cases.noise!);
      times.push(performance.now() - started);
      expect(result.excluded.length).toBeGreaterThan(100);
      expect(result.suggestions).toHaveLength(10);
    }
    expect(Math.min(...times)).toBeLessThan(1500);
  });
});
