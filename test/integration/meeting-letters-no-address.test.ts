// A letter for someone on the case with neither an email nor a postal address: it is written, and waits in the outbox
// saying plainly that there is no address to post it to and what to do (add it on the People tab), on the page and in
// the API; "Mark as posted" is refused until then. The address added on the People tab reaches the letter, which can
// then be posted; an address taken away leaves a letter still to post without one again. Someone invited who is not
// on the case, with no email address, cannot be written to at all: no letter waits for ever, and they are named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { parties } from '#src/db/schema/cases.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { mailDoneKey } from '#src/features/meetings/records/meetings.routes.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, MEETINGS_NOW, makeVenue } from '../support/meetings.ts';
import { pageText } from '../support/page-text.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

const NED = { name: 'Ned Nowhere' };
const SAM = { name: 'Sam Example', email: 'sam@example.org' };
const IVY = { name: 'Ivy Interpreter' };
const NEW_HOME = { address: '3 Lantern Yard, Portside', postcode: 'PO2 2BB' };

let h: Harness;
let orgId: string;
let cora: WebClient;
let caseId: string;
let nedId: string;
let meetingId: string;

const letters = () =>
  inOrg(h.deps.db, orgId, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.channel, 'post'))),
  );
const nedsLetter = async (template = 'meeting_invitation') => (await letters()).find((l) => l.toName === NED.name && l.template === template)!;
const postedAudits = () =>
  asSystem(h.deps.db, (tx) =>
    tx
      .select({ entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'email.letter_posted'))),
  );
/** Ned's details on the People tab, with the address given. */
const editNed = (address: { address: string; postcode: string }) =>
  cora.post(`/cases/${caseId}/people/${nedId}/edit`, { role: 'party', name: NED.name, ...address, preferredLanguage: 'en', reason: '' });

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date(MEETINGS_NOW);
  ({ orgId } = await makeOrg(h.deps, 'noaddress', 'Lantern Mediation (fictional)'));
  const ada = await makeMember(h.deps, orgId, 'admin', 'ada@noaddress.example', { name: 'Ada Admin' });
  const coraMember = await makeMember(h.deps, orgId, 'coordinator', 'cora@noaddress.example', { name: 'Cora Coordinator' });
  const vera = await makeVolunteer(h.deps, orgId, { name: 'Vera Volunteer' });
  ({ caseId } = await makeCase(h.deps, orgId, actorFor(orgId, ada.userId, 'admin'), {
    description: 'A fence and a gate',
    parties: [{ name: NED.name }, { name: SAM.name }],
  }));
  await insertAssignment(h.deps, orgId, caseId, vera, { role: 'lead' });
  const rows = await inOrg(h.deps.db, orgId, (tx) => tx.select().from(parties).where(eq(parties.caseId, caseId)));
  nedId = rows.find((p) => p.name === NED.name)!.id;
  const samId = rows.find((p) => p.name === SAM.name)!.id;
  await inOrg(h.deps.db, orgId, (tx) => tx.update(parties).set({ email: SAM.email }).where(eq(parties.id, samId)));
  const { roomIds } = await makeVenue(h.deps, orgId, { name: 'Lantern Hall', rooms: ['Green Room'], address: '5 Lamp Street' });
  cora = await signIn(h, coraMember);
  await cora.get('/home');
  const form = pageText((await cora.get(`/cases/${caseId}/meetings/new`)).body);
  expect(form).toContain(`${NED.name} (Party) No email or postal address: the letter will wait in the outbox until you add their address on the People tab`);
  const res = await apiAs(h, cora)('POST', `/api/v1/cases/${caseId}/meetings`, {
    kind: 'joint',
    mode: 'in_person',
    place: 'venue',
    roomId: roomIds[0],
    start: '2026-12-15T10:00:00Z',
    durationMinutes: 90,
    volunteerIds: [vera],
    partyIds: [nedId, samId],
    others: [{ name: IVY.name }],
  });
  expect(res.statusCode, res.body).toBe(201);
  meetingId = res.json().meeting.id;
  expect(res.json()).toMatchObject({ lettersToPost: 1, lettersWithoutAddress: 1, notWritten: [], noAddress: [IVY.name] });
});
afterAll(() => h?.close());

