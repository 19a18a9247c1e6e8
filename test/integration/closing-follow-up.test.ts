// Follow-up: the schedule per case type made when a case enters follow-up, tasks for the case team, check-ins by a
// party's personal link (hashed, expiring, single use, rate-limited) and by staff, "request another joint meeting",
// and closing only after the last check-in, with a closing reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { followUpSchedule } from '#src/features/settings/follow-up-policy.ts';
import { hashLinkToken } from '#src/features/closing/party-links.ts';
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
let staff: WebClient;
let key: string;
let coordinator: Awaited<ReturnType<typeof makeMember>>;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'fup', 'Follow Up Mediation (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'admin@fup.example', { name: 'Ada Admin' });
  coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@fup.example', { name: 'Cora Coordinator' });
  admin = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  staff = await signIn(h, coordinator);
  await h.deps.settings.update(admin, { caseTypes: ['community', 'restorative_justice', 'send', 'social_care'] });
  ({ key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'Case system', role: 'coordinator' }, systemActor('test')));
});
afterAll(() => h?.close());

const points = (caseId: string) => h.deps.closing.followUp.ofCase(admin, caseId).then((v) => v.points);

describe('the schedule', () => {
  it('falls the service’s weeks after the start: community at 2 and 4, social care ending at 12', () => {
    expect(followUpSchedule([2, 4], '2026-03-02').map((p) => p.dueOn)).toEqual(['2026-03-16', '2026-03-30']);
    expect(followUpSchedule([2, 6, 12], '2026-03-02').map((p) => p.dueOn)).toEqual(['2026-03-16', '2026-04-13', '2026-05-25']);
  });

  it('is made when a case enters follow-up, with a task at each point, per case type and as the service sets it', async () => {
    const { caseId } = await caseAtOutcome(h, orgId, admin, { description: 'Hedge', names: ['Ann Ash', 'Bo Birch'] });
    await h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
    const today = h.clock.now().toISOString().slice(0, 10);
    const made = await points(caseId);
    expect(made.map((p) => p.weeks)).toEqual([2, 4]);
    expect(made[0]!.startOn).toBe(today);
    const tasks = (await h.deps.cases.get(admin, caseId)).tasks.filter((t) => t.title.startsWith('Follow-up check-in'));
    expect(tasks.map((t) => t.dueOn)).toEqual(made.map((p) => p.dueOn));

    await h.deps.settings.update(admin, { followUp: { weeks: { restorative_justice: [1, 3] }, linkDays: 14 } });
    const rj = await caseAtOutcome(h, orgId, admin, { description: 'Burglary', caseType: 'restorative_justice', names: ['Cy Cedar', 'Di Dogwood'] });
    await h.deps.cases.transition(admin, rj.caseId, { to: 'follow_up' });
    expect((await points(rj.caseId)).map((p) => p.weeks)).toEqual([1, 3]);
    // The agreements feature's call, from the signing date: nothing new when a schedule exists.
    const again = await inOrg(h.deps.db, orgId, (tx) => h.deps.closing.startFollowUp(tx, admin, rj.caseId, { signedAt: new Date('2026-01-05T10:00:00Z') }));
    expect(again.created).toBe(false);
  });

  it('counts from the day the agreement was signed, not the day the case moved', async () => {
    const { caseId } = await caseAtOutcome(h, orgId, admin, { description: 'Fence', names: ['Eli Elm', 'Fay Fir'] });
    const signedOn = h.clock.now().toISOString().slice(0, 10);
    const before = h.clock.current;
    h.clock.advance(3 * 24 * 3600_000);
    try {
      await h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
    } finally {
      h.clock.current = before;
    }
    const made = await points(caseId);
    expect(made.map((p) => p.startOn)).toEqual([signedOn, signedOn]);
    expect(made[0]!.dueOn).toBe(followUpSchedule([2, 4], signedOn)[0]!.dueOn);
  });

  it('refuses bad settings with the reason', async () => {
    await expect(h.deps.settings.update(admin, { followUp: { weeks: { community: [6, 2] } } })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
  });
});

describe('check-ins and closing', () => {
  it('closes only after the last check-in, with a reason from the list', async () => {
    const { caseId, parties } = await caseAtOutcome(h, orgId, admin, { description: 'Parking', names: ['Eve Elm', 'Fay Fir'] });
    await h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
    const [first, last] = await points(caseId);
    await staff.get(`/cases/${caseId}/follow-up`);
    const noReason = await staff.post(`/cases/${caseId}/move`, { to: 'closed' });
    expect(noReason.statusCode).toBe(409);
    expect(errorSummary(noReason.body)).toContain('Choose why the case is closing');
    expect(errorSummary(noReason.body)).toContain('Closing after follow-up needs a check-in at the last follow-up point');

    // Staff enter a check-in from a call, keeping what was typed when it is refused.
    const bad = await staff.post(`/cases/${caseId}/follow-up/check-ins`, { pointId: first!.id, partyId: parties[0]!.id, note: 'Bins are fine now' });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)).toContain('Say how you heard the answers');
    expect(errorSummary(bad.body)).toContain('Say whether the agreement is being kept');
    expect(bad.body).toContain('Bins are fine now');
    const ok = await staff.post(`/cases/${caseId}/follow-up/check-ins`, { pointId: first!.id, partyId: parties[0]!.id, source: 'phone', answer: 'kept' });
    expect(ok.statusCode).toBe(303);
    expect((await staff.post(`/cases/${caseId}/move`, { to: 'closed', closingReason: 'agreement_kept' })).statusCode).toBe(409);

    await h.deps.closing.followUp.recordCheckIn(admin, caseId, {
      pointId: last!.id,
      partyId: parties[1]!.id,
      source: 'visit',
      answers: [{ answer: 'kept' }],
      wantsMeeting: false,
    });
    const other = await staff.post(`/cases/${caseId}/move`, { to: 'closed', closingReason: 'other' });
    expect(errorSummary(other.body)).toContain('Say why the case is closing');
    const closed = await staff.post(`/cases/${caseId}/move`, { to: 'closed', closingReason: 'agreement_kept' });
    expect(closed.statusCode).toBe(303);
    const view = await h.deps.cases.get(admin, caseId);
    expect(view.case.closingReason).toBe('agreement_kept');
    expect(view.timeline.some((e) => e.summary.includes('Agreement reached and kept'))).toBe(true);
  });

  it('sends links when a point falls due; a party answers once, and "not kept" can ask for another joint meeting', async () => {
    const { caseId } = await caseAtOutcome(h, orgId, admin, { description: 'Noise', names: ['Gil Gum', 'Hal Hazel'] });
    await h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
    // Nothing is due yet.
    expect(await h.deps.closing.followUp.sendLinksNow(admin, caseId)).toEqual({ sent: 0 });
    h.clock.advance(15 * DAY);
    expect(await h.deps.closing.followUp.sendLinksNow(admin, caseId)).toEqual({ sent: 2 });
    const [link] = await linksSentTo(h, orgId, 'gil.gum@example.test', 'check-in');
    expect(link).toMatch(/^\/s\/fup\/check-in\//);
    // Only the hash is stored.
    const token = link!.split('/').at(-1)!;
    const stored = (await asSystem(h.deps.db, (tx) =>
      tx.execute(sql`SELECT token_hash FROM party_links WHERE token_hash = ${hashLinkToken(token)}`),
    )) as unknown as {
      rows: unknown[];
    };
    expect(stored.rows).toHaveLength(1);
    expect(JSON.stringify(await asSystem(h.deps.db, (tx) => tx.execute(sql`SELECT * FROM party_links`)))).not.toContain(token);

    const party = new WebClient(h.app, { remoteAddress: '203.0.113.10' });
    const page = await party.get(link!);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain('Is the agreement being kept?');
    const empty = await party.post(link!, { note: 'They still park across my drive', wantsMeeting: 'yes' });
    expect(empty.statusCode).toBe(422);
    expect(errorSummary(empty.body)).toContain('Say whether the agreement is being kept');
    expect(empty.body).toContain('They still park across my drive');
    const answered = await party.post(link!, { answer: 'not_kept', note: 'They still park across my drive', wantsMeeting: 'yes' });
    expect(answered.statusCode).toBe(200);
    expect(pageText(answered.body)).toContain('You asked for another joint meeting');
    const again = await party.get(link!);
    expect(again.statusCode).toBe(409);
    expect(pageText(again.body)).toContain('This link has been used already');
    expect((await party.post(link!, { answer: 'kept' })).statusCode).toBe(409);

    const view = await h.deps.closing.followUp.ofCase(admin, caseId);
    expect(view.checkIns).toHaveLength(1);
    expect(view.checkIns[0]).toMatchObject({ source: 'link', partyName: 'Gil Gum' });
    expect(view.checkIns[0]!.answers).toEqual([expect.objectContaining({ termId: null, answer: 'not_kept', note: 'They still park across my drive' })]);
    const requests = await h.deps.meetings.requests.ofCase(admin, caseId);
    expect(requests).toEqual([expect.objectContaining({ requestedBy: 'party', requesterName: 'Gil Gum', kind: 'joint', status: 'open' })]);

    // The API twin shows the same.
    const api = await withKey(h, key)('GET', `/api/v1/cases/${caseId}/follow-ups`);
    expect(api.statusCode).toBe(200);
    expect(api.json().checkIns[0].requestId).toBe(requests[0]!.id);
  });

  it('asks about each signed term, on the party’s link and the staff form, and shows the answers per term on the case and in the API', async () => {
    const { caseId, parties } = await caseAtOutcome(h, orgId, admin, { description: 'Bins', names: ['Kit Kapok', 'Lu Larch'] });
    await h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
    const {
      terms,
      points: [first],
    } = await h.deps.closing.followUp.ofCase(admin, caseId);
    expect(terms).toEqual([expect.objectContaining({ id: expect.any(String), text: 'Call both households in two weeks' })]);
    const term = terms[0]!.id;
    h.clock.advance(15 * DAY);
    await h.deps.closing.followUp.sendLinksNow(admin, caseId);
    const [link] = await linksSentTo(h, orgId, 'kit.kapok@example.test', 'check-in');
    const party = new WebClient(h.app, { remoteAddress: '203.0.113.40' });
    const page = await party.get(link!);
    expect(pageText(page.body)).toContain('Term 1: Call both households in two weeks');
    expect(page.body).toContain(`name="term_${term}"`);
    // A comment on a term without saying whether it is kept is refused, keeping what was typed.
    const half = await party.post(link!, { answer: 'partly', [`termNote_${term}`]: 'Only one call so far' });
    expect(half.statusCode).toBe(422);
    expect(errorSummary(half.body)).toContain('Say whether this term is being kept, or clear its comment');
    expect(half.body).toContain(`href="#term_${term}"`);
    expect(half.body).toContain('Only one call so far');
    const ok = await party.post(link!, { answer: 'partly', [`term_${term}`]: 'partly', [`termNote_${term}`]: 'Only one call so far' });
    expect(ok.statusCode).toBe(200);

    // Staff enter another party's answers from a call, per term too.
    staff = await signIn(h, coordinator); // the clock has moved on past the earlier session's time-out
    const staffPage = await staff.get(`/cases/${caseId}/follow-up`);
    expect(pageText(staffPage.body)).toContain('Term 1: Call both households in two weeks');
    const byPhone = await staff.post(`/cases/${caseId}/follow-up/check-ins`, {
      pointId: first!.id,
      partyId: parties[1]!.id,
      source: 'phone',
      answer: 'kept',
      [`term_${term}`]: 'kept',
    });
    expect(byPhone.statusCode).toBe(303);

    const view = await h.deps.closing.followUp.ofCase(admin, caseId);
    expect(view.checkIns.map((c) => c.answers.map((a) => [a.termId, a.answer, a.note]))).toEqual([
      [
        [null, 'partly', null],
        [term, 'partly', 'Only one call so far'],
      ],
      [
        [null, 'kept', null],
        [term, 'kept', null],
      ],
    ]);
    const shown = pageText((await staff.get(`/cases/${caseId}/follow-up`)).body);
    expect(shown).toContain('Is the agreement being kept?: Partly');
    expect(shown).toContain('Call both households in two weeks: Partly kept – Only one call so far');
    expect(shown).toContain('Call both households in two weeks: Kept');

    const api = withKey(h, key);
    const got = (await api('GET', `/api/v1/cases/${caseId}/follow-ups`)).json();
    expect(got.terms).toEqual([{ id: term, text: 'Call both households in two weeks' }]);
    expect(got.checkIns[0].answers[1]).toEqual({ termId: term, term: 'Call both households in two weeks', answer: 'partly', note: 'Only one call so far' });
    // A term that is not in the signed agreement is refused with the reason.
    const stranger = await api('POST', `/api/v1/cases/${caseId}/follow-ups/check-ins`, {
      pointId: first!.id,
      partyId: parties[0]!.id,
      source: 'paper',
      answers: [{ answer: 'kept' }, { termId: '00000000-0000-4000-8000-000000000001', answer: 'kept' }],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.fields.answers).toContain('signed agreement');
  });

  it('refuses expired, unknown and other services’ links, and locks out an address that keeps trying', async () => {
    const { caseId } = await caseAtOutcome(h, orgId, admin, { description: 'Trees', names: ['Ida Ivy', 'Jo Juniper'] });
    await h.deps.cases.transition(admin, caseId, { to: 'follow_up' });
    h.clock.advance(15 * DAY);
    await h.deps.closing.followUp.sendLinksNow(admin, caseId);
    const [link] = await linksSentTo(h, orgId, 'ida.ivy@example.test', 'check-in');
    const visitor = new WebClient(h.app, { remoteAddress: '203.0.113.20' });
    expect((await visitor.get(link!.replace('/s/fup/', '/s/elsewhere/'))).statusCode).toBe(404);
    expect((await visitor.get('/s/fup/check-in/not-a-token')).statusCode).toBe(404);
    h.clock.advance(15 * DAY); // the service's links work for 14 days (set above)
    const expired = await visitor.get(link!);
    expect(expired.statusCode).toBe(409);
    expect(pageText(expired.body)).toContain('This link has expired');

    const guesser = new WebClient(h.app, { remoteAddress: '203.0.113.30' });
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await guesser.get(`/s/fup/check-in/${'A'.repeat(42)}${i % 10}`)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('conflict coaching', () => {
  it('lets a case go on with one party when it is changed to coaching, with coaching sessions and the outcome recorded the same way', async () => {
    const { makeCase, makeVolunteer } = await import('../support/volunteers.ts');
    const { holdSession } = await import('../support/meetings.ts');
    const { caseId } = await makeCase(h.deps, orgId, admin, { description: 'Coaching', parties: [{ name: 'Kim Kale' }, { name: 'Lee Lime' }] });
    const [kim, lee] = (await h.deps.cases.get(admin, caseId)).parties;
    await h.deps.caseActivity.recordConsent(admin, caseId, { partyId: kim!.id, status: 'given', method: 'verbal' });
    await h.deps.caseActivity.saveIntake(admin, caseId, { partyId: kim!.id, situationNow: 'Wants help with the neighbour' });
    await h.deps.caseActivity.recordConsent(admin, caseId, { partyId: lee!.id, status: 'withdrawn', method: 'verbal' });
    await expect(h.deps.cases.transition(admin, caseId, { to: 'ready' })).rejects.toThrow(/Ready needs at least two parties/);
    staff = await signIn(h, coordinator); // the clock has moved on past the earlier session's time-out
    const overview = await staff.get(`/cases/${caseId}`);
    expect(overview.statusCode, overview.body.slice(0, 300)).toBe(200);
    expect(pageText(overview.body)).toContain('How the case is worked');
    const noChoice = await staff.post(`/cases/${caseId}/pathway`, { reason: 'The neighbour will not take part' });
    expect(noChoice.statusCode).toBe(422);
    expect(errorSummary(noChoice.body)).toContain('Choose mediation or conflict coaching');
    expect(noChoice.body).toContain('The neighbour will not take part');
    expect((await staff.post(`/cases/${caseId}/pathway`, { pathway: 'coaching', reason: 'The neighbour will not take part' })).statusCode).toBe(303);
    await h.deps.cases.transition(admin, caseId, { to: 'ready' });
    const pair = [await makeVolunteer(h.deps, orgId, { name: 'Ned Coach' }), await makeVolunteer(h.deps, orgId, { name: 'Oli Coach' })];
    await h.deps.assignments.assign(admin, caseId, { mediatorIds: pair as [string, string] });
    await h.deps.cases.transition(admin, caseId, { to: 'mediation' });
    await holdSession(h.deps, orgId, caseId, { kind: 'joint' });
    await expect(h.deps.cases.transition(admin, caseId, { to: 'outcome', outcome: 'full_agreement' })).rejects.toThrow(
      /Outcome needs a conflict coaching session to have been held on the case/,
    );
    await holdSession(h.deps, orgId, caseId, { kind: 'coaching' });
    await h.deps.cases.transition(admin, caseId, { to: 'outcome', outcome: 'full_agreement' });
    await h.deps.cases.transition(admin, caseId, { to: 'closed', closingReason: 'coaching_completed' });
    expect((await h.deps.cases.get(admin, caseId)).case).toMatchObject({ pathway: 'coaching', status: 'closed', closingReason: 'coaching_completed' });
  });
});
