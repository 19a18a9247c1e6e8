// The restorative justice policy page: an admin changes the offences needing care or taken only from the person
// harmed, the assessment period and the prison checklist; bad input is refused with each problem and what was typed
// kept; the change is what the API and the RJ cases read, and it is audited. Others read it and cannot change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { inOrg } from '#src/db/tenant.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText } from '../support/meetings.ts';
import { type RjWorld, rjWorld } from '../support/rj.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: RjWorld;
let ada: WebClient;
let cora: WebClient;

beforeAll(async () => {
  h = await startHarness();
  w = await rjWorld(h, 'rjpp');
  ada = await w.signIn(w.members.ada);
  cora = await w.signIn(w.members.cora);
  for (const web of [ada, cora]) await web.get('/home');
});
afterAll(() => h?.close());

const URL = '/settings/restorative-justice';

describe('the restorative justice policy page', () => {
  it('shows the policy in force, linked from the settings page', async () => {
    expect((await ada.get('/settings')).body).toContain(`href="${URL}"`);
    const page = await ada.get(URL);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="90"');
    expect(page.body).toContain('Governor approval');
    expect(page.body).toMatch(/name="victimInitiatedOnly" type="checkbox" value="domestic_abuse" checked/);
  });

  it('refuses bad input with each problem, keeping what was typed', async () => {
    const steps = Array.from({ length: 21 }, (_, i) => `Step ${i + 1}`).join('\n');
    const res = await ada.post(URL, { extraCare: ['stalking'], assessmentValidDays: '0', prisonChecklist: steps });
    expect(res.statusCode).toBe(422);
    const text = pageText(res.body);
    expect(text).toContain('There is a problem');
    expect(text).toContain('How many days a risk assessment stays current must be a whole number from 1 to 730');
    expect(text).toContain('The prison visit checklist can have up to 20 steps');
    expect(res.body).toContain('Step 21');
    expect(res.body).toMatch(/name="extraCare" type="checkbox" value="stalking" checked/);
    const twice = await ada.post(URL, { assessmentValidDays: '60', prisonChecklist: 'Governor approval\ngovernor approval' });
    expect(pageText(twice.body)).toContain('Each step of the prison visit checklist must be different');
    expect((await apiAs(h, ada)('GET', '/api/v1/rj/policy')).json().assessmentValidDays).toBe(90);
  });

  it('saves a good policy: the API and the RJ case read it, and it is audited', async () => {
    const res = await ada.post(URL, {
      extraCare: ['hate_crime', 'stalking'],
      victimInitiatedOnly: ['stalking'],
      assessmentValidDays: '60',
      prisonChecklist: 'Security clearance\nVisit booked with the prison',
    });
    expect(res.statusCode).toBe(303);
    expect(pageText((await ada.get(res.headers.location as string)).body)).toContain('Restorative justice policy saved.');
    expect((await apiAs(h, ada)('GET', '/api/v1/rj/policy')).json()).toEqual({
      extraCare: ['hate_crime', 'stalking'],
      victimInitiatedOnly: ['stalking'],
      assessmentValidDays: 60,
      prisonChecklist: ['Security clearance', 'Visit booked with the prison'],
    });
    expect((await h.deps.rj.overview(w.coordinator, w.caseId)).policy.assessmentValidDays).toBe(60);
    const audited = await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.action, 'rj.policy_saved')));
    expect(audited).toHaveLength(1);
  });

  it('shows a coordinator the policy without the form, and refuses their change', async () => {
    const page = await cora.get(URL);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('Only admins can change the restorative justice policy.');
    expect(page.body).not.toContain(`action="${URL}"`);
    expect((await cora.post(URL, { assessmentValidDays: '30' })).statusCode).toBe(403);
  });
});
