// Training: courses (with the foundation course made on first use), a volunteer's training page and its forms,
// accreditations, the supervised-cases gate on accrediting a trainee, the RJ practice checks, the volunteer policy
// page, /my/training and the API twins. Mediators read only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase } from '#src/features/cases/cases.repo.ts';
import { inOrg } from '#src/db/tenant.ts';
import { eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { systemActor } from '#src/access/actor.ts';
import { insertAssignments, signOffAssignment } from '#src/features/volunteers/assignments/assignments.repo.ts';
import { findVolunteer, insertVolunteer } from '#src/features/volunteers/records/volunteers.repo.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text, errorSummary } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let admin: WebClient;
let coordinator: WebClient;
let supervisor: WebClient;
let otherSupervisor: WebClient;
let vera: WebClient;
let unlinked: WebClient;
let supervisorId: string;
let veraUserId: string;
let veraId: string;
let keyCoordinator: string;
let patId: string;

async function addVolunteer(name: string, status: string, extra: { userId?: string; supervisorUserId?: string } = {}) {
  const id = newId();
  const now = h.clock.now();
  await inOrg(h.deps.db, orgId, (tx) =>
    insertVolunteer(tx, {
      id,
      orgId,
      name,
      status,
      userId: extra.userId ?? null,
      supervisorUserId: extra.supervisorUserId ?? null,
      createdAt: now,
      updatedAt: now,
    }),
  );
  return id;
}

/** A case co-mediated under supervision; signed off by the supervisor when `signed`. */
async function supervisedCase(volunteerId: string, signed: boolean, supervised = true) {
  const id = newId();
  await inOrg(h.deps.db, orgId, async (tx) => {
    const caseId = newId();
    const now = h.clock.now();
    await insertCase(tx, {
      id: caseId,
      orgId,
      reference: `TDM-${caseId.slice(0, 8)}`,
      caseType: 'community',
      status: 'closed',
      summary: 'Supervised case',
      openedAt: now,
      statusChangedAt: now,
    });
    await insertAssignments(tx, [{ id, orgId, caseId, volunteerId, role: 'co', supervised, assignedAt: now }]);
    if (signed) await signOffAssignment(tx, orgId, id, { at: h.clock.now(), by: 'Sam Supervisor', notes: null });
  });
}

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, key = keyCoordinator) =>
  h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } });

const auditActions = async () =>
  (await h.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.orgId, orgId))).map((r) => r.action);

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-06-15T09:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'tdm', 'Testdale Mediation (fictional)'));
  admin = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'ada@tdm.example', { name: 'Ada Admin' }));
  coordinator = await signIn(h, await makeMember(h.deps, orgId, 'coordinator', 'cora@tdm.example', { name: 'Cora Coordinator' }));
  const sam = await makeMember(h.deps, orgId, 'supervisor', 'sam@tdm.example', { name: 'Sam Supervisor' });
  supervisorId = sam.userId;
  supervisor = await signIn(h, sam);
  otherSupervisor = await signIn(h, await makeMember(h.deps, orgId, 'supervisor', 'sid@tdm.example', { name: 'Sid Othersupervisor' }));
  const veraMember = await makeMember(h.deps, orgId, 'mediator', 'vera@tdm.example', { name: 'Vera Testvolunteer' });
  veraUserId = veraMember.userId;
  vera = await signIn(h, veraMember);
  unlinked = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'uma@tdm.example', { name: 'Uma Unlinked' }));
  veraId = await addVolunteer('Vera Testvolunteer', 'trainee', { userId: veraUserId, supervisorUserId: supervisorId });
  keyCoordinator = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Training tests', role: 'coordinator' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

