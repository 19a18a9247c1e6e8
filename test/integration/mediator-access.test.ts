// Mediators see only the cases they are assigned to: every case page and API route answers for case A (their
// case) and refuses case B with the reason; the case list and search hold only A; ending the assignment takes
// the access away. Party-private records on their own case keep working for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let web: WebClient;
let caseA: { caseId: string; reference: string };
let caseB: { caseId: string; reference: string };
let partyA: string;
let partyB: string;
let taskB: string;
let assignmentB: string;
let adminWeb: WebClient;
let miaVolunteer: string;
let otherVolunteer: string;
const NOT_ON_TEAM = 'You are not on the team for this case';

/** A JSON request on the mediator's own session, with the CSRF token a page gave them. */
const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  h.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': web.csrf ?? '' },
  });

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'mac', 'Mediator Access Mediation (fictional)'));
  const admin = await makeMember(h.deps, orgId, 'admin', 'ada.admin@mac.example', { name: 'Ada Admin' });
  const mia = await makeMember(h.deps, orgId, 'mediator', 'mia.mediator@mac.example', { name: 'Mia Testmediator' });
  const admins = actorFor(orgId, admin.userId, 'admin', 'Ada Admin');
  const vMia = await makeVolunteer(h.deps, orgId, { name: 'Mia Testmediator', userId: mia.userId });
  const vCo = await makeVolunteer(h.deps, orgId, { name: 'Colin Comediator' });
  const vOther1 = await makeVolunteer(h.deps, orgId, { name: 'Olga Othervolunteer' });
  const vOther2 = await makeVolunteer(h.deps, orgId, { name: 'Otto Othervolunteer' });
  caseA = await makeCase(h.deps, orgId, admins, { description: 'Case A hedge', parties: [{ name: 'Alma Alphaparty' }, { name: 'Arlo Alphaother' }] });
  caseB = await makeCase(h.deps, orgId, admins, { description: 'Case B bins', parties: [{ name: 'Bryn Bravoparty' }, { name: 'Bea Bravoother' }] });
  await h.deps.assignments.assign(admins, caseA.caseId, { mediatorIds: [vMia, vCo] });
  const assignedB = await h.deps.assignments.assign(admins, caseB.caseId, { mediatorIds: [vOther1, vOther2] });
  assignmentB = assignedB.assignments[0]!.id;
  partyA = (await h.deps.cases.get(admins, caseA.caseId)).parties[0]!.id;
  partyB = (await h.deps.cases.get(admins, caseB.caseId)).parties[0]!.id;
  await h.deps.caseActivity.addTask(admins, caseA.caseId, { title: 'Task on A', dueOn: '2030-01-01' });
  taskB = (await h.deps.caseActivity.addTask(admins, caseB.caseId, { title: 'Task on B', dueOn: '2030-01-01' })).id;
  web = await signIn(h, mia);
  adminWeb = await signIn(h, admin);
  miaVolunteer = vMia;
  otherVolunteer = vOther1;
});
afterAll(() => h?.close());

const pageGets = (c: string, party: string) => [
  `/cases/${c}`,
  `/cases/${c}/people`,
  `/cases/${c}/timeline`,
  `/cases/${c}/tasks`,
  `/cases/${c}/people/${party}/intake`,
  `/cases/${c}/mediators`,
];
/** The pages under the Mediators tab for those who assign mediators: refused to a mediator even on their own case. */
const assignGets = (c: string) => [`/cases/${c}/mediators/suggested`, `/cases/${c}/mediators/choose`, `/cases/${c}/mediators/end`];

