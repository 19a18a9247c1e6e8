// Invitations for people without an email address: booking a meeting puts a letter to post in the outbox for each
// of them (the same words as the email, to their address on the case), never for someone whose safe-contact
// instructions say no letters (the page and the API say so). The letter's PDF names the meeting's date and place
// and nobody else on the case; "Mark as posted" records who and when, audited; moving and cancelling make their letters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { parties } from '#src/db/schema/cases.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { organisations } from '#src/db/schema/organisations.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { pdfText } from '../support/agreements.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, MEETINGS_NOW, makeVenue } from '../support/meetings.ts';
import { pageText } from '../support/page-text.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

const NOOR = { name: 'Noor Nomail', address: '4 Harbour Row, Portside', postcode: 'PO1 1AA' };
const SAM = { name: 'Sam Example', email: 'sam@example.org', address: '9 Quiet Close', postcode: 'PO9 9ZZ' };
const PAT = { name: 'Pat Private', address: '12 Hidden Lane', postcode: 'PO7 7XX' };

let h: Harness;
let orgId: string;
let cora: WebClient;
let caseId: string;
let meetingId: string;
let book: Record<string, unknown>;

const letters = () =>
  inOrg(h.deps.db, orgId, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.channel, 'post'))),
  );

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date(MEETINGS_NOW);
  ({ orgId } = await makeOrg(h.deps, 'letters', 'Harbour Letters Mediation (fictional)'));
  await asSystem(h.deps.db, (tx) => tx.update(organisations).set({ phone: '01632 960001' }).where(eq(organisations.id, orgId)));
  const ada = await makeMember(h.deps, orgId, 'admin', 'ada@letters.example', { name: 'Ada Admin' });
  const coraMember = await makeMember(h.deps, orgId, 'coordinator', 'cora@letters.example', { name: 'Cora Coordinator' });
  const vera = await makeVolunteer(h.deps, orgId, { name: 'Vera Volunteer' });
  ({ caseId } = await makeCase(h.deps, orgId, actorFor(orgId, ada.userId, 'admin'), {
    description: 'Hedges and a shared drive',
    parties: [NOOR, SAM, PAT].map((p) => ({ name: p.name, address: p.address, postcode: p.postcode })),
  }));
  await insertAssignment(h.deps, orgId, caseId, vera, { role: 'lead' });
  const rows = await inOrg(h.deps.db, orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, caseId)));
  const partyId = (name: string) => rows.find((p) => p.name === name)!.id;
  await inOrg(h.deps.db, orgId, async (tx) => {
    await tx
      .update(parties)
      .set({ email: SAM.email })
      .where(eq(parties.id, partyId(SAM.name)));
    await tx
      .update(parties)
      .set({ canSendLetters: false })
      .where(eq(parties.id, partyId(PAT.name)));
  });
  const { roomIds } = await makeVenue(h.deps, orgId, { name: 'Quayside Centre', rooms: ['Blue Room'], address: '2 Quay Lane' });
  book = {
    kind: 'joint',
    mode: 'in_person',
    place: 'venue',
    roomId: roomIds[0],
    start: '2026-12-15T10:00:00Z',
    durationMinutes: 90,
    volunteerIds: [vera],
    partyIds: [partyId(NOOR.name), partyId(SAM.name), partyId(PAT.name)],
    others: [],
  };
  cora = await signIn(h, coraMember);
  await cora.get('/home');
});
afterAll(() => h?.close());

