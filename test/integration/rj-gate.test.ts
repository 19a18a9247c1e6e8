// Restorative justice, end to end through the API and the pages: suitability and risk assessments gate a conference
// (the refusal names whose assessment is missing or says no), a supervisor signs them off, an offence the service
// takes only from the person harmed is held for a senior decision, and a prison visit waits for the checklist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText } from '../support/meetings.ts';
import { conference, readyForContact, type RjWorld, rjWorld } from '../support/rj.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: RjWorld;
let cora: WebClient;
let sue: WebClient;

beforeAll(async () => {
  h = await startHarness();
  w = await rjWorld(h, 'rjg');
  cora = await w.signIn(w.members.cora);
  sue = await w.signIn(w.members.sue);
  for (const web of [cora, sue]) await web.get('/home');
});
afterAll(() => h?.close());

const book = (body: Record<string, unknown>) => apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, body);

describe('the contact gate on booking', () => {
  it('refuses a conference while nobody is assessed, naming each participant (never the supporter)', async () => {
    const res = await book(conference(w));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.reason).toBe('BOOKING_REFUSED');
    expect(body.error.fields.partyIds).toContain('Hana Harmed’s suitability has not been recorded yet');
    expect(body.error.fields.partyIds).toContain('Pat Harmer’s suitability has not been recorded yet');
    expect(body.error.fields.partyIds).not.toContain('Sid Supporter');
  });

  it('says whose assessment is missing, then whose is not signed off, then whose allows letters only', async () => {
    await readyForContact(h, w, w.parties.hana);
    await h.deps.rj.recordSuitability(w.coordinator, w.caseId, {
      partyId: w.parties.pat,
      acknowledgesFacts: true,
      acceptsResponsibility: true,
      willing: true,
      assessedOn: '2026-12-01',
    });
    expect((await book(conference(w))).json().error.fields.partyIds).toBe(
      'Pat Harmer has no risk assessment yet: one is needed before a meeting with the other party',
    );
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/rj/assessments`, {
      partyId: w.parties.pat,
      areas: { motivation: 'Wants to apologise' },
      rating: 'medium',
      decision: 'indirect',
      assessedOn: '2026-12-02',
    });
    expect(res.statusCode).toBe(200);
    expect((await book(conference(w))).json().error.fields.partyIds).toBe('Pat Harmer’s risk assessment has not been signed off by a supervisor');
    // A coordinator may not sign off; a supervisor may.
    const byCora = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/rj/assessments/${res.json().id}/sign-off`);
    expect(byCora.statusCode).toBe(403);
    expect((await apiAs(h, sue)('POST', `/api/v1/cases/${w.caseId}/rj/assessments/${res.json().id}/sign-off`)).statusCode).toBe(200);
    expect((await book(conference(w))).json().error.fields.partyIds).toBe(
      'Pat Harmer’s risk assessment allows indirect contact only (letters or messages), not a meeting',
    );
  });

  it('books the conference once every participant’s current, signed-off assessment allows it', async () => {
    await readyForContact(h, w, w.parties.pat);
    const summary = (await apiAs(h, cora)('GET', `/api/v1/cases/${w.caseId}/rj`)).json();
    expect(summary.direct).toEqual({ allowed: true, problems: [] });
    expect(summary.participants.map((p: { name: string; assessment: { version: number } }) => [p.name, p.assessment.version])).toEqual([
      ['Hana Harmed', 1],
      ['Pat Harmer', 2],
    ]);
    const alone = await book(conference(w, { volunteerIds: [w.volunteers.vera] }));
    expect(alone.statusCode).toBe(422);
    expect(alone.json().error.fields.volunteerIds).toBe('A restorative justice conference is run by two facilitators: choose both');
    expect((await book(conference(w))).statusCode).toBe(201);
  });

  it('refuses again when an assessment runs out (the service’s period) or a participant withdraws', async () => {
    await h.deps.rj.savePolicy(w.admin, { ...(await h.deps.rj.policy(w.admin)), assessmentValidDays: 2 });
    const res = await book(conference(w, { start: '2026-12-16T10:00:00Z' }));
    expect(res.json().error.fields.partyIds).toContain('Hana Harmed’s risk assessment of 2026-12-01 is out of date');
    await h.deps.rj.savePolicy(w.admin, { ...(await h.deps.rj.policy(w.admin)), assessmentValidDays: 90 });
    await h.deps.caseActivity.recordConsent(w.coordinator, w.caseId, { partyId: w.parties.pat, status: 'withdrawn', method: 'written' });
    const after = await book(conference(w, { start: '2026-12-17T10:00:00Z', partyIds: [w.parties.hana] }));
    expect(after.json().error.fields.partyIds).toBe('Pat Harmer has withdrawn their consent, so there can be no contact with the other party');
  });

  it('shows the gate and its reasons on the case’s RJ tab', async () => {
    const page = await cora.get(`/cases/${w.caseId}/rj`);
    expect(page.statusCode).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('A conference or joint meeting: Not yet');
    expect(text).toContain('Pat Harmer has withdrawn their consent');
  });
});

describe('the offence-type hold', () => {
  let held: RjWorld;
  beforeAll(async () => {
    held = await rjWorld(h, 'rjh', { initiatedBy: 'person_who_harmed' });
  });

  it('holds a domestic abuse case started by the person who harmed, with the reason, until a senior decides', async () => {
    await h.deps.rj.setOffence(held.coordinator, held.caseId, { category: 'domestic_abuse' });
    await readyForContact(h, held, held.parties.hana);
    await readyForContact(h, held, held.parties.pat);
    const o = await h.deps.rj.overview(held.coordinator, held.caseId);
    expect(o.hold.state).toBe('held');
    expect(o.indirect.problems.map((p) => p.message)).toEqual([
      'This case is held for a senior decision: this service takes domestic abuse cases only when the person harmed asks, and this one was started by the person who harmed',
    ]);
    await expect(h.deps.rj.seniorDecision(held.coordinator, held.caseId, { decision: 'proceed', note: 'Victim asked to go on' })).rejects.toMatchObject({
      status: 403,
    });
    await h.deps.rj.seniorDecision(held.supervisor, held.caseId, { decision: 'proceed', note: 'The person harmed has said they want this' });
    expect((await h.deps.rj.overview(held.coordinator, held.caseId)).direct.allowed).toBe(true);
  });
});

describe('the RJ pages', () => {
  it('keeps what was typed and names each problem when a suitability form is incomplete', async () => {
    await cora.get(`/cases/${w.caseId}/rj`);
    const res = await cora.post(`/cases/${w.caseId}/rj/suitability`, {
      partyId: w.parties.hana,
      notes: 'Met at home',
      'assessedOn-day': '31',
      'assessedOn-month': '2',
      'assessedOn-year': '2026',
    });
    expect(res.statusCode).toBe(422);
    const text = pageText(res.body);
    expect(text).toContain('Say whether they acknowledge the basic facts');
    expect(text).toContain('Date assessed must be a real date');
    expect(res.body).toContain('Met at home');
  });

  it('refuses a case that is not restorative justice', async () => {
    const other = await h.deps.cases.list(w.admin, {});
    expect(other.rows.every((r) => r.caseType === 'restorative_justice')).toBe(true);
  });
});
