// Letters between the parties of an RJ case: vetted by both facilitators, passed on only when approved and when the
// contact gate allows indirect contact, and the recipient's copy (page, print view and API) never shows the sender's
// address, contact details or what the facilitators removed. Every step is on the timeline, never the letter's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { caseEvents } from '#src/db/schema/cases.ts';
import { inOrg } from '#src/db/tenant.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText } from '../support/meetings.ts';
import { readyForContact, type RjWorld, rjWorld } from '../support/rj.ts';
import type { WebClient } from '../support/web-client.ts';

const LETTER = 'I am sorry for breaking into the shop on Mill Lane. Please write to me at 14 Example Road, TE1 2ST. My cousin Dee was there too.';

let h: Harness;
let w: RjWorld;
let vera: WebClient;
let leo: WebClient;
let cora: WebClient;
let letterId: string;

beforeAll(async () => {
  h = await startHarness();
  w = await rjWorld(h, 'rjl');
  vera = await w.signIn(w.members.vera);
  leo = await w.signIn(w.members.leo);
  cora = await w.signIn(w.members.cora);
  for (const web of [vera, leo, cora]) await web.get('/home');
});
afterAll(() => h?.close());

const api = (web: WebClient) => apiAs(h, web);
const letters = async () => (await api(vera)('GET', `/api/v1/cases/${w.caseId}/rj/letters`)).json().letters;

describe('vetting a letter', () => {
  it('records a letter typed for a party, waiting for vetting', async () => {
    const res = await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters`, { fromPartyId: w.parties.hana, toPartyId: w.parties.pat, body: LETTER });
    expect(res.statusCode).toBe(200);
    letterId = res.json().id;
    expect((await letters())[0].status).toBe('awaiting_vetting');
  });

  it('refuses a letter back to its writer, and to someone not taking part', async () => {
    const self = await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters`, { fromPartyId: w.parties.hana, toPartyId: w.parties.hana, body: 'x' });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.fields.toPartyId).toMatch(/not back to the person who wrote it/);
    const supporter = await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters`, { fromPartyId: w.parties.hana, toPartyId: w.parties.sid, body: 'x' });
    expect(supporter.json().error.fields.toPartyId).toMatch(/someone taking part/);
  });

  it('is vetted only by the two facilitators assigned to the case: anyone else is refused with the reason, page and API', async () => {
    const res = await api(cora)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'approve' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ reason: 'NOT_CASE_FACILITATOR', message: 'Only the two facilitators assigned to this case vet its letters' });
    const tab = await cora.get(`/cases/${w.caseId}/rj`);
    expect(pageText(tab.body)).toContain('Letters on this case are vetted by Vera Facilitator and Leo Facilitator.');
    expect(pageText(tab.body)).toContain('Only the two facilitators assigned to this case vet its letters');
    expect(tab.body).not.toContain(`/rj/letters/${letterId}/reviews`);
    const form = await cora.post(`/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'approve' });
    expect(form.statusCode).toBe(403);
    expect(pageText(form.body)).toContain('Only the two facilitators assigned to this case vet its letters');
    expect((await letters())[0].reviews).toEqual([]);
  });

  it('asks for a note with a request for changes, and waits for a revision', async () => {
    const bare = await api(leo)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'changes' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.fields.note).toBe('Say what needs to change');
    await api(leo)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'changes', note: 'Leave out your cousin' });
    expect((await letters())[0].status).toBe('changes_asked');
    const early = await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'approve' });
    expect(early.statusCode).toBe(409);
    await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/revise`, { body: LETTER.replace(' My cousin Dee was there too.', '') });
    expect((await letters())[0]).toMatchObject({ status: 'awaiting_vetting', version: 2 });
  });

  it('needs both facilitators’ approval: one approving twice is not enough', async () => {
    await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'approve', redactions: ['Mill Lane'] });
    const twice = await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'approve' });
    expect(twice.statusCode).toBe(409);
    const pass = await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/pass`);
    expect(pass.json().error.message).toBe('A letter is passed on only once both facilitators have approved it');
    await api(leo)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/reviews`, { decision: 'approve' });
    expect((await letters())[0].status).toBe('approved');
  });

  it('is not passed on until both participants’ assessments allow indirect contact, saying whose does not', async () => {
    const pass = await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/pass`);
    expect(pass.statusCode).toBe(422);
    expect(pass.json().error.reason).toBe('CONTACT_GATE');
    expect(pass.json().error.message).toContain('Hana Harmed’s suitability has not been recorded yet');
    await readyForContact(h, w, w.parties.hana, 'indirect');
    await readyForContact(h, w, w.parties.pat, 'indirect');
    expect((await api(vera)('POST', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/pass`)).statusCode).toBe(200);
    expect((await letters())[0].status).toBe('passed');
  });
});

describe('the recipient’s copy', () => {
  const hidden = ['14 Example Road', 'TE1 2ST', 'Mill Lane', 'cousin Dee'];

  it('never shows the address or what was removed, in the API, the page or the print view', async () => {
    const copy = (await api(vera)('GET', `/api/v1/cases/${w.caseId}/rj/letters/${letterId}/copy`)).json();
    expect(copy.text).toContain('I am sorry for breaking into the shop on [removed by the facilitators]');
    const listed = (await letters())[0].recipientCopy;
    const print = pageText((await vera.get(`/cases/${w.caseId}/rj/letters/${letterId}/copy`)).body);
    for (const text of [copy.text, listed, print]) for (const secret of hidden) expect(text).not.toContain(secret);
  });

  it('puts every step on the timeline and in the audit trail, never the letter’s words', async () => {
    const events = await inOrg(h.deps.db, w.orgId, (tx) =>
      tx
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, w.caseId), eq(caseEvents.kind, 'restorative'))),
    );
    const summaries = events.map((e) => e.summary).join('\n');
    expect(summaries).toContain('Letter from Hana Harmed to Pat Harmer received');
    expect(summaries).toContain('Leo Facilitator asked for changes to the letter from Hana Harmed');
    expect(summaries).toContain('Letter from Hana Harmed passed on to Pat Harmer');
    for (const e of events) expect(`${e.summary} ${e.body ?? ''} ${JSON.stringify(e.data)}`).not.toContain('Example Road');
    const audited = await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.entityId, letterId)));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['rj.letter_written', 'rj.letter_changes', 'rj.letter_revised', 'rj.letter_approve', 'rj.letter_passed']),
    );
  });
});
