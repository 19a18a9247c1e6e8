// A volunteer's own pages (/my, /my/cases) and hours: logging time without JavaScript (decimal hours or hours and
// minutes), the rules (positive, at most 24 hours a day, not in the future, only their own cases), totals this
// month, this year and per case, deleting within 30 days; staff pages and the service-wide report with its CSV;
// the API twins, where a mediator may use only their own volunteer id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { endActiveAssignments } from '#src/features/volunteers/assignments/assignments.repo.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let vera: WebClient; // volunteer mediator, linked
let otto: WebClient; // another volunteer mediator, linked
let nina: WebClient; // a mediator with no volunteer record yet
let cora: WebClient; // coordinator
let sue: WebClient; // supervisor
let vVera: string;
let veraUserId: string;
let vColin: string;
let vOtto: string;
let caseA: { caseId: string; reference: string };
let caseB: { caseId: string; reference: string };
let caseOld: { caseId: string; reference: string };
let caseOtto: { caseId: string; reference: string };
const NOW = new Date('2026-03-15T10:00:00Z');

/** A JSON request on someone's own session, with the CSRF token their last page gave them. */
const api = (web: WebClient, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  h.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': web.csrf ?? '' },
  });

const form = (on: string, more: Record<string, string>) => {
  const [year, month, day] = on.split('-');
  return {
    'on-day': String(Number(day)),
    'on-month': String(Number(month)),
    'on-year': year!,
    hours: '',
    minutes: '',
    activity: 'admin',
    caseId: '',
    notes: '',
    ...more,
  };
};

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date(NOW);
  ({ orgId } = await makeOrg(h.deps, 'vhm', 'Valley Hours Mediation (fictional)'));
  const admin = await makeMember(h.deps, orgId, 'admin', 'ada.admin@vhm.example', { name: 'Ada Admin' });
  const veraM = await makeMember(h.deps, orgId, 'mediator', 'vera@vhm.example', { name: 'Vera Testvolunteer' });
  const ottoM = await makeMember(h.deps, orgId, 'mediator', 'otto@vhm.example', { name: 'Otto Othervolunteer' });
  const ninaM = await makeMember(h.deps, orgId, 'mediator', 'nina@vhm.example', { name: 'Nina Notlinked' });
  const coraM = await makeMember(h.deps, orgId, 'coordinator', 'cora@vhm.example', { name: 'Cora Coordinator' });
  const sueM = await makeMember(h.deps, orgId, 'supervisor', 'sue@vhm.example', { name: 'Sue Supervisor' });
  const admins = actorFor(orgId, admin.userId, 'admin', 'Ada Admin');
  await h.deps.settings.update(admins, { caseTypes: ['community', 'restorative_justice'] });
  veraUserId = veraM.userId;
  vVera = await makeVolunteer(h.deps, orgId, { name: 'Vera Testvolunteer', userId: veraM.userId });
  vColin = await makeVolunteer(h.deps, orgId, { name: 'Colin Comediator' });
  vOtto = await makeVolunteer(h.deps, orgId, { name: 'Otto Othervolunteer', userId: ottoM.userId });
  caseA = await makeCase(h.deps, orgId, admins, { description: 'Hedge between numbers 3 and 5', parties: [{ name: 'Sam Patel' }] });
  caseB = await makeCase(h.deps, orgId, admins, {
    description: 'Burglary, victim asks to meet',
    caseType: 'restorative_justice',
    parties: [{ name: 'Rita Victimperson', role: 'victim' }],
  });
  caseOld = await makeCase(h.deps, orgId, admins, { description: 'Old noise dispute', parties: [{ name: 'Nora Noisy' }] });
  caseOtto = await makeCase(h.deps, orgId, admins, { description: 'Otto’s own case', parties: [{ name: 'Oscar Party' }] });
  await insertAssignment(h.deps, orgId, caseA.caseId, vVera, { role: 'lead' });
  await insertAssignment(h.deps, orgId, caseA.caseId, vColin, { role: 'co' });
  await insertAssignment(h.deps, orgId, caseB.caseId, vColin, { role: 'lead' });
  await insertAssignment(h.deps, orgId, caseOld.caseId, vVera, { role: 'co' });
  await inOrg(h.deps.db, orgId, (tx) => endActiveAssignments(tx, orgId, caseOld.caseId, h.clock.now(), 'Reassigned'));
  await insertAssignment(h.deps, orgId, caseOtto.caseId, vOtto, { role: 'lead' });
  vera = await signIn(h, veraM);
  otto = await signIn(h, ottoM);
  nina = await signIn(h, ninaM);
  cora = await signIn(h, coraM);
  sue = await signIn(h, sueM);
});
afterAll(() => h?.close());

