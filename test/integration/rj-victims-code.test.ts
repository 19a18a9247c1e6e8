// The Victims' Code clock on an RJ case (rules.md #25) where the service is the person harmed's first contact: the
// information on RJ is due within 5 working days (1 with enhanced rights), shown on the RJ tab, in the API and in the
// coordinators' home alerts until the information is recorded as given. Bad dates are refused with what was typed kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { caseEvents } from '#src/db/schema/cases.ts';
import { inOrg } from '#src/db/tenant.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText } from '../support/meetings.ts';
import { type RjWorld, rjWorld } from '../support/rj.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: RjWorld;
let cora: WebClient;
let vera: WebClient;

beforeAll(async () => {
  h = await startHarness();
  w = await rjWorld(h, 'rjv');
  cora = await w.signIn(w.members.cora);
  vera = await w.signIn(w.members.vera);
  for (const web of [cora, vera]) await web.get('/home');
});
afterAll(() => h?.close());

const api = (web: WebClient) => apiAs(h, web);
const summary = async () => (await api(cora)('GET', `/api/v1/cases/${w.caseId}/rj`)).json().victimsCode;
const date = (name: string, d: string, m: string, y: string) => ({ [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y });

describe('the Victims’ Code clock', () => {
  it('runs only once the service is recorded as the first contact', async () => {
    expect(await summary()).toEqual({ firstContactOn: null, enhancedRights: false, informationGivenOn: null, clock: null });
    const tab = pageText((await cora.get(`/cases/${w.caseId}/rj`)).body);
    expect(tab).toContain('No Victims’ Code clock is running');
    expect(tab).toContain('From the referral Who asked for restorative justice The person harmed');
  });

  it('refuses a missing or impossible date on the page, keeping what was typed', async () => {
    const missing = await cora.post(`/cases/${w.caseId}/rj/victims-code`, { firstContact: 'yes' });
    expect(missing.statusCode).toBe(422);
    expect(pageText(missing.body)).toContain('Enter the date of the first contact');
    const impossible = await cora.post(`/cases/${w.caseId}/rj/victims-code`, { firstContact: 'yes', ...date('firstContactOn', '31', '2', '2026') });
    expect(impossible.statusCode).toBe(422);
    expect(pageText(impossible.body)).toContain('Date of the first contact must be a real date');
    expect(impossible.body).toMatch(/name="firstContactOn-day" type="text" value="31"/);
    const unanswered = await cora.post(`/cases/${w.caseId}/rj/victims-code`, {});
    expect(pageText(unanswered.body)).toContain('Say whether this service is the first contact for the person harmed');
    const early = await api(cora)('POST', `/api/v1/cases/${w.caseId}/rj/victims-code`, {
      firstContact: true,
      firstContactOn: '2026-12-02',
      informationGivenOn: '2026-12-01',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields.informationGivenOn).toBe('The information cannot have been given before the first contact');
    const future = await api(cora)('POST', `/api/v1/cases/${w.caseId}/rj/victims-code`, { firstContact: true, firstContactOn: '2026-12-04' });
    expect(future.json().error.fields.firstContactOn).toBe('The date of the first contact must be today or in the past');
  });

  it('counts 5 working days from the first contact: days left on the tab, in the API and on the home page', async () => {
    // First contact Wednesday 2 December 2026; today Thursday 3 December: due Wednesday 9 December, 4 working days left.
    const res = await cora.post(`/cases/${w.caseId}/rj/victims-code`, { firstContact: 'yes', ...date('firstContactOn', '2', '12', '2026') });
    expect(res.statusCode).toBe(303);
    expect((await summary()).clock).toMatchObject({ due: '2026-12-09', workingDays: 5, daysLeft: 4, running: true, overdue: false });
    const tab = pageText((await cora.get(`/cases/${w.caseId}/rj`)).body);
    expect(tab).toContain('Information on restorative justice (5 working days) Due 2026-12-09 4 working days left');
    const home = pageText((await cora.get('/home')).body);
    expect(home).toContain('Victims’ Code: information on restorative justice');
    expect(home).toContain(`${w.reference}: 5 working days`);
    // A facilitator does not get the coordinators' queue.
    expect(pageText((await vera.get('/home')).body)).not.toContain('Victims’ Code: information on restorative justice');
  });

  it('with enhanced rights is due the next working day, and overdue after it', async () => {
    await api(cora)('POST', `/api/v1/cases/${w.caseId}/rj/victims-code`, { firstContact: true, firstContactOn: '2026-12-02', enhancedRights: true });
    expect((await summary()).clock).toMatchObject({ due: '2026-12-03', workingDays: 1, daysLeft: 0, overdue: false });
    expect(pageText((await cora.get(`/cases/${w.caseId}/rj`)).body)).toContain('Due 2026-12-03 Due today');
    // First contact on Monday 30 November: due Tuesday 1 December; today, Thursday 3 December, 2 working days late.
    await api(cora)('POST', `/api/v1/cases/${w.caseId}/rj/victims-code`, { firstContact: true, firstContactOn: '2026-11-30', enhancedRights: true });
    expect((await summary()).clock).toMatchObject({ due: '2026-12-01', daysLeft: -2, overdue: true });
    expect(pageText((await cora.get(`/cases/${w.caseId}/rj`)).body)).toContain('Overdue by 2 working days');
    expect(pageText((await cora.get('/home')).body)).toContain(`${w.reference}: enhanced rights, 1 working day`);
  });

  it('stops when the information is given, leaves the home page, and is on the timeline and in the audit trail', async () => {
    await api(cora)('POST', `/api/v1/cases/${w.caseId}/rj/victims-code`, {
      firstContact: true,
      firstContactOn: '2026-11-30',
      enhancedRights: true,
      informationGivenOn: '2026-12-02',
    });
    expect((await summary()).clock).toMatchObject({ running: false, metOnTime: false });
    expect(pageText((await cora.get(`/cases/${w.caseId}/rj`)).body)).toContain('Information given late');
    expect(pageText((await cora.get('/home')).body)).not.toContain(`${w.reference}: enhanced rights`);
    const events = await inOrg(h.deps.db, w.orgId, (tx) =>
      tx
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, w.caseId), eq(caseEvents.kind, 'restorative'))),
    );
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        "Victims' Code: information on restorative justice due by 2026-12-09",
        "Victims' Code: information on restorative justice given late",
      ]),
    );
    const audited = await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.action, 'rj.victims_code_set')));
    expect(audited.length).toBe(4);
  });
});
