// SEND mediation end to end through the API and the pages: the details with the Section I rule, the MIAS call (late
// contact flagged, never refused), the declined and deemed clocks on the deadlines queue, the attendance rule, and
// certificates numbered in the register with the appeal deadline, re-issued with a reason and downloaded as a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { signAgreementOnCase } from '../support/agreements.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeSendCase } from '../support/send-cases.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';

let h: Harness;
let orgId: string;
let key: string;
let viewerKey: string;
const ids: Record<string, string> = {};
let admin: Awaited<ReturnType<typeof makeMember>>;
let admins: ReturnType<typeof actorFor>;

const call = (k: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${k}` } });

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-12-23T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'sendy', 'Sendy Mediation (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'ada.admin@sendy.example', { name: 'Ada Admin' });
  admin = a;
  admins = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admins, { caseTypes: ['community', 'send'] });
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Coordinator key', role: 'coordinator' }, systemActor('test'))).key;
  viewerKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Mediator key', role: 'mediator' }, systemActor('test'))).key;
  const make = (name: string) => makeSendCase(h.deps, orgId, admins, name, { parentEmail: true });
  ids.declined = await make('Declined');
  ids.deemed = await make('Deemed');
  ids.placement = await make('Placement');
  ids.fresh = await make('Fresh');
  ids.drs = await make('Drs');
  ids.community = (await makeCase(h.deps, orgId, admins, { description: 'Hedge', parties: [{ name: 'Hal Hedge' }] })).caseId;
});
afterAll(() => h?.close());

const details = {
  decisionType: 'plan_contents',
  issues: ['B', 'F', 'G'],
  decisionLetterOn: '2026-10-15',
  requestedBy: 'parent',
  childName: 'Kit Declined',
  localAuthority: 'Kentish County Council (fictional)',
};

describe('SEND details', () => {
  it('saves the details and shows no clock until the MIAS call but the 2-month contact clock', async () => {
    const res = await call(key, 'PUT', `/api/v1/cases/${ids.declined}/send`, details);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ issues: ['B', 'F', 'G'], sectionIOnly: false, contactDeadline: '2026-12-15' });
    expect(res.json().clocks).toEqual([expect.objectContaining({ kind: 'contact', due: '2026-12-15', overdue: true })]);
  });

  it('names each bad field (422), never a 500', async () => {
    const res = await call(key, 'PUT', `/api/v1/cases/${ids.declined}/send`, { issues: ['Z'], decisionLetterOn: '2026-02-30' });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toEqual(expect.arrayContaining(['issues.0', 'decisionLetterOn']));
    const views = await call(key, 'PUT', `/api/v1/cases/${ids.declined}/send`, { childViewsObtained: false });
    expect(views.statusCode).toBe(422);
    expect(Object.keys(views.json().error.fields)).toEqual(['childViewsNotReason']);
  });

  it('takes as the MIAS call only a meeting of kind mias_call on the case', async () => {
    const res = await call(key, 'POST', `/api/v1/cases/${ids.placement}/send/mias`, {
      miasOn: '2026-12-01',
      decision: 'undecided',
      meetingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toEqual(['meetingId']);
  });

  it('is only for SEND cases', async () => {
    expect((await call(key, 'GET', `/api/v1/cases/${ids.community}/send`)).statusCode).toBe(404);
  });

  it('Section I only: no certificate is needed, and one is refused', async () => {
    await call(key, 'PUT', `/api/v1/cases/${ids.placement}/send`, { ...details, issues: ['I'] });
    await call(key, 'POST', `/api/v1/cases/${ids.placement}/send/mias`, { miasOn: '2026-12-01', decision: 'declines' });
    const view = (await call(key, 'GET', `/api/v1/cases/${ids.placement}/send`)).json();
    expect(view.sectionIOnly).toBe(true);
    expect(view.clocks).toEqual([]);
    const res = await call(key, 'POST', `/api/v1/cases/${ids.placement}/send/certificates`, { kind: 'declined', adviserName: 'Mo Adviser' });
    expect(res.statusCode).toBe(409);
  });
});

describe('declined: the certificate within 3 working days, with the appeal deadline', () => {
  it('flags a late contact and starts the 3-working-day clock across Christmas', async () => {
    const res = await call(key, 'POST', `/api/v1/cases/${ids.declined}/send/mias`, { miasOn: '2026-12-23', decision: 'declines' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lateContact: true, miasDecision: 'declines' });
    expect(res.json().clocks).toEqual([expect.objectContaining({ kind: 'declined_certificate', due: '2026-12-30', daysLeft: 3, overdue: false })]);
  });

  it('issues certificate 1 with appeal by the later of decision + 2 months and certificate + 1 month, emailed with consent on record', async () => {
    const parent = (await h.deps.cases.get(admins, ids.declined!)).parties.find((p) => p.role === 'parent')!;
    await h.deps.caseActivity.recordConsent(admins, ids.declined!, { partyId: parent.id, status: 'given', method: 'verbal' });
    const res = await call(key, 'POST', `/api/v1/cases/${ids.declined}/send/certificates`, {
      kind: 'declined',
      adviserName: 'Mo Adviser',
      issuedOn: '2026-12-24',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      number: 1,
      kind: 'declined',
      appealDeadline: '2027-01-24',
      adviserOrganisation: 'Sendy Mediation (fictional)',
      emailedTo: 1,
    });
    const view = (await call(key, 'GET', `/api/v1/cases/${ids.declined}/send`)).json();
    expect(view.clocks.map((k: { kind: string }) => k.kind)).toEqual(['appeal']);
  });

  it('re-issues with a reason, keeping the old one as superseded', async () => {
    const first = (await call(key, 'GET', `/api/v1/cases/${ids.declined}/send/certificates`)).json()[0];
    const noReason = await call(key, 'POST', `/api/v1/cases/${ids.declined}/send/certificates`, {
      kind: 'declined',
      adviserName: 'Mo Adviser',
      replacesId: first.id,
    });
    expect(noReason.statusCode).toBe(422);
    const res = await call(key, 'POST', `/api/v1/cases/${ids.declined}/send/certificates`, {
      kind: 'declined',
      adviserName: 'Mo Adviser',
      replacesId: first.id,
      reissueReason: 'Child’s name misspelt',
    });
    expect(res.json()).toMatchObject({ number: 2, replacesId: first.id });
    const register = (await call(key, 'GET', '/api/v1/send/certificates')).json();
    expect(register.map((c: { number: number; superseded: boolean }) => [c.number, c.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('downloads the PDF', async () => {
    const cert = (await call(key, 'GET', `/api/v1/cases/${ids.declined}/send/certificates`)).json()[1];
    const res = await call(key, 'GET', `/api/v1/cases/${ids.declined}/send/certificates/${cert.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('wants mediation: ICB notice, 30 days, deemed certificate, attendance', () => {
  it('runs the ICB and 30-day clocks, then prompts the deemed certificate after day 30', async () => {
    await call(key, 'PUT', `/api/v1/cases/${ids.deemed}/send`, { ...details, childName: 'Kit Deemed' });
    const res = await call(key, 'POST', `/api/v1/cases/${ids.deemed}/send/mias`, { miasOn: '2026-11-20', decision: 'wants_mediation' });
    expect(res.json().clocks.map((k: { kind: string; due: string }) => [k.kind, k.due])).toEqual([
      ['icb_notice', '2026-11-25'],
      ['mediation_held', '2026-12-20'],
      ['deemed_certificate', '2026-12-24'],
    ]);
    const queue = (await call(key, 'GET', '/api/v1/send/deadlines')).json();
    expect(queue.filter((k: { caseId: string }) => k.caseId === ids.deemed).map((k: { overdue: boolean }) => k.overdue)).toEqual([true, true, false]);
    expect(queue[0].overdue).toBe(true);
  });

  it('refuses mediation as held until the local authority’s representative with authority is recorded (#12)', async () => {
    const res = await call(key, 'PUT', `/api/v1/cases/${ids.deemed}/send/progress`, {
      mediationHeldOn: '2026-12-22',
      laAttendeeName: 'Lee Officer',
      laAttendeeHasAuthority: false,
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['laAttendeeHasAuthority', 'laAttendeeRole']);
    const ok = await call(key, 'PUT', `/api/v1/cases/${ids.deemed}/send/progress`, {
      icbNotifiedOn: '2026-11-24',
      mediationHeldOn: '2026-12-22',
      laAttendeeName: 'Lee Officer',
      laAttendeeRole: 'SEN team manager',
      laAttendeeHasAuthority: true,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().clocks.map((k: { kind: string; due: string }) => [k.kind, k.due])).toEqual([
      ['deemed_certificate', '2026-12-24'],
      ['after_mediation_certificate', '2026-12-29'],
    ]);
  });

  it('issues the certificate after mediation with each issue’s outcome (partial)', async () => {
    const missing = await call(key, 'POST', `/api/v1/cases/${ids.deemed}/send/certificates`, { kind: 'after_mediation', adviserName: 'Mel Mediator' });
    expect(missing.statusCode).toBe(422);
    const res = await call(key, 'POST', `/api/v1/cases/${ids.deemed}/send/certificates`, {
      kind: 'after_mediation',
      adviserName: 'Mel Mediator',
      issueOutcomes: ['agreed', 'not_agreed', 'partly_agreed'],
    });
    expect(res.json()).toMatchObject({ number: 3, outcome: 'partial', issuedOn: '2026-12-23', appealDeadline: '2027-01-23' });
  });
});

describe('after a signed agreement: the local authority’s reg 42 duties', () => {
  it('shows each term for the local authority with its date (reg 44 default for an appealable term)', async () => {
    await insertAssignment(h.deps, orgId, ids.deemed!, await makeVolunteer(h.deps, orgId, { name: 'Mel Mediator', areas: ['send'] }));
    await signAgreementOnCase(h, admins, ids.deemed!, {
      who: ['local_authority'],
      what: 'Amend section F to add weekly speech and language therapy',
      dueKind: 'date',
      checkHow: 'The amended plan is received',
      appealable: true,
      sendAction: 'amend_plan',
    });
    const view = (await call(key, 'GET', `/api/v1/cases/${ids.deemed}/send`)).json();
    // Agreed on 23 December 2026: 5 weeks (reg 44(2)(e)) is 27 January 2027, 35 calendar days away.
    expect(view.duties).toEqual([
      {
        termId: expect.any(String),
        what: 'Amend section F to add weekly speech and language therapy',
        appealable: true,
        due: '2027-01-27',
        metOn: null,
        daysLeft: 35,
      },
    ]);
  });

  it('records when a duty was met (late here), and refuses a duty of another case', async () => {
    const { termId } = (await call(key, 'GET', `/api/v1/cases/${ids.deemed}/send`)).json().duties[0];
    const bad = await call(key, 'PUT', `/api/v1/cases/${ids.deemed}/send/duties/${termId}`, { metOn: '2027-02-30' });
    expect(bad.statusCode).toBe(422);
    expect((await call(key, 'PUT', `/api/v1/cases/${ids.declined}/send/duties/${termId}`, { metOn: '2027-02-01' })).statusCode).toBe(404);
    const res = await call(key, 'PUT', `/api/v1/cases/${ids.deemed}/send/duties/${termId}`, { metOn: '2027-02-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().duties[0]).toMatchObject({ metOn: '2027-02-01', daysLeft: null });
  });
});

describe('who attends (#13) and disagreement resolution (#22)', () => {
  it('takes an advocate or supporter without consent, the child only where agreed, anyone else only with consent', async () => {
    const res = await call(key, 'PUT', `/api/v1/cases/${ids.drs}/send/attendees`, {
      attendees: [
        { name: 'Avery Advocate', kind: 'advocate' },
        { name: 'Sol Supporter', kind: 'supporter' },
        { name: 'Kit Drs', kind: 'child' },
        { name: 'Nan Drs', kind: 'other' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['attendees.2.agreed', 'attendees.3.agreed']);
    const ok = await call(key, 'PUT', `/api/v1/cases/${ids.drs}/send/attendees`, {
      attendees: [
        { name: 'Avery Advocate', kind: 'advocate' },
        { name: 'Kit Drs', kind: 'child', agreed: true },
        { name: 'Nan Drs', kind: 'other', agreed: true },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().attendees.map((a: { name: string }) => a.name)).toEqual(['Avery Advocate', 'Kit Drs', 'Nan Drs']);
  });

  it('needs every party’s agreement for disagreement resolution, runs no clock on it and refuses a certificate with the reason', async () => {
    await call(key, 'POST', `/api/v1/cases/${ids.drs}/send/mias`, { miasOn: '2026-12-01', decision: 'declines' });
    const notAgreed = await call(key, 'PUT', `/api/v1/cases/${ids.drs}/send/progress`, { route: 'disagreement_resolution', everyPartyAgreed: false });
    expect(notAgreed.statusCode).toBe(422);
    expect(Object.keys(notAgreed.json().error.fields)).toEqual(['everyPartyAgreed']);
    const drs = await call(key, 'PUT', `/api/v1/cases/${ids.drs}/send/progress`, { route: 'disagreement_resolution', everyPartyAgreed: true });
    expect(drs.statusCode).toBe(200);
    expect(drs.json()).toMatchObject({ route: 'disagreement_resolution', clocks: [] });
    const cert = await call(key, 'POST', `/api/v1/cases/${ids.drs}/send/certificates`, { kind: 'declined', adviserName: 'Mo Adviser' });
    expect(cert.statusCode).toBe(409);
    expect(cert.json().error.message).toContain('Disagreement resolution produces no certificate');
    // Back on the statutory route, the declined clock runs again.
    const back = await call(key, 'PUT', `/api/v1/cases/${ids.drs}/send/progress`, {});
    expect(back.json().clocks.map((k: { kind: string }) => k.kind)).toEqual(['declined_certificate']);
  });
});

describe('the report and the home page', () => {
  it('counts cases by local authority, certificates by kind, mediations within 30 days and outcomes per issue, on screen and as CSV', async () => {
    const r = (await call(key, 'GET', '/api/v1/send/report')).json();
    expect(r.byKind).toEqual([
      { kind: 'after_mediation', certificates: 1 },
      { kind: 'declined', certificates: 1 },
    ]);
    expect(r.mediations).toEqual({ held: 1, within30Days: 0 });
    expect(r.delays).toEqual([{ reason: null, n: 1 }]);
    expect(r.appeals).toEqual({ made: 0, notMade: 0, notKnown: 2 });
    expect(r.reg42).toEqual({ onTime: 0, late: 1, outstanding: 0, notYetDue: 0 });
    // The reason for the delay and the appeal, once known, are recorded on the case and counted.
    await call(key, 'PUT', `/api/v1/cases/${ids.deemed}/send/progress`, {
      icbNotifiedOn: '2026-11-24',
      mediationHeldOn: '2026-12-22',
      laAttendeeName: 'Lee Officer',
      laAttendeeRole: 'SEN team manager',
      laAttendeeHasAuthority: true,
      delayReason: 'No room free at the school',
      appealMade: true,
    });
    const again = (await call(key, 'GET', '/api/v1/send/report')).json();
    expect(again.delays).toEqual([{ reason: 'No room free at the school', n: 1 }]);
    expect(again.appeals).toEqual({ made: 1, notMade: 0, notKnown: 1 });
    expect(r.outcomes).toContainEqual({ issue: 'G', outcome: 'partly_agreed', n: 1 });
    const web = await signIn(h, admin);
    const csv = await web.get('/send/report.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('Certificates by kind,Mediation declined,1');
    expect(csv.body).toContain('Reasons mediation was held after 30 days,No room free at the school,1');
    expect(csv.body).toContain('Appeals after a certificate,Appeal made,1');
    expect(csv.body).toContain('Local authority duties after agreements (reg 42),Met late,1');
    expect((await web.get('/send/report')).body).toContain('Met late');
  });
});

describe('access', () => {
  it('keeps the deadlines and the register from a mediator', async () => {
    expect((await call(viewerKey, 'GET', '/api/v1/send/deadlines')).statusCode).toBe(403);
    expect((await call(viewerKey, 'GET', '/api/v1/send/certificates')).statusCode).toBe(403);
  });
});

describe('pages', () => {
  it('shows the SEND tab, records the call by form and re-shows a bad date with what was typed', async () => {
    const web = await signIn(h, admin);
    const page = await web.get(`/cases/${ids.placement}/send`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('no mediation certificate is needed');
    const bad = await web.post(`/cases/${ids.placement}/send/mias`, { 'miasOn-day': '31', 'miasOn-month': '2', 'miasOn-year': '2027', decision: 'undecided' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('must be a real date');
    expect(bad.body).toContain('value="31"');
    await call(key, 'PUT', `/api/v1/cases/${ids.fresh}/send`, { ...details, childName: 'Kit Fresh' });
    const deadlines = await web.get('/send/deadlines');
    expect(deadlines.statusCode).toBe(200);
    expect(deadlines.body).toContain('Overdue by 8 days');
    expect(deadlines.body).toContain('Kit Fresh');
    const home = await web.get('/home');
    expect(home.body).toContain('SEND deadlines');
    expect(home.body).toContain(`/cases/${ids.fresh}/send`);
    expect((await web.get('/send/certificates')).body).toContain('Re-issued');
    const child = await web.post(`/cases/${ids.placement}/send/attendees`, { attendeeName: 'Kit Placement', attendeeKind: 'child' });
    expect(child.statusCode).toBe(422);
    expect(child.body).toContain('The child attends only where the parent and the mediator agree');
    expect(child.body).toContain('value="Kit Placement"');
    const added = await web.post(`/cases/${ids.placement}/send/attendees`, { attendeeName: 'Kit Placement', attendeeKind: 'child', agreed: 'yes' });
    expect(added.statusCode).toBe(303);
    expect((await web.get(`/cases/${ids.placement}/send`)).body).toContain('Kit Placement');
    const drs = await web.post(`/cases/${ids.drs}/send/progress`, { route: 'disagreement_resolution', everyPartyAgreed: 'yes' });
    expect(drs.statusCode).toBe(303);
    const drsPage = (await web.get(`/cases/${ids.drs}/send`)).body;
    expect(drsPage).toContain('it produces no mediation certificate');
    expect(drsPage).not.toContain('Issue the certificate');
  });
});
