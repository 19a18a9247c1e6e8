// A case type a service adds ("Workplace", prefix WPM, community rules) is first-class everywhere: every page that
// names a case's type names it, every filter and per-type setting offers it (and refuses a type the service does not
// have, on the page and with 422 in the API), and retention keeps it for its own period, named in the destruction log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { runRetention } from '#src/features/dataprotection/retention/anonymiser.ts';
import { createAudit } from '#src/features/audit/audit.service.ts';
import { caseAtOutcome } from '../support/closing.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let key: string;
let admin: ReturnType<typeof actorFor>;
let adminWeb: WebClient;
let adminM: Awaited<ReturnType<typeof makeMember>>;
let veraWeb: WebClient;
let vVera: string;
let veraUserId: string;

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });
/** The options of the select named `name` on a page, as value → text. */
const optionsOf = (html: string, name: string) => {
  const select = html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? '';
  return Object.fromEntries([...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[2]!.trim()]));
};

async function closedWorkplaceCase(description: string, names: string[], caseType = 'workplace') {
  const made = await caseAtOutcome(h, orgId, admin, { description, names, caseType });
  await h.deps.cases.transition(admin, made.caseId, { to: 'closed', closingReason: 'agreement_kept' });
  return made;
}

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2022-06-01T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'ccm', 'Cedar Court Mediation (fictional)'));
  adminM = await makeMember(h.deps, orgId, 'admin', 'ada@ccm.example', { name: 'Ada Admin' });
  const veraM = await makeMember(h.deps, orgId, 'mediator', 'vera@ccm.example', { name: 'Vera Testvolunteer' });
  admin = actorFor(orgId, adminM.userId, 'admin', 'Ada Admin');
  veraUserId = veraM.userId;
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Admin tools', role: 'admin' }, systemActor('test'))).key;
  await h.deps.settings.update(admin, { caseTypes: ['community'] });
  const added = await api('POST', '/api/v1/case-types', { name: 'Workplace', kind: 'community', referencePrefix: 'WPM' });
  expect(added.json()).toMatchObject({ code: 'workplace', name: 'Workplace', kind: 'community', offered: true });
  vVera = await makeVolunteer(h.deps, orgId, { name: 'Vera Testvolunteer', userId: veraM.userId });
  adminWeb = await signIn(h, adminM);
  veraWeb = await signIn(h, veraM);
});
afterAll(() => h?.close());

describe('pages that name a case’s type', () => {
  it('names it on the home referral queue and in batch allocation', async () => {
    await h.deps.referrals.createFromPublic(
      orgId,
      {
        caseType: 'workplace',
        description: 'Rota arguments on the late shift',
        consentToContact: true,
        parties: [{ name: 'Wendy Shiftworker', role: 'party' }],
      },
      { type: 'anonymous' },
    );
    const home = pageText((await adminWeb.get('/home')).body);
    expect(home).toMatch(/-R-2022-\d{4}: Workplace/);

    const made = await makeCase(h.deps, orgId, admin, {
      description: 'A team that no longer speaks',
      caseType: 'workplace',
      parties: [{ name: 'Tom Teamlead' }],
    });
    expect(made.reference).toMatch(/^WPM-2022-\d{4}$/);
    const allocation = await adminWeb.get('/volunteers/allocation');
    expect(allocation.statusCode).toBe(200);
    const row = pageText(allocation.body);
    expect(row).toContain(`${made.reference} Workplace`);
    expect(allocation.body).not.toContain('>workplace<');
  });

  it('names it on the volunteer’s own pages and their hours, and on the staff pages and report of hours', async () => {
    const made = await makeCase(h.deps, orgId, admin, { description: 'Two managers disagree', caseType: 'workplace', parties: [{ name: 'Mia Manager' }] });
    await insertAssignment(h.deps, orgId, made.caseId, vVera, { role: 'lead' });
    await h.deps.hours.addMine(actorFor(orgId, veraUserId, 'mediator', 'Vera Testvolunteer'), {
      on: '2022-05-31',
      minutes: 90,
      activity: 'joint_meeting',
      caseId: made.caseId,
    });

    const myCases = pageText((await veraWeb.get('/my/cases')).body);
    expect(myCases).toContain(made.reference);
    expect(myCases).toContain('Workplace');
    const myHours = await veraWeb.get('/my/hours');
    expect(pageText(myHours.body)).toContain(`${made.reference} Workplace`);
    expect(myHours.body).toContain(`${made.reference} – Workplace`); // the case to log time against
    const theirCases = pageText((await adminWeb.get(`/volunteers/${vVera}/cases`)).body);
    expect(theirCases).toContain('Workplace');
    expect(pageText((await adminWeb.get(`/volunteers/${vVera}/hours`)).body)).toContain(`${made.reference} Workplace`);
    const report = await adminWeb.get('/volunteers/hours?from-day=1&from-month=1&from-year=2022&to-day=1&to-month=6&to-year=2022');
    expect(report.statusCode).toBe(200);
    expect(pageText(report.body)).toContain('Workplace');
    const csv = await adminWeb.get('/volunteers/hours/download?from=2022-01-01&to=2022-06-01');
    expect(csv.body).toContain('\r\nWorkplace,1.50,1,1\r\n');
  });
});

