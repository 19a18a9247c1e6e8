// DBS checks: recording with the certificate number sealed and masked everywhere except the audited "Show number",
// Update Service status checks, the standing in words, the alerts at 60, 30 and 7 days on the coordinator's and the
// volunteer's home pages (TestClock), and the API twins. Mediators read only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { dbsChecks } from '#src/db/schema/volunteers.ts';
import { systemActor } from '#src/access/actor.ts';
import { insertVolunteer } from '#src/features/volunteers/records/volunteers.repo.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text, errorSummary } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let coordinator: WebClient;
let supervisor: WebClient;
let key: string;
let members: Record<'coordinator' | 'dana' | 'mo', Awaited<ReturnType<typeof makeMember>>>;
let danaId: string;
let moId: string;

const NUMBER = '001234567890';
const SPACED = '0012 3456 7890';
const noNumber = (body: string) => {
  expect(body).not.toContain(NUMBER);
  expect(body).not.toContain(SPACED);
};

async function addVolunteer(name: string, status: string, userId: string | null = null) {
  const id = newId();
  const now = h.clock.now();
  await inOrg(h.deps.db, orgId, (tx) => insertVolunteer(tx, { id, orgId, name, status, userId, createdAt: now, updatedAt: now }));
  return id;
}

const api = (method: 'GET' | 'POST', url: string, payload?: object) => h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } });
const setToday = (iso: string) => {
  h.clock.current = new Date(`${iso}T09:00:00Z`);
};
const dbsForm = (over: Record<string, string> = {}) => ({
  'dbs-level': 'enhanced_barred',
  'dbs-workforce': 'both',
  'dbs-certificateNumber': '0012 3456 7890',
  'dbs-issuedOn-day': '1',
  'dbs-issuedOn-month': '9',
  'dbs-issuedOn-year': '2023',
  'dbs-updateService': 'yes',
  ...over,
});

beforeAll(async () => {
  h = await startHarness();
  setToday('2026-06-15');
  ({ orgId } = await makeOrg(h.deps, 'ddm', 'Dalesby Mediation (fictional)'));
  members = {
    coordinator: await makeMember(h.deps, orgId, 'coordinator', 'cora@ddm.example', { name: 'Cora Coordinator' }),
    dana: await makeMember(h.deps, orgId, 'mediator', 'dana@ddm.example', { name: 'Dana Testvolunteer' }),
    mo: await makeMember(h.deps, orgId, 'mediator', 'mo@ddm.example', { name: 'Mo Othervolunteer' }),
  };
  coordinator = await signIn(h, members.coordinator);
  supervisor = await signIn(h, await makeMember(h.deps, orgId, 'supervisor', 'sam@ddm.example', { name: 'Sam Supervisor' }));
  danaId = await addVolunteer('Dana Testvolunteer', 'accredited', members.dana.userId);
  moId = await addVolunteer('Mo Othervolunteer', 'trainee', members.mo.userId);
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'DBS tests', role: 'coordinator' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

describe('recording a DBS check', () => {
  const page = () => `/volunteers/${danaId}/dbs`;

  it('starts with no check, in words', async () => {
    const res = await coordinator.get(page());
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('No check No DBS check recorded');
  });

  it('explains each problem and keeps what was typed', async () => {
    await coordinator.get(page());
    const res = await coordinator.post(
      page(),
      dbsForm({ 'dbs-level': '', 'dbs-certificateNumber': '1234 5678', 'dbs-issuedOn-day': '31', 'dbs-issuedOn-month': '2', 'dbs-updateService': '' }),
    );
    expect(res.statusCode).toBe(422);
    const summary = errorSummary(res.body);
    expect(summary).toContain('Choose the level of check');
    expect(summary).toContain('A DBS certificate number is 12 digits, like 001234567890');
    expect(summary).toContain('Say whether they subscribe to the DBS Update Service');
    expect(summary).toContain('Issue date must be a real date');
    expect(res.body).toContain('value="1234 5678"');
    expect(res.body).toMatch(/value="both" checked/);
    expect(res.body).toContain('href="#dbs-issuedOn-day"');
  });

  it('never writes a valid number back into the page when another answer is wrong', async () => {
    await coordinator.get(page());
    const res = await coordinator.post(page(), dbsForm({ 'dbs-issuedOn-year': '2027' }));
    expect(res.statusCode).toBe(422);
    expect(errorSummary(res.body)).toContain('The issue date must be today or in the past');
    noNumber(res.body);
    expect(text(res.body)).toContain('For your security it is not shown again: type it again.');
  });

  it('stores the number sealed and shows it masked on every page and in the API', async () => {
    await coordinator.get(page());
    const res = await coordinator.post(page(), dbsForm());
    expect(res.headers.location).toBe(`${page()}?done=dbs`);
    const stored = await h.deps.db
      .select({ n: dbsChecks.certificateNumber, last4: dbsChecks.certificateLast4 })
      .from(dbsChecks)
      .where(eq(dbsChecks.volunteerId, danaId));
    expect(stored[0]!.n).toMatch(/^v1\./);
    expect(stored[0]!.n).not.toContain(NUMBER);
    expect(stored[0]!.last4).toBe('7890');

    const shown = await coordinator.get(page());
    expect(text(shown.body)).toContain('•••• •••• 7890');
    expect(text(shown.body)).toContain('Enhanced with barred lists');
    expect(text(shown.body)).toContain('Current DBS check current; recheck due by 1 September 2026');
    noNumber(shown.body);
    noNumber((await supervisor.get(page())).body);
    noNumber((await coordinator.get(`/volunteers/${danaId}/training`)).body);
    noNumber((await coordinator.get('/home')).body);
    const dana = await signIn(h, members.dana);
    const mine = await dana.get('/my/training');
    expect(text(mine.body)).toContain('•••• •••• 7890');
    noNumber(mine.body);
    const byApi = await api('GET', `/api/v1/volunteers/${danaId}/dbs`);
    expect(byApi.json().checks[0]).toMatchObject({
      certificateNumberMasked: '•••• •••• 7890',
      level: 'enhanced_barred',
      workforce: 'both',
      issuedOn: '2023-09-01',
      isLatest: true,
    });
    noNumber(byApi.body);
    const audit = await h.deps.db.select({ detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.orgId, orgId));
    noNumber(JSON.stringify(audit));
  });

  it('shows the full number only on “Show number” by a coordinator, audited', async () => {
    const checkId = (await api('GET', `/api/v1/volunteers/${danaId}/dbs`)).json().checks[0].id;
    await supervisor.get(page());
    expect(supervisor.last!.body).not.toContain('Show number');
    expect((await supervisor.post(`${page()}/${checkId}/reveal`)).statusCode).toBe(403);
    await coordinator.get(page());
    const revealed = await coordinator.post(`${page()}/${checkId}/reveal`);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(revealed.body).toContain(SPACED);
    noNumber((await coordinator.get(page())).body);
    const byApi = await api('POST', `/api/v1/volunteers/${danaId}/dbs/${checkId}/reveal`);
    expect(byApi.json()).toEqual({ checkId, certificateNumber: SPACED });
    const actions = await h.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.orgId, orgId));
    expect(actions.filter((a) => a.action === 'volunteer.dbs_number_shown')).toHaveLength(2);
  });
});

