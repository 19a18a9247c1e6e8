// A volunteer's training records: the training page and its forms (courses, CPD, sessions), /my/training, the API
// twin, and who may change them: the volunteer's own supervisor, coordinators and admins. Mediators read only their own.
import { describe, expect, it } from 'vitest';
import { makeMember, signIn } from '../support/factories.ts';
import { errorSummary, pageText as text } from '../support/page-text.ts';
import { useTrainingService } from '../support/volunteer-training.ts';

const s = useTrainingService();

describe('a volunteer’s training page', () => {
  const page = () => `/volunteers/${s.veraId}/training`;

  it('records a completed course, CPD and sessions, with clear problems', async () => {
    const foundation = (await s.api('GET', '/api/v1/training-courses')).json().courses.find((c: { foundation: boolean }) => c.foundation);
    await s.supervisor.get(page());
    const bad = await s.supervisor.post(`${page()}/courses`, {
      'course-courseId': '',
      'course-on-day': '31',
      'course-on-month': '2',
      'course-on-year': '2026',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Choose the course');
    expect(errorSummary(bad.body)).toContain('Date completed must be a real date');
    expect(bad.body).toContain('href="#course-on-day"');
    const future = await s.supervisor.post(`${page()}/courses`, {
      'course-courseId': foundation.id,
      'course-on-day': '1',
      'course-on-month': '7',
      'course-on-year': '2026',
    });
    expect(errorSummary(future.body)).toContain('Date completed must be today or in the past');
    const ok = await s.supervisor.post(`${page()}/courses`, {
      'course-courseId': foundation.id,
      'course-on-day': '10',
      'course-on-month': '3',
      'course-on-year': '2025',
    });
    expect(ok.headers.location).toBe(`${page()}?done=course`);

    await s.supervisor.get(page());
    const badCpd = await s.supervisor.post(`${page()}/cpd`, {
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
    await s.supervisor.post(`${page()}/cpd`, {
      'cpd-title': 'Working with interpreters',
      'cpd-hours': '1.5',
      'cpd-on-day': '2',
      'cpd-on-month': '5',
      'cpd-on-year': '2026',
    });
    await s.supervisor.get(page());
    const noKind = await s.supervisor.post(`${page()}/sessions`, { 'session-on-day': '1', 'session-on-month': '6', 'session-on-year': '2026' });
    expect(errorSummary(noKind.body)).toContain('Choose case supervision or observed practice');
    await s.supervisor.post(`${page()}/sessions`, {
      'session-kind': 'supervision',
      'session-on-day': '1',
      'session-on-month': '6',
      'session-on-year': '2026',
      'session-notes': 'Talked through the hedge case',
    });

    const shown = text((await s.supervisor.get(page())).body);
    expect(shown).toContain('Foundation course in community mediation, completed 10 March 2025');
    expect(shown).toContain('2026: 1.5 of 6 hours');
    expect(shown).toContain('2025: 0 of 6 hours');
    expect(shown).toContain('Case supervision Case supervision Talked through the hedge case');
  });

  it('deletes a record entered by mistake', async () => {
    const { records } = (await s.api('GET', `/api/v1/volunteers/${s.veraId}/training`)).json();
    const cpd = records.find((r: { kind: string }) => r.kind === 'cpd');
    await s.supervisor.get(page());
    expect((await s.supervisor.post(`${page()}/${cpd.id}/delete`)).headers.location).toBe(`${page()}?done=deleted`);
    expect(text((await s.supervisor.get(page())).body)).toContain('2026: 0 of 6 hours');
    expect((await s.supervisor.post(`${page()}/${cpd.id}/delete`)).statusCode).toBe(404);
  });

  it('is for staff who see volunteers and the volunteer themself (read only); viewing is audited', async () => {
    const own = await s.vera.get(page());
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Record CPD');
    expect((await s.unlinked.get(page())).statusCode).toBe(403);
    expect(await s.auditActions()).toContain('volunteer.training_viewed');
  });
});

describe('my training', () => {
  it('shows a volunteer their own training, DBS and what is due', async () => {
    const trainee = await makeMember(s.h.deps, s.orgId, 'mediator', 'tom@tdm.example', { name: 'Tom Trainee' });
    const tomId = await s.addVolunteer('Tom Trainee', 'trainee', { userId: trainee.userId, supervisorUserId: s.supervisorId });
    await s.supervisedCase(tomId, true);
    const tom = await signIn(s.h, trainee);
    const res = await tom.get('/my/training');
    expect(res.statusCode).toBe(200);
    const shown = text(res.body);
    expect(shown).toContain('No DBS check recorded');
    expect(shown).toContain('1 of 3 supervised cases signed off; supervisor: Sam Supervisor');
    expect(shown).toContain('1 of 3 supervised cases signed off: 2 more to go before accreditation');
    expect(shown).not.toContain('Vera Testvolunteer');
  });

  it('tells a mediator with no linked record what to do, and is for mediators only', async () => {
    const res = await s.unlinked.get('/my/training');
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('Your sign-in is not linked to a volunteer record yet');
    expect((await s.coordinator.get('/my/training')).statusCode).toBe(403);
  });
});

describe('the training API', () => {
  it('validates records with messages per field', async () => {
    const res = await s.api('POST', `/api/v1/volunteers/${s.veraId}/training`, { kind: 'cpd', title: '', hours: 'two', on: '2026-13-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({ title: 'Enter what the CPD was', hours: expect.stringContaining('as a number'), on: expect.any(String) });
    const kind = await s.api('POST', `/api/v1/volunteers/${s.veraId}/training`, { kind: 'party', on: '2026-01-01' });
    expect(kind.statusCode).toBe(422);
    const made = await s.api('POST', `/api/v1/volunteers/${s.veraId}/training`, { kind: 'cpd', title: 'Online safety', hours: 2, on: '2026-06-01' });
    expect(made.statusCode).toBe(200);
    expect((await s.api('DELETE', `/api/v1/volunteers/${s.veraId}/training/${made.json().id}`)).json()).toEqual({ ok: true });
  });

  it('lets a mediator read only their own record', async () => {
    const patId = await s.addVolunteer('Pat Accredited', 'accredited');
    const own = await s.vera.get(`/api/v1/volunteers/${s.veraId}/training`);
    expect(own.statusCode).toBe(200);
    expect(own.json().volunteer).toMatchObject({ name: 'Vera Testvolunteer', status: 'trainee', supervisorName: 'Sam Supervisor' });
    expect((await s.vera.get(`/api/v1/volunteers/${s.veraId}/accreditations`)).statusCode).toBe(200);
    const other = await s.vera.get(`/api/v1/volunteers/${patId}/training`);
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('Pat Accredited');
    expect((await s.unlinked.get(`/api/v1/volunteers/${s.veraId}/training`)).statusCode).toBe(403);
  });
});

describe('a supervisor and the volunteers they do not supervise', () => {
  it('may not record or delete their training, nor add or revoke their accreditations', async () => {
    const page = `/volunteers/${s.veraId}/training`;
    await s.otherSupervisor.get(page);
    const cpd = { 'cpd-title': 'Listening skills', 'cpd-hours': '2', 'cpd-on-day': '3', 'cpd-on-month': '5', 'cpd-on-year': '2026' };
    const refused = await s.otherSupervisor.post(`${page}/cpd`, cpd);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Only Vera Testvolunteer’s supervisor, coordinators and admins can change their training and accreditations');
    const accreditation = {
      'accreditation-area': 'send',
      'accreditation-accreditedOn-day': '1',
      'accreditation-accreditedOn-month': '4',
      'accreditation-accreditedOn-year': '2026',
    };
    expect((await s.otherSupervisor.post(`/volunteers/${s.veraId}/accreditations`, accreditation)).statusCode).toBe(403);
    // Their own supervisor may.
    await s.supervisor.get(page);
    const allowed = await s.supervisor.post(`${page}/cpd`, cpd);
    expect(allowed.statusCode).toBe(303);
  });
});