describe('the volunteer’s own pages', () => {
  it('tells a mediator with no volunteer record that the coordinator links it', async () => {
    const res = await nina.get('/my');
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('The volunteer coordinator links it');
    const hours = await nina.get('/my/hours');
    expect(hours.statusCode).toBe(403);
    expect(text(hours.body)).toContain('The volunteer coordinator links it');
  });

  it('is for volunteers (the mediator role) only', async () => {
    expect((await cora.get('/my')).statusCode).toBe(403);
  });

  it('lists the volunteer’s cases, active and past, with the co-mediator, and no one else’s', async () => {
    const res = await vera.get('/my/cases');
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    const [active, past] = body.split('Past cases');
    expect(active).toContain(caseA.reference);
    expect(active).toContain('Lead mediator');
    expect(active).toContain('Colin Comediator');
    expect(res.body).toContain(`href="/cases/${caseA.caseId}"`);
    expect(past).toContain(caseOld.reference);
    expect(res.body).not.toContain(`href="/cases/${caseOld.caseId}"`);
    expect(body).not.toContain(caseB.reference);
    expect(body).not.toContain(caseOtto.reference);
  });

  it('shows a summary on /my: active cases, hours this year, claims waiting', async () => {
    const body = text((await vera.get('/my')).body);
    expect(body).toContain('1 active of at most 3');
    expect(body).toMatch(/0 minutes in 2026/);
    expect(body).toContain('No claims waiting for a decision');
    for (const link of ['/my/cases', '/my/availability', '/my/training', '/my/hours', '/my/expenses'])
      expect((await vera.get('/my')).body).toContain(`href="${link}"`);
  });
});