describe('Update Service status checks', () => {
  it('refuses them on a certificate not on the Update Service', async () => {
    const made = await api('POST', `/api/v1/volunteers/${moId}/dbs`, {
      level: 'enhanced',
      workforce: 'adult',
      certificateNumber: '000011112222',
      issuedOn: '2026-01-10',
      updateService: false,
    });
    expect(made.statusCode).toBe(200);
    const res = await api('POST', `/api/v1/volunteers/${moId}/dbs/${made.json().id}/status-checks`, { on: '2026-05-01', result: 'no_change' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('not on the DBS Update Service');
  });

  it('moves the recheck on after a clear check, and asks for review after new information', async () => {
    const checkId = (await api('GET', `/api/v1/volunteers/${danaId}/dbs`)).json().checks[0].id;
    const page = `/volunteers/${danaId}/dbs`;
    await coordinator.get(page);
    const bad = await coordinator.post(`${page}/${checkId}/status-checks`, {
      [`status-${checkId}-on-day`]: '1',
      [`status-${checkId}-on-month`]: '1',
      [`status-${checkId}-on-year`]: '2020',
    });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Choose the result of the status check');
    expect(bad.body).toContain(`value="2020"`);
    const early = await coordinator.post(`${page}/${checkId}/status-checks`, {
      [`status-${checkId}-on-day`]: '1',
      [`status-${checkId}-on-month`]: '1',
      [`status-${checkId}-on-year`]: '2020',
      [`status-${checkId}-result`]: 'no_change',
    });
    expect(errorSummary(early.body)).toContain('The date of the status check must be on or after the certificate’s issue date');
    expect(early.body).toContain(`href="#status-${checkId}-on-day"`);
    const ok = await coordinator.post(`${page}/${checkId}/status-checks`, {
      [`status-${checkId}-on-day`]: '1',
      [`status-${checkId}-on-month`]: '6',
      [`status-${checkId}-on-year`]: '2026',
      [`status-${checkId}-result`]: 'no_change',
    });
    expect(ok.headers.location).toBe(`${page}?done=statusCheck`);
    expect((await api('GET', `/api/v1/volunteers/${danaId}/dbs`)).json().standing).toMatchObject({
      state: 'valid',
      recheckDueOn: '2029-06-01',
      needsReview: false,
    });

    const other = await api('POST', `/api/v1/volunteers/${moId}/dbs`, {
      level: 'enhanced',
      workforce: 'adult',
      certificateNumber: '3333 4444 5555',
      issuedOn: '2026-02-01',
      updateService: true,
    });
    await api('POST', `/api/v1/volunteers/${moId}/dbs/${other.json().id}/status-checks`, { on: '2026-06-03', result: 'new_information' });
    const standing = (await api('GET', `/api/v1/volunteers/${moId}/dbs`)).json().standing;
    expect(standing).toMatchObject({
      state: 'overdue',
      needsReview: true,
      message: 'DBS Update Service reported new information on 3 June: review before assigning',
    });
    expect(text((await coordinator.get(`/volunteers/${moId}/dbs`)).body)).toContain('Review needed DBS Update Service reported new information on 3 June');
  });
});

describe('DBS alerts on the home pages', () => {
  it('warns the coordinator and the volunteer at 60, 30 and 7 days, then says overdue', async () => {
    // Kit's check was issued on 1 September 2023: the recheck is due on 1 September 2026.
    const kit = await makeMember(h.deps, orgId, 'mediator', 'kit@ddm.example', { name: 'Kit Testvolunteer' });
    const kitId = await addVolunteer('Kit Testvolunteer', 'accredited', kit.userId);
    await api('POST', `/api/v1/volunteers/${kitId}/dbs`, {
      level: 'enhanced',
      workforce: 'child',
      certificateNumber: '999988887777',
      issuedOn: '2023-09-01',
      updateService: false,
    });
    const queue = (html: string, id: string) => text(new RegExp(`<section[^>]*id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '');
    const expectations: [string, string | null][] = [
      ['2026-07-02', null], // 61 days before
      ['2026-07-03', 'DBS recheck due in 60 days (1 September)'],
      ['2026-08-01', 'DBS recheck due in 31 days (1 September)'],
      ['2026-08-02', 'DBS recheck due in 30 days (1 September)'],
      ['2026-08-25', 'DBS recheck due in 7 days (1 September)'],
      ['2026-09-01', 'DBS recheck due today (1 September)'],
      ['2026-09-02', 'DBS recheck overdue since 1 September'],
    ];
    for (const [day, words] of expectations) {
      setToday(day);
      const staff = queue((await (await signIn(h, members.coordinator)).get('/home')).body, 'dbs-rechecks');
      const own = queue((await (await signIn(h, kit)).get('/home')).body, 'my-volunteering-due');
      if (words === null) {
        expect(staff, day).not.toContain('Kit Testvolunteer');
        expect(own, day).not.toContain('DBS recheck due');
      } else {
        expect(staff, day).toContain(`Kit Testvolunteer`);
        expect(staff, day).toContain(words);
        expect(own, day).toContain(words);
      }
      noNumber(staff);
    }
    // Soonest first: Mo's check needs review (overdue since 3 June) and comes before Kit.
    const staff = queue((await (await signIn(h, members.coordinator)).get('/home')).body, 'dbs-rechecks');
    expect(staff).toContain('Mo Othervolunteer Review – DBS Update Service reported new information on 3 June: review before assigning');
    expect(staff).toContain('Kit Testvolunteer Overdue – DBS recheck overdue since 1 September');
    expect(staff.indexOf('Mo Othervolunteer')).toBeLessThan(staff.indexOf('Kit Testvolunteer'));
  });
});

describe('the DBS API', () => {
  it('validates with messages per field', async () => {
    const res = await api('POST', `/api/v1/volunteers/${danaId}/dbs`, {
      level: 'basic',
      workforce: 'adult',
      certificateNumber: '12AB',
      issuedOn: '2026-02-30',
      updateService: 'yes',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({
      level: 'Choose the level of check',
      certificateNumber: 'A DBS certificate number is 12 digits, like 001234567890',
      issuedOn: 'Issue date must be a real date, like 2026-03-27',
      updateService: 'Say whether they subscribe to the DBS Update Service',
    });
  });

  it('lets a mediator read only their own, masked', async () => {
    const dana = await signIn(h, members.dana);
    const own = await dana.get(`/api/v1/volunteers/${danaId}/dbs`);
    expect(own.statusCode).toBe(200);
    noNumber(own.body);
    expect((await dana.get(`/api/v1/volunteers/${moId}/dbs`)).statusCode).toBe(403);
    expect((await dana.get(`/volunteers/${moId}/dbs`)).statusCode).toBe(403);
    const checkId = own.json().checks[0].id;
    expect((await dana.get(`/volunteers/${danaId}/dbs`)).statusCode).toBe(200);
    expect((await dana.post(`/volunteers/${danaId}/dbs/${checkId}/reveal`)).statusCode).toBe(403);
  });
});