describe('training courses', () => {
  it('creates the foundation course on first use and says so', async () => {
    const first = await supervisor.get('/volunteers/courses');
    expect(first.statusCode).toBe(200);
    expect(text(first.body)).toContain('This service had no courses, so the “Foundation course in community mediation” has been added');
    expect(text(first.body)).toMatch(/Foundation course in community mediation Foundation 40 /);
    expect(first.body).not.toContain('Add a course'); // supervisors read, coordinators change
    const again = await coordinator.get('/volunteers/courses');
    expect(text(again.body)).not.toContain('This service had no courses');
    expect(again.body).toContain('Add a course');
  });

  it('refuses bad input in words and keeps what was typed', async () => {
    await coordinator.get('/volunteers/courses');
    const res = await coordinator.post('/volunteers/courses', { 'newCourse-name': 'Parent and teenager mediation', 'newCourse-hours': 'twelve' });
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toContain('Enter the course hours as a number, like 1.5');
    expect(errorSummary(res.body)).toContain('Say whether this is the foundation course');
    expect(res.body).toContain('value="Parent and teenager mediation"');
    expect(res.body).toContain('value="twelve"');
  });

  it('adds a course, refuses a duplicate name, and retires', async () => {
    const ok = await coordinator.post('/volunteers/courses', {
      'newCourse-name': 'Restorative conferencing',
      'newCourse-hours': '21',
      'newCourse-foundation': 'no',
      'newCourse-area': 'restorative_conferencing',
    });
    expect(ok.statusCode).toBe(303);
    await coordinator.get('/volunteers/courses');
    const dup = await coordinator.post('/volunteers/courses', {
      'newCourse-name': 'restorative conferencing',
      'newCourse-hours': '3',
      'newCourse-foundation': 'no',
    });
    expect(dup.statusCode).toBe(409);
    expect(errorSummary(dup.body)).toContain('There is already a course called “restorative conferencing”');
    const { courses } = (await api('GET', '/api/v1/training-courses')).json();
    const rj = courses.find((c: { name: string }) => c.name === 'Restorative conferencing');
    expect(rj).toMatchObject({ hours: 21, foundation: false, area: 'restorative_conferencing', retiredAt: null });
    expect((await supervisor.post(`/volunteers/courses/${rj.id}/retire`)).statusCode).toBe(403);
    expect((await coordinator.post(`/volunteers/courses/${rj.id}/retire`)).statusCode).toBe(303);
    expect(text((await coordinator.get('/volunteers/courses')).body)).toContain('Retired');
  });

  it('has an API twin with zod validation', async () => {
    const bad = await api('POST', '/api/v1/training-courses', { name: '', hours: -1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toMatchObject({ name: 'Enter the course name', hours: 'Course hours must be more than 0', foundation: expect.any(String) });
    const made = await api('POST', '/api/v1/training-courses', { name: 'SEND mediation', hours: 7.5, foundation: false, area: 'send' });
    expect(made.statusCode).toBe(200);
    const retired = await api('POST', `/api/v1/training-courses/${made.json().id}/retire`);
    expect(retired.json()).toEqual({ ok: true });
    expect((await api('POST', `/api/v1/training-courses/${made.json().id}/retire`)).statusCode).toBe(409);
  });
});

describe('a volunteer’s training page', () => {
  const page = () => `/volunteers/${veraId}/training`;

  it('records a completed course, CPD and sessions, with clear problems', async () => {
    const foundation = (await api('GET', '/api/v1/training-courses')).json().courses.find((c: { foundation: boolean }) => c.foundation);
    await supervisor.get(page());
    const bad = await supervisor.post(`${page()}/courses`, { 'course-courseId': '', 'course-on-day': '31', 'course-on-month': '2', 'course-on-year': '2026' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Choose the course');
    expect(errorSummary(bad.body)).toContain('Date completed must be a real date');
    expect(bad.body).toContain('href="#course-on-day"');
    const future = await supervisor.post(`${page()}/courses`, {
      'course-courseId': foundation.id,
      'course-on-day': '1',
      'course-on-month': '7',
      'course-on-year': '2026',
    });
    expect(errorSummary(future.body)).toContain('Date completed must be today or in the past');
    const ok = await supervisor.post(`${page()}/courses`, {
      'course-courseId': foundation.id,
      'course-on-day': '10',
      'course-on-month': '3',
      'course-on-year': '2025',
    });
    expect(ok.headers.location).toBe(`${page()}?done=course`);

    await supervisor.get(page());
    const badCpd = await supervisor.post(`${page()}/cpd`, {
      'cpd-title': 'Working with interpreters',
      'cpd-hours': 'one and a half',
      'cpd-on-day': '2',
      'cpd-on-month': '5',
      'cpd-on-year': '2026',
    });
    expect(badCpd.statusCode).toBe(422);
    expect(errorSummary(badCpd.body)).toContain('Enter the cpd hours as a number, like 1.5');
    expect(badCpd.body).toContain('value="Working with interpreters"');
    expect(badCpd.body).toContain('value="one and a half"');
    await supervisor.post(`${page()}/cpd`, {
      'cpd-title': 'Working with interpreters',
      'cpd-hours': '1.5',
      'cpd-on-day': '2',
      'cpd-on-month': '5',
      'cpd-on-year': '2026',
    });
    await supervisor.get(page());
    const noKind = await supervisor.post(`${page()}/sessions`, { 'session-on-day': '1', 'session-on-month': '6', 'session-on-year': '2026' });
    expect(errorSummary(noKind.body)).toContain('Choose case supervision or observed practice');
    await supervisor.post(`${page()}/sessions`, {
      'session-kind': 'supervision',
      'session-on-day': '1',
      'session-on-month': '6',
      'session-on-year': '2026',
      'session-notes': 'Talked through the hedge case',
    });

    const shown = text((await supervisor.get(page())).body);
    expect(shown).toContain('Foundation course in community mediation, completed 10 March 2025');
    expect(shown).toContain('2026: 1.5 of 6 hours');
    expect(shown).toContain('2025: 0 of 6 hours');
    expect(shown).toContain('Case supervision Case supervision Talked through the hedge case');
  });

  it('deletes a record entered by mistake', async () => {
    const { records } = (await api('GET', `/api/v1/volunteers/${veraId}/training`)).json();
    const cpd = records.find((r: { kind: string }) => r.kind === 'cpd');
    await supervisor.get(page());
    expect((await supervisor.post(`${page()}/${cpd.id}/delete`)).headers.location).toBe(`${page()}?done=deleted`);
    expect(text((await supervisor.get(page())).body)).toContain('2026: 0 of 6 hours');
    expect((await supervisor.post(`${page()}/${cpd.id}/delete`)).statusCode).toBe(404);
  });

  it('is for staff who see volunteers and the volunteer themself (read only); viewing is audited', async () => {
    const own = await vera.get(page());
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Record CPD');
    expect((await unlinked.get(page())).statusCode).toBe(403);
    expect(await auditActions()).toContain('volunteer.training_viewed');
  });
});

describe('accreditations', () => {
  it('adds, shows expired ones as expired, and revokes with a reason', async () => {
    const pat = await addVolunteer('Pat Accredited', 'accredited');
    patId = pat;
    const page = `/volunteers/${pat}/training`;
    await coordinator.get(page);
    const bad = await coordinator.post(`/volunteers/${pat}/accreditations`, {
      'accreditation-area': 'parent_teen',
      'accreditation-accreditedOn-day': '1',
      'accreditation-accreditedOn-month': '2',
      'accreditation-accreditedOn-year': '2026',
      'accreditation-expiresOn-day': '1',
      'accreditation-expiresOn-month': '1',
      'accreditation-expiresOn-year': '2026',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('The expiry date must be after the date accredited');
    expect(bad.body).toMatch(/<option value="parent_teen" selected/);
    const form = (area: string, year: string, expiresYear = '') => ({
      'accreditation-area': area,
      'accreditation-accreditedOn-day': '1',
      'accreditation-accreditedOn-month': '2',
      'accreditation-accreditedOn-year': year,
      'accreditation-expiresOn-day': expiresYear ? '1' : '',
      'accreditation-expiresOn-month': expiresYear ? '2' : '',
      'accreditation-expiresOn-year': expiresYear,
    });
    expect((await coordinator.post(`/volunteers/${pat}/accreditations`, form('parent_teen', '2026', '2028'))).statusCode).toBe(303);
    expect((await coordinator.post(`/volunteers/${pat}/accreditations`, form('send', '2023', '2025'))).statusCode).toBe(303);
    await coordinator.get(page);
    const dup = await coordinator.post(`/volunteers/${pat}/accreditations`, form('parent_teen', '2026'));
    expect(errorSummary(dup.body)).toContain('Pat Accredited is already accredited in parent and teenager mediation');

    const list = (await api('GET', `/api/v1/volunteers/${pat}/accreditations`)).json().accreditations;
    const send = list.find((a: { area: string }) => a.area === 'send');
    const teen = list.find((a: { area: string }) => a.area === 'parent_teen');
    expect(send.state).toBe('expired');
    expect(teen.state).toBe('current');

    await coordinator.get(page);
    const noReason = await coordinator.post(`/volunteers/${pat}/accreditations/${teen.id}/revoke`, { [`revoke-${teen.id}-reason`]: ' ' });
    expect(noReason.statusCode).toBe(422);
    expect(errorSummary(noReason.body)).toContain('Give the reason for revoking');
    expect(noReason.body).toContain(`href="#revoke-${teen.id}-reason"`);
    await coordinator.post(`/volunteers/${pat}/accreditations/${teen.id}/revoke`, { [`revoke-${teen.id}-reason`]: 'Stopped parent and teen work' });
    const shown = text((await coordinator.get(page)).body);
    expect(shown).toContain('Revoked Stopped parent and teen work');
    expect(shown).toContain('SEND mediation 1 February 2023 1 February 2025 Expired');
    const again = await api('POST', `/api/v1/volunteers/${pat}/accreditations/${teen.id}/revoke`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
  });

  it('does not let a trainee be accredited in community mediation except through “Accredit”', async () => {
    const res = await api('POST', `/api/v1/volunteers/${veraId}/accreditations`, { area: 'community', accreditedOn: '2026-06-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Vera Testvolunteer is not accredited yet');
  });
});

describe('accrediting a trainee after supervised cases', () => {
  it('refuses before the count with the reason, and only their supervisor, coordinators and admins may accredit', async () => {
    await supervisedCase(veraId, true);
    await supervisedCase(veraId, true);
    await supervisedCase(veraId, false); // not signed off yet
    await supervisedCase(veraId, true, false); // not a supervised case

    const page = await supervisor.get(`/volunteers/${veraId}/training`);
    expect(text(page.body)).toContain('2 of 3 supervised cases signed off; supervisor: Sam Supervisor');
    expect(text(page.body)).toContain('Not ready to accredit: 2 of 3 supervised cases signed off');
    expect(page.body).not.toContain(`action="/volunteers/${veraId}/accredit"`);

    const refused = await supervisor.post(`/volunteers/${veraId}/accredit`, {});
    expect(refused.statusCode).toBe(409);
    expect(errorSummary(refused.body)).toContain('2 of 3 supervised cases signed off');
    const byApi = await api('POST', `/api/v1/volunteers/${veraId}/accredit`, {});
    expect(byApi.statusCode).toBe(409);
    expect(byApi.json().error).toMatchObject({ reason: 'NOT_READY_TO_ACCREDIT', message: '2 of 3 supervised cases signed off' });
    await otherSupervisor.get(`/volunteers/${veraId}/training`);
    expect((await otherSupervisor.post(`/volunteers/${veraId}/accredit`, {})).statusCode).toBe(403);
  });

  it('accredits at the count: status accredited with history, the community accreditation, audited', async () => {
    await supervisedCase(veraId, true);
    const page = await supervisor.get(`/volunteers/${veraId}/training`);
    expect(text(page.body)).toContain('3 of 3 supervised cases signed off');
    expect(page.body).toContain(`action="/volunteers/${veraId}/accredit"`);
    const res = await supervisor.post(`/volunteers/${veraId}/accredit`, { 'accredit-note': 'Three good cases' });
    expect(res.headers.location).toBe(`/volunteers/${veraId}/training?done=accredited`);
    const v = await inOrg(h.deps.db, orgId, (tx) => findVolunteer(tx, orgId, veraId));
    expect(v?.status).toBe('accredited');
    expect(v?.statusHistory.at(-1)).toMatchObject({ status: 'accredited', on: '2026-06-15', by: 'Sam Supervisor', note: 'Three good cases' });
    const list = (await api('GET', `/api/v1/volunteers/${veraId}/accreditations`)).json().accreditations;
    expect(list).toEqual([expect.objectContaining({ area: 'community', accreditedOn: '2026-06-15', state: 'current' })]);
    expect(await auditActions()).toContain('volunteer.accredited');
    const twice = await api('POST', `/api/v1/volunteers/${veraId}/accredit`, {});
    expect(twice.json().error.message).toBe('Vera Testvolunteer is already accredited');
  });
});

describe('restorative conferencing practice checks', () => {
  it('flags overdue supervision and observed practice on the page and the coordinator’s home', async () => {
    const rio = await addVolunteer('Rio Practitioner', 'accredited');
    await api('POST', `/api/v1/volunteers/${rio}/accreditations`, { area: 'restorative_conferencing', accreditedOn: '2024-01-10' });
    await api('POST', `/api/v1/volunteers/${rio}/training`, { kind: 'supervision', on: '2026-01-05' });
    await api('POST', `/api/v1/volunteers/${rio}/training`, { kind: 'observed_practice', on: '2025-09-01' });
    await api('POST', `/api/v1/volunteers/${rio}/training`, { kind: 'cpd', title: 'RJ refresher', hours: 6, on: '2025-04-01' });
    const shown = text((await coordinator.get(`/volunteers/${rio}/training`)).body);
    expect(shown).toContain('Case supervision: Case supervision overdue since 30 March (last 5 January) Overdue');
    expect(shown).toContain('Observed practice: 1 of 1 observed session in the last 12 months; the next is due by 1 September');
    const home = text((await coordinator.get('/home')).body);
    expect(home).toContain('Practice checks overdue');
    expect(home).toContain('Rio Practitioner Overdue – Case supervision overdue since 30 March (last 5 January)');
    const training = (await api('GET', `/api/v1/volunteers/${rio}/training`)).json();
    expect(training.practiceChecks.map((c: { id: string; overdue: boolean }) => [c.id, c.overdue])).toEqual([
      ['supervision', true],
      ['observed_practice', false],
      ['cpd', false],
    ]);
  });
});

describe('the volunteer policy page', () => {
  it('lets admins change every rule, with messages in words and typed answers kept', async () => {
    const form = {
      foundationCourseHours: '0',
      supervisedCasesRequired: '3',
      dbsRecheckYears: '3',
      dbsRequiredFor: 'community',
      dbsAlertDays: '60, soon',
      rjSupervisionWeeks: '12',
      rjObservedPerYear: '1',
      cpdHoursPerYear: '6',
      availabilityWeeks: '4',
      preferMixedGender: 'no',
      mileagePence: '45',
    };
    await admin.get('/volunteers/policy');
    const bad = await admin.post('/volunteers/policy', form);
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Foundation course hours must be a whole number from 1 to 500');
    expect(errorSummary(bad.body)).toContain('Enter up to 5 whole numbers of days from 1 to 365, separated by commas, like 60, 30, 7');
    expect(bad.body).toContain('value="60, soon"');
    expect(bad.body).toContain('value="0"');
    const ok = await admin.post('/volunteers/policy', { ...form, foundationCourseHours: '36', dbsAlertDays: '7, 90 30', preferMixedGender: 'yes' });
    expect(ok.headers.location).toBe('/volunteers/policy?done=saved');
    const policy = (
      await h.app.inject({
        method: 'GET',
        url: '/api/v1/settings',
        headers: { authorization: `Bearer ${(await h.deps.apiKeys.createForOrg(orgId, { name: 'Admin key', role: 'admin' }, systemActor('test'))).key}` },
      })
    ).json().volunteers;
    expect(policy).toMatchObject({ foundationCourseHours: 36, dbsAlertDays: [90, 30, 7], dbsRequiredFor: ['community'], preferMixedGender: true });
    const back = (await admin.get('/volunteers/policy')).body;
    expect(back).toContain('value="90, 30, 7"');
  });

  it('shows coordinators the policy without a form, and refuses their changes', async () => {
    const page = await coordinator.get('/volunteers/policy');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Foundation course hours 36 hours');
    expect(page.body).not.toContain('Save volunteer policy');
    expect((await coordinator.post('/volunteers/policy', { foundationCourseHours: '40' })).statusCode).toBe(403);
    expect((await vera.get('/volunteers/policy')).statusCode).toBe(403);
  });
});

describe('my training', () => {
  it('shows a volunteer their own training, DBS and what is due', async () => {
    const trainee = await makeMember(h.deps, orgId, 'mediator', 'tom@tdm.example', { name: 'Tom Trainee' });
    const tomId = await addVolunteer('Tom Trainee', 'trainee', { userId: trainee.userId, supervisorUserId: supervisorId });
    await supervisedCase(tomId, true);
    const tom = await signIn(h, trainee);
    const res = await tom.get('/my/training');
    expect(res.statusCode).toBe(200);
    const shown = text(res.body);
    expect(shown).toContain('No DBS check recorded');
    expect(shown).toContain('1 of 3 supervised cases signed off; supervisor: Sam Supervisor');
    expect(shown).toContain('1 of 3 supervised cases signed off: 2 more to go before accreditation');
    expect(shown).not.toContain('Vera Testvolunteer');
  });

  it('tells a mediator with no linked record what to do, and is for mediators only', async () => {
    const res = await unlinked.get('/my/training');
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('Your sign-in is not linked to a volunteer record yet');
    expect((await coordinator.get('/my/training')).statusCode).toBe(403);
  });
});

describe('the training API', () => {
  it('validates records with messages per field', async () => {
    const res = await api('POST', `/api/v1/volunteers/${veraId}/training`, { kind: 'cpd', title: '', hours: 'two', on: '2026-13-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({ title: 'Enter what the CPD was', hours: expect.stringContaining('as a number'), on: expect.any(String) });
    const kind = await api('POST', `/api/v1/volunteers/${veraId}/training`, { kind: 'party', on: '2026-01-01' });
    expect(kind.statusCode).toBe(422);
    const made = await api('POST', `/api/v1/volunteers/${veraId}/training`, { kind: 'cpd', title: 'Online safety', hours: 2, on: '2026-06-01' });
    expect(made.statusCode).toBe(200);
    expect((await api('DELETE', `/api/v1/volunteers/${veraId}/training/${made.json().id}`)).json()).toEqual({ ok: true });
  });

  it('lets a mediator read only their own record', async () => {
    const own = await vera.get(`/api/v1/volunteers/${veraId}/training`);
    expect(own.statusCode).toBe(200);
    expect(own.json().volunteer).toMatchObject({ name: 'Vera Testvolunteer', status: 'accredited', supervisorName: 'Sam Supervisor' });
    expect((await vera.get(`/api/v1/volunteers/${veraId}/accreditations`)).statusCode).toBe(200);
    const other = await vera.get(`/api/v1/volunteers/${patId}/training`);
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('Pat Accredited');
    expect((await unlinked.get(`/api/v1/volunteers/${veraId}/training`)).statusCode).toBe(403);
  });
});

describe('a supervisor and the volunteers they do not supervise', () => {
  it('may not record or delete their training, nor add or revoke their accreditations', async () => {
    const page = `/volunteers/${veraId}/training`;
    await otherSupervisor.get(page);
    const cpd = { 'cpd-title': 'Listening skills', 'cpd-hours': '2', 'cpd-on-day': '3', 'cpd-on-month': '5', 'cpd-on-year': '2026' };
    const refused = await otherSupervisor.post(`${page}/cpd`, cpd);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Only Vera Testvolunteer’s supervisor, coordinators and admins can change their training and accreditations');
    const accreditation = {
      'accreditation-area': 'send',
      'accreditation-accreditedOn-day': '1',
      'accreditation-accreditedOn-month': '4',
      'accreditation-accreditedOn-year': '2026',
    };
    expect((await otherSupervisor.post(`/volunteers/${veraId}/accreditations`, accreditation)).statusCode).toBe(403);
    // Their own supervisor may.
    await supervisor.get(page);
    const allowed = await supervisor.post(`${page}/cpd`, cpd);
    expect(allowed.statusCode).toBe(303);
  });
});
