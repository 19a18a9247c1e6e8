// Walks every registered route as a mediator of the same service, with every id in the address belonging to
// another volunteer or to a case the mediator is not on: each such route refuses, and no page or answer shows
// the other volunteer's or the other case's details. (route-walk.test.ts does the same across services.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFor } from '#src/http/access.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';
import { makeMeetingSecrets } from '../support/walk-meetings.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let mediator: WebClient;
let viewer: WebClient;
let safeguarding: WebClient;
let params: Record<string, string>;
const SECRETS = [
  'Otto Othervolunteer',
  'Bryn Bravoparty',
  'Bea Bravoother',
  'Bravo secret note',
  'Bravo secret task',
  'Otto secret connection',
  'Otto secret CPD',
  'Otto secret hours',
  'Otto secret expense',
  'Otto secret receipt',
  '987698769876',
  'Bravo secret meeting notes',
  'Bravo secret shuttle statement',
  'Bravo secret request reason',
];
/**
 * The venue of case B's meeting. Venues are the service's own places, not case data: every mediator may see them
 * (venues.view), and a viewer reads them on case B's meetings.
 */
const VENUE_SECRETS = ['Bravo Secret Venue', 'Bravo secret room', 'Bravo secret venue address'];

beforeAll(async () => {
  h = await startHarness();
  const { orgId } = await makeOrg(h.deps, 'mwalk', 'Mediator Walk Mediation (fictional)');
  const admin = await makeMember(h.deps, orgId, 'admin', 'ada.admin@mwalk.example', { name: 'Ada Admin' });
  const mia = await makeMember(h.deps, orgId, 'mediator', 'mia.mediator@mwalk.example', { name: 'Mia Testmediator' });
  const otto = await makeMember(h.deps, orgId, 'mediator', 'otto@mwalk.example', { name: 'Otto Othervolunteer' });
  const admins = actorFor(orgId, admin.userId, 'admin', 'Ada Admin');
  const vMia = await makeVolunteer(h.deps, orgId, { name: 'Mia Testmediator', userId: mia.userId });
  const vCo = await makeVolunteer(h.deps, orgId, { name: 'Colin Comediator' });
  const vOtto = await makeVolunteer(h.deps, orgId, { name: 'Otto Othervolunteer', userId: otto.userId });
  const vOther = await makeVolunteer(h.deps, orgId, { name: 'Olga Secondvolunteer' });
  const caseA = await makeCase(h.deps, orgId, admins, { description: 'Alpha hedge', parties: [{ name: 'Alma Alphaparty' }, { name: 'Arlo Alphaother' }] });
  const caseB = await makeCase(h.deps, orgId, admins, { description: 'Bravo bins', parties: [{ name: 'Bryn Bravoparty' }, { name: 'Bea Bravoother' }] });
  await h.deps.assignments.assign(admins, caseA.caseId, { mediatorIds: [vMia, vCo] });
  const onB = await h.deps.assignments.assign(admins, caseB.caseId, { mediatorIds: [vOtto, vOther] });
  const b = await h.deps.cases.get(admins, caseB.caseId);
  const { id: taskId } = await h.deps.caseActivity.addTask(admins, caseB.caseId, { title: 'Bravo secret task', dueOn: '2030-01-01' });
  await h.deps.caseActivity.addNote(admins, caseB.caseId, { body: 'Bravo secret note', disclosure: true });
  const recordId = (await h.deps.caseActivity.listSafeguarding(admins))[0]!.record.id;
  await h.deps.volunteers.addConnection(admins, vOtto, { kind: 'person', text: 'Otto secret connection' });
  const connectionId = (await h.deps.volunteers.view(admins, vOtto)).volunteer.connections[0]!.id;
  await h.deps.volunteers.setAvailability(admins, vOtto, { weekly: [], away: [{ from: '2030-01-01', to: '2030-01-05', reason: 'Otto away' }] });
  const periodId = (await h.deps.volunteers.view(admins, vOtto)).volunteer.away[0]!.id;
  const { id: trainingRecordId } = await h.deps.training.addRecord(admins, vOtto, { kind: 'cpd', title: 'Otto secret CPD', hours: 1, on: '2020-01-01' });
  const { id: accreditationId } = await h.deps.training.addAccreditation(admins, vOtto, { area: 'parent_teen', accreditedOn: '2020-01-01' });
  const dbs = { level: 'enhanced' as const, workforce: 'adult' as const, certificateNumber: '987698769876', issuedOn: '2020-01-01', updateService: true };
  const { id: checkId } = await h.deps.dbs.record(admins, vOtto, dbs);
  const { id: courseId } = await h.deps.training.addCourse(admins, { name: 'Course for everyone', hours: 2, foundation: false });
  const { id: entryId } = await h.deps.hours.addFor(admins, vOtto, { on: '2020-01-02', minutes: 60, activity: 'other', notes: 'Otto secret hours' });
  const receipt = { filename: 'otto.pdf', bytes: Buffer.from('%PDF-1.4 Otto secret receipt') };
  const claim = { kind: 'other' as const, on: '2020-01-02', amountPence: 700, description: 'Otto secret expense' };
  const { id: claimId } = await h.deps.expenses.submitFor(admins, vOtto, claim, receipt);
  const meetings = await makeMeetingSecrets(h, admins, { caseId: caseB.caseId, partyId: b.parties[0]!.id, volunteerId: vOtto, prefix: 'Bravo' });
  expect(meetings.venueSecrets).toEqual(VENUE_SECRETS);
  expect(SECRETS).toEqual(expect.arrayContaining(meetings.caseSecrets));
  params = {
    ...meetings.params,
    outboxId: meetings.outboxId,
    id: caseB.caseId,
    partyId: b.parties[0]!.id,
    taskId,
    recordId,
    assignmentId: onB.assignments[0]!.id,
    volunteerId: vOtto,
    connectionId,
    periodId,
    trainingRecordId,
    accreditationId,
    checkId,
    courseId,
    entryId,
    claimId,
    userId: otto.userId,
  };
  mediator = await signIn(h, mia);
  viewer = await signIn(h, await makeMember(h.deps, orgId, 'viewer', 'vic.viewer@mwalk.example', { name: 'Vic Viewer' }));
  safeguarding = await signIn(h, await makeMember(h.deps, orgId, 'safeguarding_lead', 'sal@mwalk.example', { name: 'Sal Safeguarding' }));
}, 120_000);
afterAll(() => h?.close());