describe('filters and per-type settings', () => {
  let caseId: string;

  it('names it on the feedback and testimonials pages and offers it in the feedback filter, refusing a type the service does not have', async () => {
    ({ caseId } = await caseAtOutcome(h, orgId, admin, { description: 'Rota dispute', names: ['Pat Porter', 'Kim Keeper'], caseType: 'workplace' }));
    const parties = (await h.deps.cases.get(admin, caseId)).parties;
    await h.deps.closing.feedback.record(admin, caseId, {
      partyId: parties[0]!.id,
      source: 'phone',
      satisfaction: 4,
      feltHeard: true,
      wouldRecommend: true,
      whatHelped: 'Being listened to',
      mayQuote: true,
    } as Parameters<typeof h.deps.closing.feedback.record>[2]);

    const page = await adminWeb.get('/feedback');
    expect(optionsOf(page.body, 'caseType')).toEqual({ '': 'All case types', community: 'Community mediation', workplace: 'Workplace' });
    expect(pageText(page.body)).toContain('Workplace 1');
    const filtered = await adminWeb.get('/feedback?caseType=workplace');
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toMatch(/<option value="workplace" selected>/);
    const unknown = await adminWeb.get('/feedback?caseType=family');
    expect(unknown.statusCode).toBe(422);
    expect(errorSummary(unknown.body)).toContain('Choose a case type from the list');
    expect(optionsOf(unknown.body, 'caseType')).toHaveProperty('workplace', 'Workplace');

    const viaApi = await api('GET', '/api/v1/feedback?caseType=workplace');
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.json().byCaseType).toEqual([expect.objectContaining({ caseType: 'workplace', responses: 1 })]);
    const refused = await api('GET', '/api/v1/feedback?caseType=family');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.caseType).toBe('Choose a case type from the list');

    const testimonials = pageText((await adminWeb.get('/testimonials')).body);
    expect(testimonials).toContain('Workplace');
    expect(testimonials).toContain('Being listened to');
  });

  it('offers it in the reports’ filter and lists it in their tables, refusing a type the service does not have', async () => {
    const page = await adminWeb.get('/reports/cases');
    expect(page.statusCode).toBe(200);
    // Offered now or on a case: the service's two, not the built-in types it neither offers nor has cases of.
    expect(optionsOf(page.body, 'caseType')).toEqual({ '': 'All case types', community: 'Community mediation', workplace: 'Workplace' });
    const one = await adminWeb.get('/reports/cases?caseType=workplace');
    expect(one.statusCode).toBe(200);
    expect(one.body).toMatch(/<option value="workplace" selected>/);
    const unknown = await adminWeb.get('/reports/cases?caseType=family');
    expect(unknown.statusCode).toBe(422);
    expect(errorSummary(unknown.body)).toContain('Choose a case type from the list');

    const viaApi = await api('GET', '/api/v1/reports/cases');
    expect(viaApi.statusCode).toBe(200);
    const rowLabels = viaApi.json().metrics.flatMap((m: { rows?: { key: string; label: string }[] }) => m.rows ?? []);
    expect(rowLabels).toContainEqual({ key: 'workplace', label: 'Workplace' });
    expect((await api('GET', '/api/v1/reports/cases?caseType=workplace')).statusCode).toBe(200);
    const refused = await api('GET', '/api/v1/reports/cases?caseType=family');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.caseType).toBe('Choose a case type from the list');
    const csv = await adminWeb.get('/reports/cases/csv?caseType=family');
    expect(csv.statusCode).toBe(303);
  });

  it('offers it in the volunteer policy’s DBS question, needing a check as its kind’s type does, and refuses a type the service does not have', async () => {
    const page = await adminWeb.get('/volunteers/policy');
    expect(page.body).toMatch(/name="dbsRequiredFor" type="checkbox" value="workplace" checked/);
    expect(pageText(page.body)).toContain('Workplace');
    const current = (await api('GET', '/api/v1/settings')).json().volunteers;
    expect(current.dbsRequiredFor).toContain('workplace');

    const form = (dbs: string[]) => ({
      foundationCourseHours: '40',
      supervisedCasesRequired: '3',
      dbsRecheckYears: '3',
      dbsRequiredFor: dbs,
      dbsAlertDays: '60, 30, 7',
      rjSupervisionWeeks: '12',
      rjObservedPerYear: '1',
      cpdHoursPerYear: '6',
      availabilityWeeks: '4',
      preferMixedGender: 'no',
      mileagePence: '45',
    });
    const unknown = await adminWeb.submit('/volunteers/policy', form(['community', 'family']));
    expect(unknown.statusCode).toBe(422);
    expect(errorSummary(unknown.body)).toContain('Choose case types from the service’s case types');
    const saved = await adminWeb.submit('/volunteers/policy', form(['community', 'restorative_justice', 'send', 'social_care']));
    expect(saved.statusCode).toBe(303);
    expect((await api('GET', '/api/v1/settings')).json().volunteers.dbsRequiredFor).toEqual(['community', 'restorative_justice', 'send', 'social_care']);
    expect((await adminWeb.get('/volunteers/policy')).body).toMatch(/name="dbsRequiredFor" type="checkbox" value="workplace">/);

    const refused = await api('PATCH', '/api/v1/settings', { volunteers: { dbsRequiredFor: ['family'] } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields['volunteers.dbsRequiredFor']).toBe('Choose case types from the service’s case types');
    expect((await api('PATCH', '/api/v1/settings', { volunteers: { dbsRequiredFor: ['community', 'workplace'] } })).statusCode).toBe(200);
  });

  it('keeps agreement wording for it, starting from its kind’s, and refuses a type the service does not have', async () => {
    const page = await adminWeb.get('/settings/agreements');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/settings/agreements/workplace"');
    expect(pageText(page.body)).toContain('Save the wording for Workplace');
    const list = await h.deps.agreements.wording.list(admin);
    const workplace = list.find((w) => w.caseType === 'workplace');
    expect(workplace).toMatchObject({ isOwn: false, statements: list.find((w) => w.caseType === 'community')!.statements });
    const saved = await adminWeb.submit(
      '/settings/agreements',
      { ...workplace!.statements, monitoring: 'We will look at how it is going in a month.' },
      '/settings/agreements/workplace',
    );
    expect(saved.statusCode).toBe(303);
    expect((await h.deps.agreements.wording.list(admin)).find((w) => w.caseType === 'workplace')).toMatchObject({ isOwn: true });
    const unknown = await adminWeb.submit('/settings/agreements', workplace!.statements, '/settings/agreements/family');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('retention per case type', () => {
  it('gives the type its kind’s period until an admin sets its own, on the page and in the API, refusing a type the service does not have', async () => {
    const preview = await api('GET', '/api/v1/retention');
    expect(preview.json().rules.find((r: { caseType: string }) => r.caseType === 'workplace')).toMatchObject({ kind: 'community', years: 3, isDefault: true });
    const page = await adminWeb.get('/data-protection/retention');
    expect(page.body).toContain('name="workplace"');
    expect(pageText(page.body)).toContain('Workplace 3 years after closure (the default)');

    const bad = await adminWeb.submit('/data-protection/retention', { workplace: 'two' }, '/data-protection/retention/schedules');
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Enter the number of years as a whole number, like 6');
    expect(bad.body).toContain('value="two"');
    const unknownPage = await adminWeb.submit('/data-protection/retention', { family: '2' }, '/data-protection/retention/schedules');
    expect(unknownPage.statusCode).toBe(422);
    expect(errorSummary(unknownPage.body)).toContain('This service has no case type with this code');
    const unknown = await api('PUT', '/api/v1/retention/schedules', { family: 2 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields.family).toBe('This service has no case type with this code');

    const saved = await adminWeb.submit('/data-protection/retention', { workplace: '2' }, '/data-protection/retention/schedules');
    expect(saved.statusCode).toBe(303);
    const rules = (await api('GET', '/api/v1/retention')).json().rules;
    expect(rules.find((r: { caseType: string }) => r.caseType === 'workplace')).toMatchObject({ years: 2, isDefault: false });
    expect(rules.find((r: { caseType: string }) => r.caseType === 'community')).toMatchObject({ years: 3, isDefault: true });
  });

  it('anonymises a case of the type closed longer ago than its own period, keeps one within it, and names the type in the destruction log', async () => {
    h.clock.current = new Date('2022-06-02T10:00:00Z');
    const old = await closedWorkplaceCase('Old rota dispute', ['Ottilie Oldcase', 'Barnabus Brindle']);
    const community = await closedWorkplaceCase('Old hedge dispute', ['Cuthbert Hedgerow', 'Dorcas Fencepost'], 'community');
    h.clock.current = new Date('2023-06-02T10:00:00Z');
    const recent = await closedWorkplaceCase('Newer rota dispute', ['Rosalind Recentcase', 'Percival Pending']);
    h.clock.current = new Date('2024-12-01T09:00:00Z');

    const due = (await api('GET', '/api/v1/retention')).json().rules;
    expect(due.find((r: { caseType: string }) => r.caseType === 'workplace')).toMatchObject({ years: 2, closedBefore: '2022-12-01', due: 1 });
    expect(due.find((r: { caseType: string }) => r.caseType === 'community')).toMatchObject({ years: 3, due: 0 });

    const result = await runRetention({ db: h.deps.db, clock: h.clock, audit: createAudit({ clock: h.clock }) }, orgId, systemActor('retention schedule'));
    expect(result.find((r) => r.caseType === 'workplace')).toMatchObject({ years: 2, anonymised: 1 });
    expect((await h.deps.cases.get(admin, old.caseId)).parties.map((p) => p.name)).toEqual(['Anonymised', 'Anonymised']);
    // Within its own period (closed 18 months ago), and a community case under the 3 years of its own type.
    expect((await h.deps.cases.get(admin, recent.caseId)).parties[0]!.name).toBe('Rosalind Recentcase');
    expect((await h.deps.cases.get(admin, community.caseId)).parties[0]!.name).toBe('Cuthbert Hedgerow');

    const oldReference = (await h.deps.cases.get(admin, old.caseId)).case.reference;
    const log = (await api('GET', '/api/v1/retention/destruction-log')).json().entries;
    expect(log).toEqual([expect.objectContaining({ caseType: 'workplace', years: 2, caseCount: 1, references: [oldReference] })]);
    adminWeb = await signIn(h, adminM); // the earlier sign-in timed out while the years went by
    const page = pageText((await adminWeb.get('/data-protection/retention')).body);
    expect(page).toContain(`Workplace 2 years after closure: closed before 1 December 2022 1 ${oldReference}`);
  });
});
