// Feedback at closing: the survey link each party gets when a case closes, staff entering feedback, the aggregate
// (counts and rates only, never answers by person; small numbers not shown), and testimonials from "may we quote
// you?": edited by staff, approved by an admin, published on the service's public page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { caseAtOutcome, linksSentTo } from '../support/closing.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { withKey } from '../support/meetings.ts';
import { errorSummary, pageText } from '../support/page-text.ts';
import { actorFor } from '../support/volunteers.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let admin: ReturnType<typeof actorFor>;
let coordinatorWeb: WebClient;
let adminWeb: WebClient;
let key: string;

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'fbk', 'Feedback Mediation (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'admin@fbk.example', { name: 'Ada Admin' });
  const c = await makeMember(h.deps, orgId, 'coordinator', 'cora@fbk.example', { name: 'Cora Coordinator' });
  admin = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  coordinatorWeb = await signIn(h, c);
  adminWeb = await signIn(h, a);
  await h.deps.settings.update(admin, { caseTypes: ['community', 'restorative_justice'] });
  ({ key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'Reports', role: 'coordinator' }, systemActor('test')));
});
afterAll(() => h?.close());

async function closedCase(description: string, names: string[], caseType: 'community' | 'restorative_justice' = 'community') {
  const made = await caseAtOutcome(h, orgId, admin, { description, names, caseType });
  await h.deps.cases.transition(admin, made.caseId, { to: 'closed', closingReason: 'agreement_kept' });
  return made;
}

describe('the survey by link', () => {
  it('goes to each party when the case closes; refuses bad answers keeping them; works once; a quote goes for review', async () => {
    await closedCase('Bins', ['Pat Pine', 'Quin Quince']);
    const [link] = await linksSentTo(h, orgId, 'pat.pine@example.test', 'feedback');
    expect(link).toMatch(/^\/s\/fbk\/feedback\//);
    const party = new WebClient(h.app, { remoteAddress: '198.51.100.7' });
    const page = await party.get(link!);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).not.toContain('cope and recover');
    const bad = await party.post(link!, { satisfaction: '9', whatHelped: 'Pat Pine talked to the mediators', mayQuote: 'yes' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Choose how satisfied you are, from 1 to 5');
    expect(errorSummary(bad.body)).toContain('Say whether you felt heard');
    expect(bad.body).toContain('Pat Pine talked to the mediators');
    const ok = await party.post(link!, {
      satisfaction: '5',
      feltHeard: 'yes',
      wouldRecommend: 'yes',
      whatHelped: 'Pat Pine talked to the mediators',
      mayQuote: 'yes',
    });
    expect(ok.statusCode).toBe(200);
    expect((await party.get(link!)).statusCode).toBe(409);
    const pending = await h.deps.closing.testimonials.list(admin, 'pending');
    expect(pending.map((q) => q.text)).toEqual(['Pat Pine talked to the mediators']);
  });

  it('asks restorative justice parties to rate coping and recovery before and after', async () => {
    await closedCase('Criminal damage', ['Ria Rowan', 'Sol Spruce'], 'restorative_justice');
    const [link] = await linksSentTo(h, orgId, 'ria.rowan@example.test', 'feedback');
    const party = new WebClient(h.app, { remoteAddress: '198.51.100.8' });
    expect(pageText((await party.get(link!)).body)).toContain('how well did you feel able to cope and recover?');
    const half = await party.post(link!, { satisfaction: '4', feltHeard: 'yes', wouldRecommend: 'no', copeBefore: '2' });
    expect(errorSummary(half.body)).toContain('Answer both questions about coping, or neither');
    expect((await party.post(link!, { satisfaction: '4', feltHeard: 'yes', wouldRecommend: 'no', copeBefore: '2', copeAfter: '4' })).statusCode).toBe(200);
  });
});

describe('the aggregate', () => {
  it('gives counts and rates per case type, hides rates over fewer than 3 answers, and never names anyone', async () => {
    const { caseId, parties } = await closedCase('Fence', ['Tam Teak', 'Uma Umber']);
    await coordinatorWeb.get(`/cases/${caseId}/feedback/new`);
    const refused = await coordinatorWeb.post(`/cases/${caseId}/feedback/new`, { partyId: parties[0]!.id, whatHelped: 'Being listened to' });
    expect(refused.statusCode).toBe(422);
    expect(errorSummary(refused.body)).toContain('Say how the feedback was given');
    expect(refused.body).toContain('Being listened to');
    for (const [p, s] of [
      [parties[0]!, '3'],
      [parties[1]!, '4'],
    ] as const)
      expect(
        (
          await coordinatorWeb.post(`/cases/${caseId}/feedback/new`, {
            partyId: p.id,
            source: 'paper',
            satisfaction: s,
            feltHeard: 'no',
            wouldRecommend: 'yes',
          })
        ).statusCode,
      ).toBe(303);

    const api = await withKey(h, key)('GET', '/api/v1/feedback?caseType=community');
    expect(api.statusCode).toBe(200);
    const body = api.json();
    expect(body).toMatchObject({ responses: 3, meanSatisfaction: 4, feltHeardPercent: 33.3, wouldRecommendPercent: 100 });
    const text = JSON.stringify(body);
    for (const name of ['Pat Pine', 'Tam Teak', 'Uma Umber', parties[0]!.id, caseId]) expect(text).not.toContain(name);
    const rj = (await withKey(h, key)('GET', '/api/v1/feedback')).json().byCaseType.find((r: { caseType: string }) => r.caseType === 'restorative_justice');
    expect(rj).toMatchObject({ responses: 1, meanSatisfaction: null, meanCopeBefore: null });
    expect((await withKey(h, key)('GET', '/api/v1/feedback?from=2026-05-01&to=2026-04-01')).statusCode).toBe(422);
    expect((await withKey(h, key)('GET', '/api/v1/feedback?from=tomorrow')).statusCode).toBe(422);
    const page = await coordinatorWeb.get('/feedback?caseType=community');
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('3 responses');
  });
});

describe('testimonials', () => {
  it('are edited by staff, approved by an admin only, and shown on the public page once published', async () => {
    const [quote] = await h.deps.closing.testimonials.list(admin, 'pending');
    await coordinatorWeb.get('/testimonials');
    const empty = await coordinatorWeb.post(`/testimonials/${quote!.id}`, { text: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(errorSummary(empty.body)).toContain('Write the wording to show, or reject the testimonial');
    expect((await coordinatorWeb.post(`/testimonials/${quote!.id}`, { text: 'Talking to the mediators helped.' })).statusCode).toBe(303);
    expect((await coordinatorWeb.post(`/testimonials/${quote!.id}/decision`, { decision: 'approve_publish' })).statusCode).toBe(403);
    expect(pageText((await new WebClient(h.app).get('/s/fbk')).body)).not.toContain('What our clients say');

    await adminWeb.get('/testimonials');
    expect((await adminWeb.post(`/testimonials/${quote!.id}/decision`, { decision: 'approve_publish' })).statusCode).toBe(303);
    const home = pageText((await new WebClient(h.app).get('/s/fbk')).body);
    expect(home).toContain('What our clients say');
    expect(home).toContain('Talking to the mediators helped.');
    expect(home).not.toContain('Pat Pine');
    // Changing the wording takes it off the page until it is approved again.
    await h.deps.closing.testimonials.edit(admin, quote!.id, { text: 'The mediators helped.' });
    expect(pageText((await new WebClient(h.app).get('/s/fbk')).body)).not.toContain('What our clients say');
  });
});