/** Routes that end or change the walker's session; they take no ids. */
const SESSION_ENDERS = ['POST /sign-out', 'POST /account/sign-out-everywhere', 'POST /services/switch', 'POST /account/two-factor'];
/** Route parameters filled with case B's and Otto's ids; `:id` is case B, or on the outbox routes the invitation queued for case B's meeting. */
const fill = (url: string) =>
  url.replace(/:(\w+)/g, (m, name: string) => (name === 'id' && /^\/(api\/v1\/)?email\//.test(url) ? params.outboxId : params[name]) ?? m);
const refused = (status: number) => status >= 300 && status < 500 && status !== 304;

/** Walks every route as this person; returns the routes walked. */
async function walk(who: WebClient, label: string, secrets: string[], mustRefuse = (url: string, _method: string) => /:\w+/.test(url)) {
  const walked: string[] = [];
  for (const route of h.app.routeList) {
    if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
    if (accessFor(route.method, route.url) === 'public') continue;
    if (SESSION_ENDERS.includes(`${route.method} ${route.url}`)) continue; // the walk must stay signed in
    const url = fill(route.url);
    const payload = {
      name: 'x',
      reason: 'x',
      notes: 'x',
      on: '2020-01-03',
      minutes: '30',
      activity: 'admin',
      status: 'accredited',
      mediatorIds: [params.volunteerId],
    };
    const res =
      route.method === 'GET'
        ? await who.get(url)
        : await h.app.inject({
            method: route.method as 'POST',
            url,
            payload,
            headers: { cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': who.csrf ?? '' },
          });
    for (const secret of secrets) expect(res.body, `${route.method} ${route.url} shows "${secret}" to a ${label}`).not.toContain(secret);
    if (mustRefuse(route.url, route.method) && !route.url.startsWith('/invitations/'))
      expect(refused(res.statusCode), `${route.method} ${route.url} → ${res.statusCode} for a ${label}`).toBe(true);
    walked.push(`${route.method} ${route.url}`);
  }
  expect((await who.get('/account')).statusCode, 'still signed in after the walk').toBe(200);
  for (const route of [
    'GET /volunteers/:volunteerId',
    'GET /volunteers/:volunteerId/training',
    'GET /volunteers/:volunteerId/dbs',
    'GET /volunteers/:volunteerId/cases',
    'GET /volunteers/:volunteerId/hours',
    'GET /expenses/:claimId/receipt',
    'GET /api/v1/volunteers/:volunteerId/expenses',
    'GET /cases/:id/mediators',
    'GET /cases/:id/mediators/suggested',
    'GET /cases/:id/mediators/:assignmentId/sign-off',
    'GET /api/v1/cases/:id/pair-suggestions',
    'GET /my/cases',
    'GET /cases/:id/meetings/:meetingId',
    'GET /cases/:id/meetings/:meetingId/shuttle/for/:partyId',
    'POST /cases/:id/meetings/:meetingId/shuttle/:statementId/convey',
    'GET /api/v1/cases/:id/meetings/:meetingId/shuttle',
    'GET /meetings/requests/:requestId/decline',
    'POST /api/v1/meeting-requests/:requestId/decline',
    'GET /venues/:venueId/rooms/:roomId/edit',
    'GET /email/:id',
    'GET /api/v1/email/outbox/:id',
  ])
    expect(walked).toContain(route);
  return walked;
}

describe('a mediator walking every route with someone else’s ids', () => {
  it('is refused wherever the address names another volunteer or case, and sees nothing of them anywhere', async () => {
    // A mediator may read any of the service's venues (venues.view), so the one venue answer with an id is theirs.
    const notAVenueRead = (url: string, method: string) => /:\w+/.test(url) && !(method === 'GET' && url === '/api/v1/venues/:venueId');
    await walk(mediator, 'mediator', SECRETS, notAVenueRead);
  });

  it('refuses a viewer and a safeguarding lead every volunteer record, and shows them no volunteer’s details', async () => {
    // Both read every case, and so who mediates it; a volunteer's own record stays closed to them.
    const volunteerSecrets = SECRETS.filter((x) => x.startsWith('Otto secret') || /^\d+$/.test(x));
    const volunteerRoute = (url: string) => /:(volunteerId|claimId|entryId|checkId|trainingRecordId|accreditationId|connectionId|periodId)/.test(url);
    // A viewer reads cases and changes nothing; the safeguarding disclosure and the shuttle log stay closed to them.
    await walk(
      viewer,
      'viewer',
      [...volunteerSecrets, 'Bravo secret shuttle statement', 'Bravo secret note'],
      (url, method) => volunteerRoute(url) || method !== 'GET',
    );
    // They read case B's meetings too, but not its shuttle log: that is for the case team and coordinators only.
    await walk(safeguarding, 'safeguarding lead', [...volunteerSecrets, 'Bravo secret shuttle statement'], volunteerRoute);
  });

  it('still reaches their own volunteer pages and their own case', async () => {
    for (const url of ['/my', '/my/cases', '/my/availability', '/my/training', '/my/hours', '/my/expenses', '/cases']) {
      const res = await mediator.get(url);
      expect(res.statusCode, url).toBe(200);
    }
    expect((await mediator.get('/cases')).body).toContain('Alma Alphaparty');
  });
});