describe('a mediator and the cases they are not on', () => {
  it('shows every page of their own case, with their co-mediator on the Mediators page', async () => {
    for (const url of pageGets(caseA.caseId, partyA)) {
      const res = await web.get(url);
      expect(res.statusCode, url).toBe(200);
    }
    const mediators = await web.get(`/cases/${caseA.caseId}/mediators`);
    expect(mediators.body).toContain('Colin Comediator');
    expect(mediators.body).toContain('Mia Testmediator');
    expect(mediators.body).not.toContain('Suggested pairs');
    expect(mediators.body).not.toContain('End an assignment');
    for (const url of assignGets(caseA.caseId)) expect((await web.get(url)).statusCode, url).toBe(403);
    expect(mediators.body).not.toContain('Olga Othervolunteer');
    expect((await web.get(`/cases/${caseA.caseId}`)).body).toMatch(/Mia Testmediator \(lead\)/);
    // On the team, they get the forms for recording work, but not for moving the case.
    expect((await web.get(`/cases/${caseA.caseId}/timeline`)).body).toContain('Add a note');
    expect((await web.get(`/cases/${caseA.caseId}/people/${partyA}/intake`)).body).toContain('Save intake record');
    expect((await web.get(`/cases/${caseA.caseId}`)).body).not.toContain('Move the case');
  });

  it('refuses every page of another case with the reason', async () => {
    for (const url of [...pageGets(caseB.caseId, partyB), ...assignGets(caseB.caseId), `/cases/${caseB.caseId}/mediators/${assignmentB}/sign-off`]) {
      const res = await web.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).toContain(NOT_ON_TEAM);
      expect(res.body, url).not.toContain('Bryn Bravoparty');
    }
  });

  it('refuses every form on another case with the reason, and changes nothing', async () => {
    await web.get(`/cases/${caseA.caseId}`);
    const b = caseB.caseId;
    const posts: [string, Record<string, string>][] = [
      [`/cases/${b}/move`, { to: 'ready' }],
      [`/cases/${b}/consents`, { partyId: partyB, status: 'given', method: 'verbal' }],
      [`/cases/${b}/contacts`, { partyId: partyB, method: 'call', outcome: 'spoke' }],
      [`/cases/${b}/notes`, { body: 'A note' }],
      [`/cases/${b}/people/${partyB}/intake`, { situationNow: 'x' }],
      [`/cases/${b}/tasks`, { title: 'x', 'dueOn-day': '1', 'dueOn-month': '1', 'dueOn-year': '2030' }],
      [`/cases/${b}/tasks/${taskB}/done`, {}],
      [`/cases/${b}/mediators/choose`, { mediatorA: partyB, mediatorB: partyA }],
      [`/cases/${b}/mediators/suggested`, { pair: `${partyB},${partyA}` }],
      [`/cases/${b}/mediators/end`, { reason: 'x' }],
      [`/cases/${b}/mediators/${assignmentB}/sign-off`, { notes: 'x' }],
    ];
    for (const [url, form] of posts) {
      const res = await web.post(url, form);
      expect(res.statusCode, url).toBe(403);
      expect(res.body, url).toContain(NOT_ON_TEAM);
    }
    const admin = actorFor(orgId, 'x', 'admin');
    const after = await h.deps.cases.get(admin, b);
    expect(after.timeline.map((e) => e.kind)).toEqual(['referral', 'assignment', 'task']);
    expect(after.tasks[0]!.doneAt).toBeNull();
  });

  it('answers the API for their case and refuses another case with the reason', async () => {
    await web.get(`/cases/${caseA.caseId}`);
    const okA = await api('GET', `/api/v1/cases/${caseA.caseId}`);
    expect(okA.statusCode).toBe(200);
    expect((await api('GET', `/api/v1/cases/${caseA.caseId}/assignments`)).json().assignments.map((a: { name: string }) => a.name)).toEqual([
      'Mia Testmediator',
      'Colin Comediator',
    ]);
    const b = caseB.caseId;
    const calls: ['GET' | 'POST', string, unknown][] = [
      ['GET', `/api/v1/cases/${b}`, undefined],
      ['GET', `/api/v1/cases/${b}/assignments`, undefined],
      ['GET', `/api/v1/cases/${b}/pair-suggestions`, undefined],
      ['POST', `/api/v1/cases/${b}/transitions`, { to: 'ready' }],
      ['POST', `/api/v1/cases/${b}/consents`, { partyId: partyB, status: 'given', method: 'verbal' }],
      ['POST', `/api/v1/cases/${b}/notes`, { body: 'x' }],
      ['POST', `/api/v1/cases/${b}/contacts`, { partyId: partyB, method: 'call', outcome: 'spoke' }],
      ['POST', `/api/v1/cases/${b}/intake`, { partyId: partyB, situationNow: 'x' }],
      ['POST', `/api/v1/cases/${b}/tasks`, { title: 'x', dueOn: '2030-01-01' }],
      ['POST', `/api/v1/cases/${b}/tasks/${taskB}/complete`, undefined],
      ['POST', `/api/v1/cases/${b}/assignments`, { mediatorIds: [partyA, partyB] }],
      ['POST', `/api/v1/cases/${b}/assignments/end`, { reason: 'x' }],
      ['POST', `/api/v1/assignments/${assignmentB}/sign-off`, { notes: 'x' }],
    ];
    for (const [method, url, body] of calls) {
      const res = await api(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error, `${method} ${url}`).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ON_CASE', message: NOT_ON_TEAM });
    }
  });

  it('refuses coordinator-only work on their own case with the role reason', async () => {
    await web.get(`/cases/${caseA.caseId}`);
    const suggestions = await api('GET', `/api/v1/cases/${caseA.caseId}/pair-suggestions`);
    expect(suggestions.statusCode).toBe(403);
    expect(suggestions.json().error.reason).toBe('ROLE_NOT_ALLOWED');
    const moved = await api('POST', `/api/v1/cases/${caseA.caseId}/transitions`, { to: 'ready' });
    expect(moved.statusCode).toBe(403);
  });

  it('lists and finds only their own case, filtered before paging', async () => {
    const list = await web.get('/cases');
    expect(list.body).toContain(caseA.reference);
    expect(list.body).not.toContain(caseB.reference);
    expect((await web.get('/cases?q=Bravoparty')).body).not.toContain(caseB.reference);
    expect((await web.get('/cases?q=Alphaparty')).body).toContain(caseA.reference);
    const home = await web.get('/home');
    expect(home.body).toContain(caseA.reference);
    expect(home.body).not.toContain(caseB.reference);
    const byApi = (await api('GET', '/api/v1/cases')).json();
    expect(byApi.cases.map((c: { reference: string }) => c.reference)).toEqual([caseA.reference]);
  });

  it('lets them record work on their own case, and keeps party-private records working', async () => {
    await web.get(`/cases/${caseA.caseId}/people/${partyA}/intake`);
    const saved = await web.post(`/cases/${caseA.caseId}/people/${partyA}/intake`, { situationNow: 'Hedge blocks the light', meetingMode: 'home_visit' });
    expect(saved.statusCode).toBe(303);
    await web.get(`/cases/${caseA.caseId}/timeline`);
    expect((await web.post(`/cases/${caseA.caseId}/notes`, { body: 'Visited Alma', visibility: 'restricted' })).statusCode).toBe(303);
    const timeline = (await api('GET', `/api/v1/cases/${caseA.caseId}`)).json().timeline as { kind: string; summary: string; body: string | null }[];
    expect(timeline.map((e) => e.kind)).toEqual(['referral', 'assignment', 'task', 'intake', 'note']);
    expect(timeline.find((e) => e.kind === 'intake')!.summary).toBe('Intake record saved for Alma Alphaparty');
    // A restricted note is for safeguarding leads and admins, even when its author is on the team.
    expect(timeline.find((e) => e.kind === 'note')).toMatchObject({ summary: 'Restricted safeguarding record', body: null });
  });

  it('shows a volunteer record’s Cases page to staff, and a mediator only their own', async () => {
    const staff = await adminWeb.get(`/volunteers/${otherVolunteer}/cases`);
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain(caseB.reference);
    expect(staff.body).not.toContain(caseA.reference);
    const own = await web.get(`/volunteers/${miaVolunteer}/cases`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(caseA.reference);
    const other = await web.get(`/volunteers/${otherVolunteer}/cases`);
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain(caseB.reference);
  });

  it('takes the access away when the assignment ends', async () => {
    await h.deps.assignments.end(actorFor(orgId, 'x', 'coordinator', 'Cora'), caseA.caseId, { reason: 'Mia moved away' });
    const res = await web.get(`/cases/${caseA.caseId}`);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain(NOT_ON_TEAM);
    expect((await web.get('/cases')).body).not.toContain(caseA.reference);
  });
});
