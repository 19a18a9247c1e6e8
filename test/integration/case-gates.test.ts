// The lifecycle gates through the pages and the API: an empty intake record is refused; Mediation needs an assigned
// pair with a lead-qualified mediator; Outcome needs a session held and what became of each issue on the meeting
// records; one of three parties withdrawing leaves the case where it is and asks whether it goes on with the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { signAgreementOnCase } from '../support/agreements.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { holdSession } from '../support/meetings.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let web: WebClient;
let admin: ReturnType<typeof actorFor>;

/** A case with these parties, each with consent and an intake record, moved to Ready. */
async function readyCase(description: string, names: string[]) {
  const { caseId } = await makeCase(h.deps, orgId, admin, { description, parties: names.map((name) => ({ name })) });
  const parties = (await h.deps.cases.get(admin, caseId)).parties;
  for (const p of parties) {
    await h.deps.caseActivity.recordConsent(admin, caseId, { partyId: p.id, status: 'given', method: 'verbal' });
    await h.deps.caseActivity.saveIntake(admin, caseId, { partyId: p.id, situationNow: `${p.name} explained how it looks to them` });
  }
  await h.deps.cases.transition(admin, caseId, { to: 'ready' });
  return { caseId, parties };
}

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'cgates', 'Case Gates (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'admin@cgates.example', { name: 'Ada Admin' });
  const coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@cgates.example', { name: 'Cora Coordinator' });
  admin = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  web = await signIn(h, coordinator);
});
afterAll(() => h?.close());

