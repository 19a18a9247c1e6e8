// Walks every registered route: each non-public one refuses an anonymous request, a signed-in person of
// another service and an API key of another service, and never shows the other service's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '#src/deps.ts';
import { accessFor } from '#src/http/access.ts';
import { type OrgActor, systemActor } from '#src/access/actor.ts';
import { inOrg } from '#src/db/tenant.ts';
import { insertFeed } from '#src/features/meetings/feeds/feed.repo.ts';
import { newId } from '#src/lib/ids.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import { makeMember, signIn, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeMeetingSecrets } from '../support/walk-meetings.ts';
import type { WebClient } from '../support/web-client.ts';
import { insertAssignment } from '../support/volunteers.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof twoServices>>;
let params: Record<string, string>;
let secretsOfA: string[];
let webB: WebClient;
let keyB: string;

beforeAll(async () => {
  h = await startHarness();
  s = await twoServices(h);
  const mediatorA = await makeMember(h.deps, s.a.orgId, 'mediator', 'mia.mediator@alpha.example', { name: 'Mia Alphamediator' });
  const keyA = await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'Alpha website form', role: 'admin' }, systemActor('test'));
  const inviteA = await h.deps.people.addMemberAsSystem(
    s.a.orgId,
    { email: 'ivo.invitee@alpha.example', name: 'Ivo Alphainvitee', role: 'viewer' },
    systemActor('test'),
  );
  const invitationId = (await h.deps.people.list({ type: 'user', id: s.adminA.userId, orgId: s.a.orgId, orgSlug: 'alpha', orgName: s.a.name, role: 'admin' }))
    .invitations[0]!.id;
  const caseData = await caseDataOfA();
  params = {
    userId: mediatorA.userId,
    keyId: keyA.id,
    invitationId,
    token: inviteA.invitationToken!,
    kind: 'css',
    file: 'parley.css',
    '*': 'favicon.ico',
    ...caseData.params,
    ...caseData.ids,
    // A report spreadsheet of service A's admin: the other service's person and key are told it does not exist.
    exportId: caseData.exportId,
  };
  secretsOfA = [
    s.a.name,
    'mia.mediator@alpha.example',
    'Mia Alphamediator',
    'Alpha website form',
    'Ivo Alphainvitee',
    'ada.admin@alpha.example',
    ...caseData.secrets,
  ];
  webB = await signIn(h, s.adminB);
  keyB = (await h.deps.apiKeys.createForOrg(s.b.orgId, { name: 'Bravo key', role: 'admin' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

/** Service A's referrals, case, party, task, safeguarding record, enquiry and volunteer application: real ids to walk with. */
async function caseDataOfA() {
  const actor = { type: 'user' as const, id: s.adminA.userId, label: 'Ada', orgId: s.a.orgId, orgSlug: 'alpha', orgName: s.a.name, role: 'admin' as const };
  const anonymous = { type: 'anonymous' as const };
  const referral = (name: string, description: string) =>
    h.deps.referrals.createFromPublic(s.a.orgId, { caseType: 'community', description, consentToContact: true, parties: [{ name, role: 'party' }] }, anonymous);
  await referral('Petra Alphaparty', 'Alpha dispute about a hedge');
  await referral('Ronan Alphareferred', 'Alpha referral still waiting');
  const { rows } = await h.deps.referrals.list(actor, { status: 'new' });
  const toAccept = rows.find((r) => r.description === 'Alpha dispute about a hedge')!;
  const waiting = rows.find((r) => r.description === 'Alpha referral still waiting')!;
  const { caseId, reference } = await h.deps.referrals.accept(actor, toAccept.id);
  const c = await h.deps.cases.get(actor, caseId);
  const partyId = c.parties[0]!.id;
  const { id: taskId } = await h.deps.caseActivity.addTask(actor, caseId, { title: 'Alpha secret task', dueOn: '2030-01-01' });
  await h.deps.caseActivity.addNote(actor, caseId, { body: 'Alpha disclosure text', disclosure: true });
  const recordId = (await h.deps.caseActivity.listSafeguarding(actor))[0]!.record.id;
  await h.deps.publicIntake.createEnquiry(s.a.orgId, { name: 'Enid Alphaenquirer', email: 'enid@alpha.example', message: 'Alpha enquiry' }, anonymous);
  const enquiryId = (await h.deps.publicIntake.listEnquiries(actor, 'new'))[0]!.id;
  await h.deps.publicIntake.createVolunteerApplication(s.a.orgId, { name: 'Val Alphavolunteer', email: 'val@alpha.example', why: 'Alpha reasons' }, anonymous);
  const applicationId = (await h.deps.publicIntake.listVolunteerApplications(actor))[0]!.id;
  const { id: volunteerId } = await h.deps.volunteers.create(actor, { name: 'Vic Alphavolunteer', email: 'vic@alpha.example' });
  const { id: connectionId } = await h.deps.volunteers.addConnection(actor, volunteerId, { kind: 'person', text: 'Alpha declared connection' });
  const periodId = (await h.deps.volunteers.addAway(actor, volunteerId, { from: '2030-01-01', to: '2030-01-02' })).away[0]!.id;
  const assignmentId = await insertAssignment(h.deps, s.a.orgId, caseId, volunteerId, { supervised: true });
  const training = await trainingDataOfA(actor, volunteerId);
  const work = await workDataOfA(actor, volunteerId);
  const meetings = await meetingDataOfA(actor, caseId, partyId, volunteerId);
  const agreement = await agreementDataOfA(actor, caseId);
  const { id: breachId } = await h.deps.breaches.record(actor, { summary: 'Alpha secret breach', awareAt: h.clock.now(), risk: 'high' });
  const { id: dataRequestId } = await h.deps.dataRequests.record(actor, { kind: 'access', requesterName: 'Alpha secret requester', receivedOn: '2026-01-05' });
  const { id: holdId } = await h.deps.retention.placeHold(actor, { caseReference: reference, reason: 'Alpha secret hold reason' });
  const exportId = await h.deps.reportExports.request(actor, 'referrals', {}, 'en');
  return {
    exportId,
    ids: {
      caseId,
      referralId: waiting.id,
      enquiryId,
      caseReference: reference,
      outboxId: meetings.outboxId,
      letterId: meetings.letterId,
      feedToken: meetings.feedToken,
    },
    params: {
      partyId,
      taskId,
      recordId,
      caseId,
      volunteerId,
      connectionId,
      periodId,
      applicationId,
      assignmentId,
      ...training.params,
      ...work.params,
      ...meetings.params,
      ...agreement.params,
      breachId,
      holdId,
      dataRequestId,
    },
    secrets: [
      'Petra Alphaparty',
      'Ronan Alphareferred',
      'Alpha dispute about a hedge',
      'Alpha referral still waiting',
      reference,
      waiting.reference,
      'Alpha secret task',
      'Alpha disclosure text',
      'Enid Alphaenquirer',
      'Val Alphavolunteer',
      'Vic Alphavolunteer',
      'Alpha declared connection',
      ...training.secrets,
      ...work.secrets,
      ...meetings.secrets,
      ...agreement.secrets,
      'Alpha secret breach',
      'Alpha secret hold reason',
      'Alpha secret requester',
    ],
  };
}

/** Service A's agreement, ready to sign (its party and mediator are its signers). */
async function agreementDataOfA(actor: OrgActor, caseId: string) {
  const ag = h.deps.agreements.drafting;
  const { id: agreementId } = await ag.create(actor, caseId, { from: 'scratch' });
  const { id: termId } = await ag.addTerm(actor, caseId, agreementId, {
    who: ['service'],
    what: 'Alpha secret term',
    dueKind: 'ongoing',
    checkHow: 'Alpha secret check',
  });
  const { versionId, reference } = await ag.readyToSign(actor, caseId, agreementId);
  const signerId = (await ag.version(actor, caseId, agreementId)).signers[0]!.id;
  return { params: { agreementId, versionId, termId, signerId }, secrets: ['Alpha secret term', 'Alpha secret check', reference] };
}

/** Service A's meetings (a venue, a shuttle session, a statement, a request, an invitation) and a volunteer's calendar feed. */
async function meetingDataOfA(actor: OrgActor, caseId: string, partyId: string, volunteerId: string) {
  const meetings = await makeMeetingSecrets(h, actor, { caseId, partyId, volunteerId, prefix: 'Alpha' });
  const feedToken = newToken(32);
  await inOrg(h.deps.db, s.a.orgId, (tx) =>
    insertFeed(tx, { id: newId(), orgId: s.a.orgId, volunteerId, tokenHash: hashToken(feedToken), createdAt: h.clock.now() }),
  );
  return {
    outboxId: meetings.outboxId,
    letterId: meetings.letterId,
    feedToken,
    params: meetings.params,
    secrets: [...meetings.venueSecrets, ...meetings.caseSecrets],
  };
}

/** Service A's training course, training record, accreditation and DBS check (its full number is a secret too). */
async function trainingDataOfA(actor: Parameters<Deps['training']['addCourse']>[0], volunteerId: string) {
  const { id: courseId } = await h.deps.training.addCourse(actor, { name: 'Alpha secret course', hours: 3, foundation: false });
  const { id: trainingRecordId } = await h.deps.training.addRecord(actor, volunteerId, { kind: 'cpd', title: 'Alpha secret CPD', hours: 1, on: '2020-01-01' });
  const { id: accreditationId } = await h.deps.training.addAccreditation(actor, volunteerId, { area: 'parent_teen', accreditedOn: '2020-01-01' });
  const { id: checkId } = await h.deps.dbs.record(actor, volunteerId, {
    level: 'enhanced',
    workforce: 'adult',
    certificateNumber: '123412341234',
    issuedOn: '2020-01-01',
    updateService: true,
  });
  return {
    params: { courseId, trainingRecordId, accreditationId, checkId },
    secrets: ['Alpha secret course', 'Alpha secret CPD', '123412341234', '1234 1234 1234'],
  };
}

/** Service A's hours entry and expense claim (with a receipt): the hours and expenses routes' ids. */
async function workDataOfA(actor: Parameters<Deps['hours']['addFor']>[0], volunteerId: string) {
  const { id: entryId } = await h.deps.hours.addFor(actor, volunteerId, { on: '2020-01-02', minutes: 90, activity: 'other', notes: 'Alpha secret hours note' });
  const receipt = { filename: 'alpha.pdf', bytes: Buffer.from('%PDF-1.4 Alpha secret receipt') };
  const claim = { kind: 'other' as const, on: '2020-01-02', amountPence: 500, description: 'Alpha secret expense' };
  const { id: claimId } = await h.deps.expenses.submitFor(actor, volunteerId, claim, receipt);
  return { params: { entryId, claimId }, secrets: ['Alpha secret hours note', 'Alpha secret expense', 'Alpha secret receipt'] };
}

/** Route parameters filled with service A's real ids; `:id` is the referral, enquiry, outbox message or case the route is about. */
const fill = (url: string) =>
  url.replace(/:(\w+)|\*/g, (m, name: string | undefined) => {
    if (name === 'id') {
      if (/^\/(api\/v1\/)?referrals\//.test(url)) return params.referralId!;
      if (url.startsWith('/enquiries/')) return params.enquiryId!;
      if (/^\/(api\/v1\/)?email\/letters\//.test(url)) return params.letterId!;
      if (/^\/(api\/v1\/)?email\//.test(url)) return params.outboxId!;
      if (url.startsWith('/api/v1/data-protection/breaches/')) return params.breachId!;
      if (url.startsWith('/api/v1/retention/holds/')) return params.holdId!;
      if (url.startsWith('/api/v1/data-protection/requests/')) return params.dataRequestId!;
      return params.caseId!;
    }
    return params[name ?? '*'] ?? m;
  });

/** Routes that end or change the walker's session: walked as the other service's person, who then signs in again. */
const SESSION_ENDERS = ['POST /sign-out', 'POST /account/sign-out-everywhere', 'POST /services/switch', 'POST /account/two-factor'];

function refused(status: number) {
  return status >= 300 && status < 500 && status !== 304;
}

describe('every route', () => {
  it('has been found (the walk is not empty)', () => {
    expect(h.app.routeList.length).toBeGreaterThan(25);
  });

  it('refuses strangers on every non-public route, and leaks nothing of another service', async () => {
    const checked: string[] = [];
    for (const route of h.app.routeList) {
      if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
      if (accessFor(route.method, route.url) === 'public') continue;
      const url = fill(route.url);
      const payload = route.method === 'GET' ? undefined : { role: 'admin', name: 'x', email: 'x@example.org', orgId: s.a.orgId, code: '123456' };

      const anon = await h.app.inject({ method: route.method as 'GET', url, payload });
      expect(refused(anon.statusCode), `${route.method} ${route.url} anonymous → ${anon.statusCode}`).toBe(true);
      if (anon.statusCode === 303) expect(anon.headers.location).toMatch(/^\/sign-in/);

      const asB = route.method === 'GET' ? await webB.get(url) : await webB.post(url, payload as Record<string, string>);
      for (const secret of secretsOfA) expect(asB.body, `${route.method} ${route.url} as another service shows "${secret}"`).not.toContain(secret);
      if (/:\w+/.test(route.url)) expect(refused(asB.statusCode), `${route.method} ${route.url} as another service → ${asB.statusCode}`).toBe(true);
      // The other service's person must stay signed in, or the rest of the walk would only test an anonymous visitor.
      if (SESSION_ENDERS.includes(`${route.method} ${route.url}`)) webB = await signIn(h, s.adminB);
      else if (!route.url.startsWith('/sign-in'))
        expect(asB.headers.location ?? '', `${route.method} ${route.url} signed the other service's person out`).not.toMatch(/^\/sign-in/);

      const byKey = await h.app.inject({ method: route.method as 'GET', url, payload, headers: { authorization: `Bearer ${keyB}` } });
      for (const secret of secretsOfA) expect(byKey.body, `${route.method} ${route.url} by another service's key`).not.toContain(secret);
      if (!route.url.startsWith('/api/') || /:\w+/.test(route.url))
        expect(refused(byKey.statusCode), `${route.method} ${route.url} by another service's key → ${byKey.statusCode}`).toBe(true);
      checked.push(`${route.method} ${route.url}`);
    }
    expect((await webB.get('/account')).statusCode, 'the other service’s person is still signed in after the walk').toBe(200);
    expect(checked).toContain('GET /people');
    expect(checked).toContain('POST /people/:userId/role');
    expect(checked).toContain('GET /api/v1/me');
    for (const route of [
      'GET /referrals/:id',
      'POST /referrals/:id/accept',
      'GET /cases/:id',
      'POST /cases/:id/move',
      'POST /cases/:id/people/:partyId/intake',
      'GET /cases/:id/consents',
      'GET /cases/:id/contacts',
      'GET /cases/:id/people/new',
    ])
      expect(checked).toContain(route);
    expect(checked).toContain('POST /cases/:id/tasks/:taskId/done');
    expect(checked).toContain('POST /safeguarding/:recordId/decide');
    for (const route of [
      'GET /volunteers/:volunteerId',
      'POST /volunteers/:volunteerId/status',
      'POST /volunteers/:volunteerId/connections/:connectionId/remove',
      'POST /volunteers/:volunteerId/availability/away/:periodId/remove',
      'POST /volunteer-applications/:applicationId/volunteer',
      'PUT /api/v1/volunteers/:volunteerId/availability',
      'DELETE /api/v1/volunteers/:volunteerId/connections/:connectionId',
      'GET /cases/:id/mediators',
      'GET /cases/:id/mediators/suggested',
      'POST /cases/:id/mediators/suggested',
      'GET /cases/:id/mediators/choose',
      'POST /cases/:id/mediators/choose',
      'POST /cases/:id/rj/victims-code',
      'POST /cases/:id/rj/court',
      'POST /api/v1/cases/:id/rj/court',
      'POST /settings/restorative-justice',
      'POST /api/v1/cases/:id/rj/victims-code',
      'POST /cases/:id/rj/letters/:letterId/reviews',
      'GET /cases/:id/mediators/end',
      'POST /cases/:id/mediators/end',
      'GET /cases/:id/mediators/:assignmentId/sign-off',
      'POST /cases/:id/mediators/:assignmentId/sign-off',
      'GET /api/v1/cases/:id/pair-suggestions',
      'POST /api/v1/cases/:id/assignments',
      'POST /api/v1/assignments/:assignmentId/sign-off',
      'POST /volunteers/allocation/confirm',
      'POST /volunteers/courses/:courseId/retire',
      'POST /volunteers/:volunteerId/training/:trainingRecordId/delete',
      'POST /volunteers/:volunteerId/accreditations/:accreditationId/revoke',
      'POST /volunteers/:volunteerId/accredit',
      'POST /volunteers/:volunteerId/dbs/:checkId/reveal',
      'POST /volunteers/:volunteerId/dbs/:checkId/status-checks',
      'DELETE /api/v1/volunteers/:volunteerId/training/:trainingRecordId',
      'POST /api/v1/volunteers/:volunteerId/accreditations/:accreditationId/revoke',
      'POST /api/v1/volunteers/:volunteerId/dbs/:checkId/reveal',
      'POST /api/v1/training-courses/:courseId/retire',
      'GET /volunteers/:volunteerId/hours',
      'POST /volunteers/:volunteerId/hours/:entryId/delete',
      'DELETE /api/v1/volunteers/:volunteerId/hours/:entryId',
      'GET /expenses/:claimId',
      'GET /expenses/:claimId/receipt',
      'POST /expenses/:claimId/decision',
      'POST /api/v1/expenses/:claimId/decision',
      'POST /my/expenses/new',
      'GET /cases/:id/meetings/:meetingId',
      'POST /api/v1/cases/:id/meetings/:meetingId/reschedule',
      'POST /api/v1/cases/:id/meetings/:meetingId/cancel',
      'GET /cases/:id/meetings/:meetingId/shuttle/for/:partyId',
      'POST /cases/:id/meetings/:meetingId/shuttle/:statementId/convey',
      'GET /api/v1/cases/:id/meetings/:meetingId/shuttle',
      'POST /meetings/requests/:requestId/decline',
      'POST /api/v1/meeting-requests/:requestId/decline',
      'GET /api/v1/venues/:venueId',
      'POST /venues/:venueId/edit',
      'POST /venues/:venueId/rooms/:roomId/edit',
      'GET /email/:id',
      'POST /email/:id/retry',
      'GET /api/v1/email/outbox/:id',
      'POST /volunteers/:volunteerId/calendar-feed/revoke',
      'GET /reports/exports/:exportId',
      'GET /reports/exports/:exportId/file',
      'POST /api/v1/reports/:report/exports',
      'GET /api/v1/reports/exports/:exportId',
      'GET /api/v1/reports/exports/:exportId/file',
    ])
      expect(checked).toContain(route);
  }, 180_000); // every route of the app, each several ways: the walk grows with every feature

  it('keeps the instance routes to instance operators: a service admin and any API key are refused, saying why', async () => {
    const instance = h.app.routeList.filter((r) => accessFor(r.method, r.url) === 'instance' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(instance.sort()).toEqual([
      'GET /api/v1/instance/postcodes',
      'GET /instance/postcodes',
      'POST /api/v1/instance/postcodes',
      'POST /instance/postcodes',
    ]);
    for (const route of instance) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      const asB = method === 'GET' ? await webB.get(url) : await webB.post(url, {});
      expect(asB.statusCode, `${route} as a service admin`).toBe(403);
      expect(asB.body, route).toMatch(/Only an instance operator|NOT_OPERATOR/);
      // A key counts on the API only (a page sends it to sign in); there it is refused as never an operator.
      const byKey = await h.app.inject({ method, url, headers: { authorization: `Bearer ${keyB}` } });
      if (url.startsWith('/api/')) {
        expect(byKey.statusCode, `${route} by a key`).toBe(403);
        expect(byKey.json().error.reason, route).toBe('NOT_OPERATOR');
      } else expect(refused(byKey.statusCode), `${route} by a key → ${byKey.statusCode}`).toBe(true);
    }
  });

  it('keeps the public calendar feed to what a calendar may hold, even for the holder of its token', async () => {
    // GET /calendar/:token.ics is public (src/http/access.ts): the unguessable token is the credential, so the walk
    // above skips it like the invitation pages. Here it is read with service A's real token: it may show the service's
    // name, the case reference and the venue (what the volunteer needs to turn up, feed-events.ts), nothing else.
    const byDesign = [s.a.name, params.caseReference!, 'Alpha Secret Venue', 'Alpha secret room', 'Alpha secret venue address'];
    const feed = await h.app.inject({ method: 'GET', url: `/calendar/${params.feedToken}.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Alpha Secret Venue');
    for (const secret of secretsOfA.filter((x) => !byDesign.includes(x))) expect(feed.body, `the feed shows "${secret}"`).not.toContain(secret);
    const guessed = await h.app.inject({ method: 'GET', url: `/calendar/${newToken(32)}.ics` });
    expect(guessed.statusCode).toBe(404);
    for (const secret of secretsOfA) expect(guessed.body).not.toContain(secret);
  });

  it('leaves the other service untouched after the walk', async () => {
    const { members, invitations } = await h.deps.people.list({
      type: 'user',
      id: s.adminA.userId,
      orgId: s.a.orgId,
      orgSlug: 'alpha',
      orgName: s.a.name,
      role: 'admin',
    });
    expect(members.map((m) => [m.email, m.role, m.status])).toEqual(
      expect.arrayContaining([
        ['ada.admin@alpha.example', 'admin', 'active'],
        ['mia.mediator@alpha.example', 'mediator', 'active'],
      ]),
    );
    expect(invitations).toHaveLength(1);
    const actor = { type: 'user' as const, id: s.adminA.userId, orgId: s.a.orgId, orgSlug: 'alpha', orgName: s.a.name, role: 'admin' as const };
    const c = await h.deps.cases.get(actor, params.caseId!);
    expect(c.case.status).toBe('intake');
    expect(c.tasks.map((t) => t.doneAt)).toEqual([null]);
    expect(c.timeline.map((e) => e.kind)).toEqual(['referral', 'task', 'note', 'safeguarding', 'meeting', 'shuttle', 'meeting']);
    const { meeting } = await h.deps.meetings.meeting(actor, params.caseId!, params.meetingId!);
    expect([meeting.status, meeting.sequence, meeting.notes, meeting.roomId, meeting.changes.length]).toEqual([
      'booked',
      0,
      'Alpha secret meeting notes',
      params.roomId,
      0,
    ]);
    const shuttle = await h.deps.meetings.shuttle.log(actor, params.caseId!, params.meetingId!);
    expect(shuttle.view.statements.map((x) => [x.id, x.permission])).toEqual([[params.statementId, 'no']]);
    expect(shuttle.view.conveyances).toEqual([]);
    expect((await h.deps.meetings.requests.get(actor, params.requestId!)).status).toBe('open');
    const venue = await h.deps.venues.get(actor, params.venueId!);
    expect([venue.name, venue.archivedAt, venue.rooms.map((r) => [r.name, r.archivedAt])]).toEqual(['Alpha Secret Venue', null, [['Alpha secret room', null]]]);
    const outbox = await h.deps.email.message(actor, params.outboxId!);
    expect([outbox.message.status, outbox.deliveries.length]).toEqual(['queued', 0]);
    expect((await h.deps.referrals.get(actor, params.referralId!)).referral.status).toBe('new');
    expect((await h.deps.caseActivity.listSafeguarding(actor))[0]!.record.status).toBe('open');
    expect(await h.deps.publicIntake.listEnquiries(actor, 'new')).toHaveLength(1);
    expect((await h.deps.publicIntake.listVolunteerApplications(actor))[0]!.status).toBe('new');
    expect((await h.deps.assignments.list(actor, params.caseId!)).map((a) => [a.active, a.signedOffAt])).toEqual([[true, null]]);
    const training = await h.deps.training.get(actor, params.volunteerId!);
    expect(training.records.map((r) => r.title)).toEqual(['Alpha secret CPD']);
    expect(training.accreditations.map((a) => a.state)).toEqual(['current']);
    expect(training.courses.find((c) => c.id === params.courseId)?.retiredAt).toBeNull();
    expect((await h.deps.dbs.get(actor, params.volunteerId!)).checks.map((c) => c.statusChecks.length)).toEqual([0]);
    expect((await h.deps.hours.ofVolunteer(actor, params.volunteerId!)).entries.map((e) => e.id)).toEqual([params.entryId]);
    expect((await h.deps.expenses.ofVolunteer(actor, params.volunteerId!)).claims.map((c) => [c.id, c.status])).toEqual([[params.claimId, 'submitted']]);
    const volunteer = (await h.deps.volunteers.view(actor, params.volunteerId!)).volunteer;
    expect([volunteer.name, volunteer.status, volunteer.connections.length, volunteer.away.length, volunteer.userId]).toEqual([
      'Vic Alphavolunteer',
      'applicant',
      1,
      1,
      null,
    ]);
  });
});