describe('a letter with no address to post it to', () => {
  it('is written for the person on the case, linked to them, and for no one else without an address', async () => {
    const all = await letters();
    expect(all.map((l) => l.toName)).toEqual([NED.name]);
    expect(all[0]).toMatchObject({ status: 'to_post', postalAddress: null, partyId: nedId, meetingId });
    const meetingPage = pageText((await cora.get(`/cases/${caseId}/meetings/${meetingId}`)).body);
    expect(meetingPage).toContain(
      `${NED.name} No email or postal address: their letter waits in the outbox, and cannot be posted, until you add their address`,
    );
    expect(meetingPage).toContain(`${IVY.name} No email or postal address: no letter can be written, so tell them another way`);
  });

  it('says so in the outbox list and on its page, with what to do, and offers no "Mark as posted"', async () => {
    const list = pageText((await cora.get('/email?status=to_post')).body);
    expect(list).toContain('1 letter is waiting to be printed and posted');
    expect(list).toContain('1 of them has no address to post to yet');
    expect(list).toContain(`${NED.name}, by post: no address to post it to`);
    expect(list).toContain('No address');
    const letter = await nedsLetter();
    const page = await cora.get(`/email/${letter.id}`);
    const text = pageText(page.body);
    expect(text).toContain('There is no address to post this letter to. Add their address on the case’s People tab');
    expect(page.body).toContain(`href="/cases/${caseId}/people/${nedId}/edit"`);
    expect(text).not.toContain('Mark as posted');
  });

  it('says so in the API, and the API refuses to mark it posted (409), saying what to do', async () => {
    const api = apiAs(h, cora);
    const letter = await nedsLetter();
    const listed = (await api('GET', '/api/v1/email/outbox?status=to_post')).json().messages;
    expect(listed).toEqual([expect.objectContaining({ id: letter.id, postalAddress: null, noAddress: true })]);
    expect(listed[0].addressNotice).toContain('Add their address on the case’s People tab');
    const one = (await api('GET', `/api/v1/email/outbox/${letter.id}`)).json();
    expect(one).toMatchObject({ noAddress: true, addressNotice: expect.stringContaining('People tab') });
    const refused = await api('POST', `/api/v1/email/letters/${letter.id}/posted`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ reason: 'LETTER_HAS_NO_ADDRESS', message: expect.stringContaining('People tab') });
    expect((await nedsLetter()).status).toBe('to_post');
    expect(await postedAudits()).toEqual([]);
  });

  it('refuses "Mark as posted" from a page opened before, with the page again saying why', async () => {
    const letter = await nedsLetter();
    const res = await cora.post(`/email/letters/${letter.id}/posted`);
    expect(res.statusCode).toBe(409);
    expect(pageText(res.body)).toContain('There is a problem There is no address to post this letter to');
    expect((await nedsLetter()).status).toBe('to_post');
  });

  it('takes the address added on the People tab, and can then be posted', async () => {
    expect((await editNed(NEW_HOME)).statusCode).toBe(303);
    const letter = await nedsLetter();
    expect(letter.postalAddress).toBe('3 Lantern Yard\nPortside\nPO2 2BB');
    const one = (await apiAs(h, cora)('GET', `/api/v1/email/outbox/${letter.id}`)).json();
    expect(one).toMatchObject({ noAddress: false, addressNotice: null });
    const page = pageText((await cora.get(`/email/${letter.id}`)).body);
    expect(page).not.toContain('There is no address to post this letter to');
    expect(page).toContain('Mark as posted');
    expect((await cora.post(`/email/letters/${letter.id}/posted`)).statusCode).toBe(303);
    expect(await nedsLetter()).toMatchObject({ status: 'posted', postalAddress: '3 Lantern Yard\nPortside\nPO2 2BB' });
  });

  it('loses the address taken away from the case while still to post, but not once posted', async () => {
    const api = apiAs(h, cora);
    const moved = await api('POST', `/api/v1/cases/${caseId}/meetings/${meetingId}/reschedule`, {
      start: '2026-12-17T14:00:00Z',
      durationMinutes: 60,
      reason: 'The hall is needed',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ lettersToPost: 1, lettersWithoutAddress: 0 });
    expect((await nedsLetter('meeting_changed')).postalAddress).toBe('3 Lantern Yard\nPortside\nPO2 2BB');
    // A postcode alone is no address to post to.
    expect((await editNed({ address: '', postcode: NEW_HOME.postcode })).statusCode).toBe(303);
    const change = await nedsLetter('meeting_changed');
    expect(change).toMatchObject({ status: 'to_post', postalAddress: null });
    expect((await api('POST', `/api/v1/email/letters/${change.id}/posted`)).statusCode).toBe(409);
    expect((await nedsLetter()).postalAddress).toBe('3 Lantern Yard\nPortside\nPO2 2BB');
  });

  it('is withdrawn when the person asks for nothing to be posted to them, and cannot be posted then', async () => {
    const api = apiAs(h, cora);
    const res = await cora.post(`/cases/${caseId}/people/${nedId}/edit`, {
      role: 'party',
      name: NED.name,
      ...NEW_HOME,
      canSendLetters: 'no',
      preferredLanguage: 'en',
      reason: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${caseId}/people?done=lettersWithdrawn`);
    expect(pageText((await cora.get(res.headers.location as string)).body)).toContain(
      'Details saved. Their letters still to post have been withdrawn, so none will be posted to them.',
    );
    const change = await nedsLetter('meeting_changed');
    expect(change.status).toBe('withdrawn');
    expect((await nedsLetter()).status).toBe('posted');
    const page = pageText((await cora.get(`/email/${change.id}`)).body);
    expect(page).toContain('Letter withdrawn: the person asked for nothing to be posted to them');
    expect(page).not.toContain('Mark as posted');
    const refused = await api('POST', `/api/v1/email/letters/${change.id}/posted`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ reason: 'LETTER_WITHDRAWN' });
    expect((await nedsLetter('meeting_changed')).status).toBe('withdrawn');
    const timeline = pageText((await cora.get(`/cases/${caseId}/timeline`)).body);
    expect(timeline).toContain('1 letter still to post withdrawn');
    // Nothing more to withdraw: the API says none was.
    const again = await api('PATCH', `/api/v1/cases/${caseId}/parties/${nedId}`, { canSendLetters: false });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ changed: [], lettersWithdrawn: 0 });
  });

  it('tells staff after a booking, a move or a cancellation why a letter waits or was not written', async () => {
    expect(mailDoneKey('booked', { noLetters: [], noAddress: [], lettersWithoutAddress: 0 })).toBe('booked');
    expect(mailDoneKey('booked', { noLetters: [], noAddress: [], lettersWithoutAddress: 1 })).toBe('bookedNoAddress');
    const page = pageText((await cora.get(`/cases/${caseId}/meetings/${meetingId}?done=bookedNoAddress`)).body);
    expect(page).toContain('their letter waits in the outbox, and cannot be posted, until you add their address on the People tab.');
    expect(mailDoneKey('moved', { noLetters: [], noAddress: [IVY.name], lettersWithoutAddress: 1 })).toBe('movedNoLetters');
    expect(mailDoneKey('cancelled', { noLetters: ['Pat'], noAddress: [], lettersWithoutAddress: 0 })).toBe('cancelledNoLetters');
  });
});