describe('an intake record', () => {
  it('needs at least the person’s view of the situation, keeping what was typed', async () => {
    const { caseId } = await makeCase(h.deps, orgId, admin, { description: 'Bins', parties: [{ name: 'Sam Patel' }, { name: 'Jo Okafor' }] });
    const sam = (await h.deps.cases.get(admin, caseId)).parties[0]!;
    await web.get(`/cases/${caseId}/people/${sam.id}/intake`);
    const empty = await web.post(`/cases/${caseId}/people/${sam.id}/intake`, { wantedFuture: 'Bins back by the kerb', situationNow: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(errorSummary(empty.body)).toContain('Write how the person sees the situation now: an intake record needs at least their view');
    expect(empty.body).toContain('Bins back by the kerb');
    expect((await h.deps.cases.get(admin, caseId)).intakes).toHaveLength(0);
    await expect(h.deps.caseActivity.saveIntake(admin, caseId, { partyId: sam.id } as never)).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
  });
});

describe('Mediation', () => {
  it('is refused with no pair, and with a pair where nobody may lead, then allowed with a lead-qualified pair', async () => {
    const { caseId } = await readyCase('Parking', ['Ana Brook', 'Ben Castle']);
    await web.get(`/cases/${caseId}`);
    const none = await web.post(`/cases/${caseId}/move`, { to: 'mediation' });
    expect(none.statusCode).toBe(409);
    expect(errorSummary(none.body)).toContain('Mediation needs a pair of mediators assigned to the case');
    const tia = await makeVolunteer(h.deps, orgId, { name: 'Tia Trainee', status: 'trainee' });
    const rae = await makeVolunteer(h.deps, orgId, { name: 'Rae Elsewhere', areas: ['restorative_conferencing'] });
    await insertAssignment(h.deps, orgId, caseId, rae, { role: 'lead' });
    await insertAssignment(h.deps, orgId, caseId, tia, { role: 'co', supervised: true });
    const noLead = await web.post(`/cases/${caseId}/move`, { to: 'mediation' });
    expect(errorSummary(noLead.body)).toContain(
      'Mediation needs a mediator who may lead this case: neither Rae Elsewhere nor Tia Trainee is accredited for it',
    );
    const lead = await makeVolunteer(h.deps, orgId, { name: 'Lee Lead' });
    await h.deps.assignments.assign(admin, caseId, { mediatorIds: [lead, tia] });
    const moved = await web.post(`/cases/${caseId}/move`, { to: 'mediation' });
    expect(moved.statusCode).toBe(303);
    expect((await h.deps.cases.get(admin, caseId)).case.status).toBe('mediation');
  });
});

describe('Outcome', () => {
  it('needs a session held, then what became of each issue on the meeting records, agreeing with the overall outcome', async () => {
    const { caseId } = await readyCase('Fence', ['Cal Dune', 'Dee Ember']);
    const lead = await makeVolunteer(h.deps, orgId, { name: 'Lou Lead' });
    const co = await makeVolunteer(h.deps, orgId, { name: 'Max Comediator' });
    await h.deps.assignments.assign(admin, caseId, { mediatorIds: [lead, co] });
    await h.deps.cases.transition(admin, caseId, { to: 'mediation' });
    await web.get(`/cases/${caseId}`);
    const noSession = await web.post(`/cases/${caseId}/move`, { to: 'outcome', outcome: 'full_agreement' });
    expect(noSession.statusCode).toBe(409);
    expect(errorSummary(noSession.body)).toContain('Outcome needs a joint meeting, RJ conference or shuttle session to have been held on the case');

    await holdSession(h.deps, orgId, caseId, { issues: 'The shared fence\nNoise from the garden' });
    expect((await h.deps.cases.get(admin, caseId)).issues).toEqual(['The shared fence', 'Noise from the garden']);
    const page = await web.get(`/cases/${caseId}`);
    expect(pageText(page.body)).toContain('Issue: The shared fence');
    expect(pageText(page.body)).toContain('Issue: Noise from the garden');
    const missing = await web.post(`/cases/${caseId}/move`, { to: 'outcome', outcome: 'partial_agreement', 'issueOutcomes-0': 'agreed' });
    expect(missing.statusCode).toBe(409);
    expect(errorSummary(missing.body)).toContain('Say what became of each issue on the meeting records: Noise from the garden has no outcome');
    // What was chosen is kept.
    expect(missing.body).toMatch(/name="issueOutcomes-0" type="radio" value="agreed" checked/);
    const contradicts = await web.post(`/cases/${caseId}/move`, {
      to: 'outcome',
      outcome: 'full_agreement',
      'issueOutcomes-0': 'agreed',
      'issueOutcomes-1': 'not_agreed',
    });
    expect(errorSummary(contradicts.body)).toContain('A full agreement needs every issue agreed');
    // A full or partial agreement is written down and signed by everyone first (features/agreements).
    const unsigned = await web.post(`/cases/${caseId}/move`, {
      to: 'outcome',
      outcome: 'partial_agreement',
      'issueOutcomes-0': 'agreed',
      'issueOutcomes-1': 'not_agreed',
    });
    expect(errorSummary(unsigned.body)).toContain('A full or partial agreement needs the written agreement signed by every party and the mediators');
    await signAgreementOnCase(h, admin, caseId);
    const ok = await web.post(`/cases/${caseId}/move`, {
      to: 'outcome',
      outcome: 'partial_agreement',
      'issueOutcomes-0': 'agreed',
      'issueOutcomes-1': 'not_agreed',
    });
    expect(ok.statusCode).toBe(303);
    const view = await h.deps.cases.get(admin, caseId);
    expect(view.case).toMatchObject({ status: 'outcome', outcome: 'partial_agreement' });
    expect(view.timeline.find((e) => e.kind === 'transition' && (e.data as { to?: string }).to === 'outcome')?.data).toMatchObject({
      issues: [
        { issue: 'The shared fence', outcome: 'agreed' },
        { issue: 'Noise from the garden', outcome: 'not_agreed' },
      ],
    });
  });
});

describe('one party withdrawing', () => {
  it('from a case of three withdraws that party only, and asks whether the case goes on with the others', async () => {
    const { caseId, parties } = await readyCase('Shared garden', ['Eve Fairfield', 'Fin Grove', 'Gil Heath']);
    await web.get(`/cases/${caseId}/people`);
    const res = await web.post(`/cases/${caseId}/consents`, { partyId: parties[0]!.id, status: 'withdrawn', method: 'verbal' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}/people?done=partyWithdrew`);
    const page = pageText((await web.get(res.headers.location as string)).body);
    expect(page).toContain('Decide whether the case goes on with the other parties (group mediation)');
    const view = await h.deps.cases.get(admin, caseId);
    expect(view.case.status).toBe('ready');
    expect(view.timeline.map((e) => e.summary)).toContain('Eve Fairfield has withdrawn from the case');
    // The next one leaves fewer than two: now the case itself is withdrawn.
    const api = await h.deps.caseActivity.recordConsent(admin, caseId, { partyId: parties[1]!.id, status: 'withdrawn', method: 'verbal' });
    expect(api).toEqual({ consent: 'withdrawn', caseStatus: 'withdrawn', goOnWith: null });
  });
});
