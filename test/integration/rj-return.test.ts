// The RJ return for funders: a table per metric with its definition, the same figures as CSV and through the API,
// counting the quarter's referrals, suitability, conferences held, letters passed and feedback; never a person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText } from '../support/meetings.ts';
import { passedLetter, readyForContact, type RjWorld, rjWorld } from '../support/rj.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: RjWorld;
let sue: WebClient;
let vera: WebClient;

beforeAll(async () => {
  h = await startHarness();
  w = await rjWorld(h, 'rjr');
  sue = await w.signIn(w.members.sue);
  vera = await w.signIn(w.members.vera);
  await readyForContact(h, w, w.parties.hana, 'indirect');
  await readyForContact(h, w, w.parties.pat, 'indirect');
  await passedLetter(h, w, 'I am sorry.');
});
afterAll(() => h?.close());

describe('the RJ return', () => {
  it('counts the quarter through the API, each metric with its definition and version', async () => {
    const res = await apiAs(h, sue)('GET', '/api/v1/reports/rj');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    const byId = Object.fromEntries(body.metrics.map((m: { id: string; figures: unknown }) => [m.id, m.figures]));
    expect(byId.referrals_by_source).toEqual([{ label: 'self', value: 1 }]);
    expect(byId.referral_outcomes).toEqual([{ label: 'accepted', value: 1 }]);
    expect(byId.suitability).toEqual([
      { label: 'suitable', value: 2 },
      { label: 'not suitable', value: 0 },
    ]);
    expect(byId.completed).toEqual([
      { label: 'direct', value: 0 },
      { label: 'indirect', value: 1 },
    ]);
    for (const m of body.metrics) expect(m.definition.length).toBeGreaterThan(60);
  });

  it('shows the same figures on screen and as CSV, and nothing of the last quarter', async () => {
    const page = pageText((await sue.get('/reports/rj')).body);
    expect(page).toContain('Processes completed, direct and indirect');
    expect(page).toContain('Definition (version 1)');
    expect(page).not.toContain('Hana Harmed');
    const csv = await sue.get('/reports/rj.csv?from=2026-10-01&to=2026-12-31');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('"2026-10-01","2026-12-31","","","Processes completed, direct and indirect","1","indirect","1"');
    const before = (await apiAs(h, sue)('GET', '/api/v1/reports/rj?from=2026-07-01&to=2026-09-30')).json();
    expect(before.metrics.find((m: { id: string }) => m.id === 'completed').figures[1].value).toBe(0);
  });

  it('refuses a period that is not real, and a mediator', async () => {
    const bad = await sue.get('/reports/rj?from=2026-02-30');
    expect(bad.statusCode).toBe(422);
    expect(pageText(bad.body)).toContain('Enter a real date');
    const backwards = await sue.get('/reports/rj?from=2026-12-01&to=2026-10-01');
    expect(pageText(backwards.body)).toContain('The end of the period must be on or after its start');
    expect((await vera.get('/reports/rj')).statusCode).toBe(403);
  });
});

describe('the service’s RJ policy', () => {
  it('is read by staff and changed by admins only, each field checked', async () => {
    const ada = await w.signIn(w.members.ada);
    await ada.get('/home');
    const policy = (await apiAs(h, sue)('GET', '/api/v1/rj/policy')).json();
    expect(policy.assessmentValidDays).toBe(90);
    expect((await apiAs(h, sue)('PUT', '/api/v1/rj/policy', policy)).statusCode).toBe(403);
    const bad = await apiAs(h, ada)('PUT', '/api/v1/rj/policy', { ...policy, assessmentValidDays: 0 });
    expect(bad.statusCode).toBe(422);
    const ok = await apiAs(h, ada)('PUT', '/api/v1/rj/policy', { ...policy, victimInitiatedOnly: ['domestic_abuse', 'stalking'] });
    expect(ok.json().victimInitiatedOnly).toEqual(['domestic_abuse', 'stalking']);
  });
});
