// Safeguarding through the pages: a note marked as a disclosure reaches the safeguarding lead (home page and
// /safeguarding), who records a decision; coordinators see only that a restricted record exists; a mediator
// who is not on the case cannot open it at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text, errorSummary } from '../support/page-text.ts';

let h: Harness;
let caseId: string;
let reference: string;
let coordinator: WebClient;
let lead: WebClient;
let mediator: WebClient;
const DISCLOSED = 'Jo said her partner hit her last week and she is frightened to go home';

beforeAll(async () => {
  h = await startHarness();
  const { orgId } = await makeOrg(h.deps, 'harbour', 'Harbourside Mediation (fictional)');
  const cora = await makeMember(h.deps, orgId, 'coordinator', 'cora@harbour.example', { name: 'Cora Coordinator' });
  const sal = await makeMember(h.deps, orgId, 'safeguarding_lead', 'sal@harbour.example', { name: 'Sal Lead' });
  const mia = await makeMember(h.deps, orgId, 'mediator', 'mia@harbour.example', { name: 'Mia Mediator' });
  const actor = { type: 'user' as const, id: cora.userId, label: 'Cora Coordinator', orgId, orgSlug: 'harbour', orgName: 'x', role: 'coordinator' as const };
  await h.deps.referrals.createFromPublic(
    orgId,
    {
      caseType: 'community',
      description: 'Shouting over the garden fence',
      consentToContact: true,
      parties: [
        { name: 'Sam Patel', role: 'party' },
        { name: 'Jo Okafor', role: 'party' },
      ],
    },
    { type: 'anonymous' },
  );
  const { rows } = await h.deps.referrals.list(actor, {});
  ({ caseId, reference } = await h.deps.referrals.accept(actor, rows[0]!.id));
  coordinator = await signIn(h, cora);
  lead = await signIn(h, sal);
  mediator = await signIn(h, mia);
});
afterAll(() => h?.close());

describe('a disclosure of risk of serious harm', () => {
  it('is recorded from a note marked as a disclosure, restricted at once', async () => {
    await coordinator.get(`/cases/${caseId}/timeline`);
    const empty = await coordinator.post(`/cases/${caseId}/notes`, { body: '', visibility: 'team', disclosure: 'yes' });
    expect(empty.statusCode).toBe(422);
    expect(errorSummary(empty.body)).toContain('Write the note');
    expect(empty.body).toMatch(/name="disclosure" type="checkbox" value="yes"[^>]*checked/);
    const res = await coordinator.post(`/cases/${caseId}/notes`, { body: DISCLOSED, visibility: 'team', disclosure: 'yes' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}/timeline?done=disclosure`);
    const page = text((await coordinator.get(res.headers.location as string)).body);
    expect(page).toContain('The safeguarding lead has been told about the disclosure.');
  });

  it('shows the coordinator only that a restricted record exists, never what was said', async () => {
    const timeline = await coordinator.get(`/cases/${caseId}/timeline`);
    expect(text(timeline.body)).toContain('Restricted safeguarding record');
    expect(timeline.body).not.toContain('frightened to go home');
    const safeguarding = await coordinator.get('/safeguarding');
    expect(safeguarding.statusCode).toBe(403);
    expect(safeguarding.body).not.toContain('frightened to go home');
    expect((await coordinator.get('/home')).body).not.toContain('href="/safeguarding');
    const overview = text((await coordinator.get(`/cases/${caseId}`)).body);
    expect(overview).toContain('A safeguarding disclosure on this case is waiting for a decision by a safeguarding lead.');
  });

  it('blocks Ready until a safeguarding lead has decided', async () => {
    const overview = await coordinator.get(`/cases/${caseId}`);
    expect(text(overview.body)).toContain(
      'Not possible yet: Ready needs consent from every party: Sam Patel, Jo Okafor have not consented; Ready needs an intake record for every party: Sam Patel, Jo Okafor have none; Ready needs every safeguarding disclosure on the case to have a decision recorded by a safeguarding lead',
    );
  });

  it('reaches the safeguarding lead’s home page and the safeguarding page', async () => {
    const home = text((await lead.get('/home')).body);
    expect(home).toMatch(new RegExp(`Safeguarding disclosures waiting for a decision 1 ${reference}: disclosure recorded`));
    expect(home).not.toContain('frightened');
    const page = await lead.get('/safeguarding');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain(`Waiting for a decision (1) Disclosure on case ${reference}`);
    expect(text(page.body)).toContain(DISCLOSED);
    expect(text((await lead.get(`/cases/${caseId}/timeline`)).body)).toContain(DISCLOSED);
  });

  it('takes the lead’s decision, keeping what was typed when something is missing', async () => {
    const page = await lead.get('/safeguarding');
    const recordId = /action="\/safeguarding\/([0-9a-f-]{36})\/decide"/.exec(page.body)![1]!;
    const bad = await lead.post(`/safeguarding/${recordId}/decide`, {
      decision: '',
      referredTo: 'Kent adult social care',
      'referredAt-day': '40',
      'referredAt-month': '3',
      'referredAt-year': '2026',
    });
    expect(bad.statusCode).toBe(422);
    const summary = errorSummary(bad.body);
    expect(summary).toContain('Record the decision');
    expect(summary).toContain('Date referred must be a real date');
    expect(summary).toContain('Say whether the record can be closed');
    expect(bad.body).toContain(`href="#${recordId}-decision"`);
    expect(bad.body).toContain('value="Kent adult social care"');
    const ok = await lead.post(`/safeguarding/${recordId}/decide`, {
      decision: 'Referred to adult social care with Jo’s agreement',
      referredTo: 'Kent adult social care',
      'referredAt-day': '3',
      'referredAt-month': '3',
      'referredAt-year': '2026',
      legalBasis: 'Care Act 2014 s.42',
      close: 'yes',
    });
    expect(ok.statusCode).toBe(303);
    const after = text((await lead.get('/safeguarding?done=decided')).body);
    expect(after).toContain('Decision recorded.');
    expect(after).toContain('Waiting for a decision (0)');
    expect(after).toMatch(/Referred to Kent adult social care – 3 March 2026 Legal basis Care Act 2014 s.42/);
    expect(text((await lead.get('/home')).body)).toMatch(/Safeguarding disclosures waiting for a decision 0/);
    expect(text((await coordinator.get(`/cases/${caseId}`)).body)).not.toContain('waiting for a decision by a safeguarding lead');
  });
});

describe('a mediator who is not on the case', () => {
  it('is refused the case and its pages, and sees none of it', async () => {
    for (const path of ['', '/people', '/timeline', '/tasks']) {
      const res = await mediator.get(`/cases/${caseId}${path}`);
      expect(res.statusCode, path).toBe(403);
      expect(res.body).toContain('You are not on the team for this case');
      expect(res.body).not.toContain('Sam Patel');
    }
    await mediator.get('/cases');
    const note = await mediator.post(`/cases/${caseId}/notes`, { body: 'x' });
    expect(note.statusCode).toBe(403);
    expect(note.body).toContain('You are not on the team for this case');
    expect((await mediator.get('/referrals')).statusCode).toBe(403);
    expect((await mediator.get('/cases')).body).not.toContain(reference);
  });
});