describe('booking with people who have no email address', () => {
  it('says on the booking form who will get a letter and who must not', async () => {
    const page = pageText((await cora.get(`/cases/${caseId}/meetings/new`)).body);
    expect(page).toContain(`${NOOR.name} (Party) No email address: a letter will be ready to print in the outbox`);
    expect(page).toContain(`${PAT.name} (Party) No email address, and their safe-contact instructions say no letters: tell them another way`);
    expect(page).not.toContain('tell them yourself');
  });

  it('puts one letter to post in the outbox, for Noor, and none for Pat, and says so', async () => {
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/meetings`, book);
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().meeting.id;
    expect(res.json()).toMatchObject({ emailsQueued: 2, lettersToPost: 1, notWritten: [PAT.name] });
    const all = await letters();
    expect(all.map((l) => l.toName)).toEqual([NOOR.name]);
    const noor = all.find((l) => l.toName === NOOR.name)!;
    expect(noor).toMatchObject({ status: 'to_post', template: 'meeting_invitation', postalAddress: '4 Harbour Row\nPortside\nPO1 1AA', caseId, meetingId });
    expect(noor.textBody).toContain('When: Tuesday 15 December 2026, 10:00 to 11:30');
    expect(noor.textBody).not.toMatch(/email|attached/i);
    const meetingPage = pageText((await cora.get(`/cases/${caseId}/meetings/${meetingId}`)).body);
    expect(meetingPage).toContain(`${NOOR.name} No email address: a letter to post is in the outbox`);
    expect(meetingPage).toContain(`${PAT.name} No email address, and their safe-contact instructions say no letters`);
  });

  it('lists the letters as "to post" in the outbox, with a link to the PDF, on the page and in the API', async () => {
    const page = (await cora.get('/email?status=to_post')).body;
    const text = pageText(page);
    expect(text).toContain('1 letter is waiting to be printed and posted');
    expect(text).toContain(`${NOOR.name}, by post: 4 Harbour Row, Portside, PO1 1AA`);
    expect(text).toContain('To post');
    expect(page).toMatch(/href="\/email\/letters\/[0-9a-f-]+\.pdf"/);
    const api = await apiAs(h, cora)('GET', '/api/v1/email/outbox?status=to_post');
    expect(api.statusCode).toBe(200);
    const listed = api.json().messages as { channel: string; status: string; toName: string; postalAddress: string | null }[];
    expect(listed).toHaveLength(1);
    expect(listed.every((m) => m.channel === 'post' && m.status === 'to_post')).toBe(true);
    expect(listed.find((m) => m.toName === NOOR.name)?.postalAddress).toBe('4 Harbour Row\nPortside\nPO1 1AA');
  });

  it('prints Noor’s letter with the meeting’s date and place and nobody else’s details', async () => {
    const noor = (await letters()).find((l) => l.toName === NOOR.name)!;
    const res = await cora.get(`/email/letters/${noor.id}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfText(res.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Harbour Letters Mediation (fictional)');
    expect(flat).toContain(`Dear ${NOOR.name}`);
    expect(flat).toContain('4 Harbour Row');
    expect(flat).toContain('PO1 1AA');
    expect(flat).toContain('Tuesday 15 December 2026, 10:00 to 11:30');
    expect(flat).toContain('Quayside Centre (Blue Room), 2 Quay Lane');
    expect(flat).toContain('01632 960001');
    for (const other of [SAM.name, SAM.email, SAM.address, PAT.name, PAT.address, 'Vera Volunteer']) expect(flat).not.toContain(other);
    const api = await apiAs(h, cora)('GET', `/api/v1/email/letters/${noor.id}.pdf`);
    expect(api.statusCode).toBe(200);
    expect(api.headers['content-type']).toContain('application/pdf');
  });

  it('marks a letter as posted, recording who and when, audited; a second time is refused', async () => {
    const noor = (await letters()).find((l) => l.toName === NOOR.name)!;
    await cora.get(`/email/${noor.id}`);
    const res = await cora.post(`/email/letters/${noor.id}/posted`);
    expect(res.statusCode).toBe(303);
    const after = (await letters()).find((l) => l.id === noor.id)!;
    expect(after).toMatchObject({ status: 'posted', postedBy: 'Cora Coordinator' });
    expect(after.postedAt!.getTime()).toBeGreaterThanOrEqual(MEETINGS_NOW.getTime());
    const audit = await asSystem(h.deps.db, (tx) =>
      tx
        .select({ actorLabel: auditEvents.actorLabel, entityId: auditEvents.entityId })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'email.letter_posted'))),
    );
    expect(audit).toEqual([{ actorLabel: 'Cora Coordinator', entityId: noor.id }]);
    const page = pageText((await cora.get(`/email/${noor.id}?done=posted`)).body);
    expect(page).toContain('The letter is marked as posted.');
    expect(page).toContain('by Cora Coordinator');
    expect(page).not.toContain('Mark as posted');
    const again = await apiAs(h, cora)('POST', `/api/v1/email/letters/${noor.id}/posted`);
    expect(again.statusCode).toBe(409);
  });

  it('makes the change and cancellation letters the same way, and marks one posted through the API', async () => {
    const api = apiAs(h, cora);
    const moved = await api('POST', `/api/v1/cases/${caseId}/meetings/${meetingId}/reschedule`, {
      start: '2026-12-17T14:00:00Z',
      durationMinutes: 60,
      reason: 'The room is needed',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ lettersToPost: 1, notWritten: [PAT.name] });
    const cancelled = await api('POST', `/api/v1/cases/${caseId}/meetings/${meetingId}/cancel`, { reason: 'Sam has moved away' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const noorLetters = (await letters()).filter((l) => l.toName === NOOR.name);
    expect(noorLetters.map((l) => l.template).sort()).toEqual(['meeting_cancelled', 'meeting_changed', 'meeting_invitation']);
    const change = noorLetters.find((l) => l.template === 'meeting_changed')!;
    expect(change.textBody).toContain('Thursday 17 December 2026, 14:00 to 15:00');
    expect(change.textBody).toContain('This letter replaces the one we sent before.');
    const posted = await api('POST', `/api/v1/email/letters/${change.id}/posted`);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ id: change.id, status: 'posted' });
    // An email is not a letter.
    const email = await inOrg(h.deps.db, orgId, (tx) =>
      tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.channel, 'email'))),
    );
    expect((await api('GET', `/api/v1/email/letters/${email[0]!.id}.pdf`)).statusCode).toBe(404);
  });

  it('lets staff record on the party that letters must not be sent', async () => {
    const rows = await inOrg(h.deps.db, orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, caseId)));
    const noorId = rows.find((p) => p.name === NOOR.name)!.id;
    await cora.get(`/cases/${caseId}/people/${noorId}/edit`);
    const res = await cora.post(`/cases/${caseId}/people/${noorId}/edit`, {
      role: 'party',
      name: NOOR.name,
      address: NOOR.address,
      postcode: NOOR.postcode,
      canSendLetters: 'no',
      preferredLanguage: 'en',
      reason: 'They asked us not to write',
    });
    expect(res.statusCode, pageText(res.body)).toBe(303);
    const after = await inOrg(h.deps.db, orgId, (tx) => tx.select({ canSendLetters: parties.canSendLetters }).from(parties).where(eq(parties.id, noorId)));
    expect(after[0]?.canSendLetters).toBe(false);
  });
});