describe('logging hours without JavaScript', () => {
  it('takes decimal hours and hours with minutes, and adds them up this month, this year and per case', async () => {
    await vera.get('/my/hours');
    let res = await vera.post('/my/hours', form('2026-03-10', { hours: '1.5', activity: 'joint_meeting', caseId: caseA.caseId }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/my/hours?done=logged');
    await vera.get('/my/hours');
    res = await vera.post('/my/hours', form('2026-02-20', { hours: '2', minutes: '15', activity: 'intake_visit', caseId: caseOld.caseId }));
    expect(res.statusCode).toBe(303);
    await vera.get('/my/hours');
    res = await vera.post('/my/hours', form('2025-12-01', { minutes: '45', activity: 'other', notes: 'Stall at the community fair' }));
    expect(res.statusCode).toBe(303);

    const page = await vera.get('/my/hours?done=logged');
    const body = text(page.body);
    expect(body).toContain('Hours logged.');
    expect(body).toMatch(/This month 1 hour 30 minutes/);
    expect(body).toMatch(/This year \(2026\) 3 hours 45 minutes/);
    expect(body).toMatch(/In all 4 hours 30 minutes/);
    expect(body).toMatch(new RegExp(`${caseA.reference} Community mediation 1 hour 30 minutes`));
    expect(body).toMatch(new RegExp(`${caseOld.reference} Community mediation 2 hours 15 minutes`));
    expect(body).toMatch(/Not on a case 45 minutes/);
    expect(body).toContain('Stall at the community fair');
  });

  it('refuses bad entries with a message by each field and keeps what was typed', async () => {
    await vera.get('/my/hours');
    const cases: [Record<string, string>, string, string][] = [
      [form('2026-03-11', {}), 'hours', 'Enter how long you spent'],
      [form('2026-03-11', { hours: '0', minutes: '0' }), 'hours', 'more than 0 minutes'],
      [form('2026-03-11', { hours: 'two' }), 'hours', 'Hours must be a number'],
      [form('2026-03-11', { hours: '25' }), 'hours', '24 hours or less'],
      [form('2026-03-16', { hours: '1' }), 'on', 'today or in the past'],
      [form('2026-02-30', { hours: '1' }), 'on', 'must be a real date'],
      [form('2026-03-11', { hours: '1', caseId: caseB.caseId }), 'caseId', 'cases you are or were assigned to'],
      [form('2026-03-11', { hours: '1', activity: 'other' }), 'notes', 'Say what the other activity was'],
      [form('2026-03-11', { hours: '1', activity: '' }), 'activity', 'Choose the activity'],
    ];
    for (const [typed, field, message] of cases) {
      await vera.get('/my/hours');
      const res = await vera.post('/my/hours', typed);
      expect(res.statusCode, `${field}: ${message}`).toBe(422);
      expect(text(res.body), `${field}: ${message}`).toContain(message);
      expect(res.body).toContain(`href="#${field === 'on' ? 'on-day' : field}"`);
      if (typed.hours) expect(res.body).toContain(`value="${typed.hours}"`);
    }
  });

  it('allows at most 24 hours on one day, across entries', async () => {
    await vera.get('/my/hours');
    expect((await vera.post('/my/hours', form('2026-03-12', { hours: '20', activity: 'admin' }))).statusCode).toBe(303);
    await vera.get('/my/hours');
    const res = await vera.post('/my/hours', form('2026-03-12', { hours: '4', minutes: '1', activity: 'travel' }));
    expect(res.statusCode).toBe(422);
    expect(text(res.body)).toContain('A day has at most 24 hours, and 20 hours are already logged on that day');
    await vera.get('/my/hours');
    expect((await vera.post('/my/hours', form('2026-03-12', { hours: '4', activity: 'travel' }))).statusCode).toBe(303);
  });

  it('lets the volunteer delete an entry within 30 days of logging it, and not after', async () => {
    // An entry logged 40 days ago (through the service, as the volunteer, with the clock turned back).
    h.clock.current = new Date(NOW.getTime() - 40 * 86_400_000);
    const old = await h.deps.hours.addMine(actorFor(orgId, veraUserId, 'mediator', 'Vera Testvolunteer'), {
      on: '2026-02-01',
      minutes: 30,
      activity: 'admin',
    });
    h.clock.current = new Date(NOW);

    const page = await vera.get('/my/hours');
    expect(page.body).not.toContain(`/my/hours/${old.id}/delete`);
    const refused = await vera.post(`/my/hours/${old.id}/delete`);
    expect(refused.statusCode).toBe(403);
    expect(text(refused.body)).toContain('within 30 days');

    const fresh = (await api(vera, 'POST', `/api/v1/volunteers/${vVera}/hours`, { on: '2026-03-14', minutes: 10, activity: 'admin' })).json().id as string;
    expect((await vera.get('/my/hours')).body).toContain(`action="/my/hours/${fresh}/delete"`);
    const done = await vera.post(`/my/hours/${fresh}/delete`);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/my/hours?done=deleted');
    expect((await vera.get('/my/hours')).body).not.toContain(fresh);

    // Another volunteer cannot delete Vera's entries; the coordinator may, at any time.
    await otto.get('/my/hours');
    expect((await otto.post(`/my/hours/${old.id}/delete`)).statusCode).toBe(404);
    await cora.get(`/volunteers/${vVera}/hours`);
    expect((await cora.post(`/volunteers/${vVera}/hours/${old.id}/delete`)).statusCode).toBe(303);
    expect((await cora.get(`/volunteers/${vVera}/hours`)).body).not.toContain(old.id);
  });
});

describe('staff pages', () => {
  it('shows a volunteer’s hours to staff with the record’s sub-navigation, and lets coordinators log hours for them', async () => {
    const res = await cora.get(`/volunteers/${vColin}/hours`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Volunteer record sections');
    expect(res.body).toContain(`href="/volunteers/${vColin}/training"`);
    const logged = await cora.post(`/volunteers/${vColin}/hours`, form('2026-03-05', { hours: '0.75', activity: 'shuttle_session', caseId: caseB.caseId }));
    expect(logged.statusCode).toBe(303);
    const body = text((await cora.get(`/volunteers/${vColin}/hours`)).body);
    expect(body).toContain('45 minutes');
    expect(body).toContain('Logged by Cora Coordinator');
    // Colin was never on Otto's case.
    const wrong = await cora.post(`/volunteers/${vColin}/hours`, form('2026-03-05', { hours: '1', caseId: caseOtto.caseId }));
    expect(wrong.statusCode).toBe(422);
  });

  it('lets supervisors read but not log hours for someone; mediators see only their own', async () => {
    expect((await sue.get(`/volunteers/${vVera}/hours`)).statusCode).toBe(200);
    expect((await sue.post(`/volunteers/${vVera}/hours`, form('2026-03-05', { hours: '1' }))).statusCode).toBe(403);
    expect((await otto.get(`/volunteers/${vVera}/hours`)).statusCode).toBe(403);
    expect((await otto.get('/volunteers/hours')).statusCode).toBe(403);
  });

  it('reports hours per volunteer and per case type for a date range, with a CSV download', async () => {
    const res = await sue.get('/volunteers/hours?from-day=1&from-month=1&from-year=2026&to-day=15&to-month=3&to-year=2026');
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    // Vera: 1.5 + 2.25 + 20 + 4 - nothing deleted in range except the 40-day-old entry (deleted) = 27.75
    expect(body).toMatch(/Vera Testvolunteer Accredited 27\.75 3\.75 2/);
    expect(body).toMatch(/Colin Comediator Accredited 0\.75 0\.75 1/);
    expect(body).toMatch(/Community mediation 3\.75 2 1/);
    expect(body).toMatch(/Restorative justice 0\.75 1 1/);
    expect(body).toMatch(/Not on a case 24\.00 0 1/);
    expect(body).not.toContain('Stall at the community fair');

    const csv = await sue.get('/volunteers/hours/download?from=2026-01-01&to=2026-03-15');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment; filename="volunteer-hours-2026-01-01-to-2026-03-15.csv"');
    expect(csv.body).toContain('Vera Testvolunteer,Accredited,27.75,3.75,2,');
    expect(csv.body).toContain('Total,,28.50,,,');
    expect(csv.body).toContain('Restorative justice,0.75,1,1');

    const wrongWay = await sue.get('/volunteers/hours?from-day=1&from-month=4&from-year=2026&to-day=1&to-month=3&to-year=2026');
    expect(wrongWay.statusCode).toBe(422);
    expect(text(wrongWay.body)).toContain('The end date must be the same as or after the start date');
  });
});

describe('the hours API', () => {
  it('reads, logs and deletes a volunteer’s hours; a mediator only their own', async () => {
    await vera.get('/my/hours');
    const own = await api(vera, 'GET', `/api/v1/volunteers/${vVera}/hours`);
    expect(own.statusCode).toBe(200);
    expect(own.json().totals.monthMinutes).toBe(90 + 20 * 60 + 4 * 60);
    expect((await api(vera, 'GET', `/api/v1/volunteers/${vColin}/hours`)).statusCode).toBe(403);
    expect((await api(vera, 'POST', `/api/v1/volunteers/${vOtto}/hours`, { on: '2026-03-13', hours: 1, activity: 'admin' })).statusCode).toBe(403);

    const added = await api(vera, 'POST', `/api/v1/volunteers/${vVera}/hours`, { on: '2026-03-13', hours: 1.25, activity: 'travel', caseId: caseA.caseId });
    expect(added.statusCode).toBe(200);
    const { id } = added.json() as { id: string };
    const after = (await api(vera, 'GET', `/api/v1/volunteers/${vVera}/hours`)).json();
    expect(after.entries.find((e: { id: string }) => e.id === id)).toMatchObject({
      minutes: 75,
      hours: 1.25,
      activity: 'travel',
      caseReference: caseA.reference,
    });

    const future = await api(vera, 'POST', `/api/v1/volunteers/${vVera}/hours`, { on: '2026-04-01', minutes: 30, activity: 'admin' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields.on).toContain('today or in the past');
    const notMine = await api(vera, 'POST', `/api/v1/volunteers/${vVera}/hours`, { on: '2026-03-13', minutes: 30, activity: 'admin', caseId: caseOtto.caseId });
    expect(notMine.json().error.fields.caseId).toContain('assigned to');

    expect((await api(otto, 'DELETE', `/api/v1/volunteers/${vVera}/hours/${id}`)).statusCode).toBe(403);
    expect((await api(vera, 'DELETE', `/api/v1/volunteers/${vVera}/hours/${id}`)).statusCode).toBe(200);
    expect((await api(vera, 'DELETE', `/api/v1/volunteers/${vVera}/hours/${id}`)).statusCode).toBe(404);
  });

  it('gives the report to staff only', async () => {
    const report = await api(sue, 'GET', '/api/v1/reports/volunteer-hours?from=2026-01-01&to=2026-03-15');
    expect(report.statusCode).toBe(200);
    const r = report.json();
    expect(r.totalMinutes).toBe(90 + 135 + 1200 + 240 + 45);
    expect(r.volunteers.map((v: { name: string; hours: number }) => [v.name, v.hours])).toEqual([
      ['Colin Comediator', 0.75],
      ['Vera Testvolunteer', 27.75],
    ]);
    expect((await api(vera, 'GET', '/api/v1/reports/volunteer-hours')).statusCode).toBe(403);
  });
});
