// Answering a subject access request (rules.md #55): the request's pages, finding the person across the service's
// cases, and the ZIP of their data — unzipped and searched: it holds the person's own records and statements and
// none of the other people's names, contact details or statements; each archive made is audited.
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { caseEvents, parties } from '#src/db/schema/cases.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, jointMeeting, type MeetingsWorld, meetingsWorld, pageText } from '../support/meetings.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
let ada: WebClient;
let requestId: string;

const ALEX = {
  phone: '07700 900222',
  postcode: 'ZZ2 2BB',
  address: '7 Marigold Row, Exampleton',
  intake: 'ALEX-INTAKE I have recorded the noise every night',
  statement: 'ALEX-STATEMENT I will not pay for the fence',
  note: 'ALEX-NOTE private to their side',
};
const SAM = { phone: '07700 900111', intake: 'SAM-INTAKE the music stops at eleven', statement: 'SAM-STATEMENT I would like the hedge trimmed' };

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'sar');
  await inOrg(h.deps.db, w.orgId, async (tx) => {
    await tx
      .update(parties)
      .set({ emailNorm: 'sam@example.org', phone: SAM.phone, phoneNorm: '07700900111', postcode: 'ZZ1 1AA', postcodeNorm: 'ZZ11AA' })
      .where(eq(parties.id, w.parties.sam));
    await tx
      .update(parties)
      .set({
        emailNorm: 'alex@example.org',
        phone: ALEX.phone,
        phoneNorm: '07700900222',
        postcode: ALEX.postcode,
        postcodeNorm: 'ZZ22BB',
        address: ALEX.address,
      })
      .where(eq(parties.id, w.parties.alex));
  });
  const act = h.deps.caseActivity;
  await act.saveIntake(w.admin, w.caseId, { partyId: w.parties.sam, situationNow: SAM.intake });
  await act.saveIntake(w.admin, w.caseId, { partyId: w.parties.alex, situationNow: ALEX.intake });
  await act.addNote(w.admin, w.caseId, { body: 'Spoke to Sam Example; Alex Example can be reached on 07700900222 or alex@example.org' });
  await act.addNote(w.admin, w.caseId, { body: ALEX.note, partyId: w.parties.alex });
  await act.addNote(w.admin, w.caseId, { body: 'RESTRICTED-NOTE for safeguarding leads', restricted: true });
  const cora = await w.signIn(w.members.cora);
  await cora.get('/home');
  const booked = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, jointMeeting(w, { kind: 'shuttle' }));
  const meetingId = booked.json().meeting.id as string;
  await h.deps.meetings.shuttle.recordStatement(w.coordinator, w.caseId, meetingId, { partyId: w.parties.sam, statement: SAM.statement, permission: 'yes' });
  await h.deps.meetings.shuttle.recordStatement(w.coordinator, w.caseId, meetingId, { partyId: w.parties.alex, statement: ALEX.statement, permission: 'no' });
  ada = await w.signIn(w.members.ada);
});
afterAll(() => h?.close());

describe('the requests register’s pages', () => {
  it('records a request with its due date one calendar month on, past Christmas to a working day', async () => {
    await ada.get('/data-protection/requests/new');
    const bad = await ada.post('/data-protection/requests', {
      kind: 'access',
      requesterName: 'Sam Example',
      'receivedOn-day': '30',
      'receivedOn-month': '2',
      'receivedOn-year': '2026',
    });
    expect(bad.statusCode).toBe(422);
    expect(pageText(bad.body)).toContain('must be a real date');
    expect(bad.body).toContain('value="Sam Example"');
    const made = await ada.post('/data-protection/requests', {
      kind: 'access',
      requesterName: 'Sam Example',
      requesterContact: 'sam@example.org',
      'receivedOn-day': '25',
      'receivedOn-month': '11',
      'receivedOn-year': '2026',
    });
    expect(made.statusCode).toBe(303);
    requestId = /requests\/([0-9a-f-]{36})/.exec(made.headers.location as string)![1]!;
    const page = pageText((await ada.get(made.headers.location as string)).body);
    expect(page).toContain('29 December 2026');
    expect(pageText((await ada.get('/data-protection')).body)).toContain('Sam Example');
    expect(pageText((await ada.get('/data-protection/requests')).body)).toContain('29 December 2026');
  });

  it('extends once with the reason, to three months from the start on a working day', async () => {
    await ada.get(`/data-protection/requests/${requestId}`);
    const none = await ada.post(`/data-protection/requests/${requestId}`, { action: 'extend', reason: '' });
    expect(none.statusCode).toBe(422);
    expect(pageText(none.body)).toContain('Say why the request needs two more months');
    const done = await ada.post(`/data-protection/requests/${requestId}`, { action: 'extend', reason: 'Records on several cases' });
    expect(done.statusCode).toBe(303);
    const page = pageText((await ada.get(`/data-protection/requests/${requestId}`)).body);
    expect(page).toContain('25 February 2027');
    expect(page).toContain('Records on several cases');
  });
});

describe('the person’s data', () => {
  let text = '';
  let files: Record<string, Uint8Array> = {};

  it('finds the person by email and downloads their records as a ZIP', async () => {
    const found = await ada.get(`/data-protection/requests/${requestId}?q=sam%40example.org`);
    expect(pageText(found.body)).toContain(w.reference);
    const none = await ada.post(`/data-protection/requests/${requestId}/archive`, { q: 'sam@example.org' });
    expect(none.statusCode).toBe(422);
    expect(pageText(none.body)).toContain('Choose the person’s records to include');
    const res = await ada.post(`/data-protection/requests/${requestId}/archive`, { q: 'sam@example.org', partyId: w.parties.sam });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['data.json', 'summary.html']);
    text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
  });

  it('holds the person’s own details, statements, intake and appointments', () => {
    const data = JSON.parse(strFromU8(files['data.json']!));
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0].party).toMatchObject({ name: 'Sam Example', email: 'sam@example.org', phone: SAM.phone });
    expect(data.cases[0].appointments.length).toBeGreaterThan(0);
    for (const own of [SAM.intake, SAM.statement, 'Sam Example', w.reference]) expect(text).toContain(own);
    // The case-wide note is there, with the other person taken out of it.
    expect(text).toContain('Spoke to Sam Example; [redacted] can be reached on [redacted] or [redacted]');
  });

  it('holds none of the other people’s names, contact details or statements', () => {
    const gone = [
      'Alex',
      'alex@example.org',
      '900222',
      '900 222',
      'ZZ2',
      'Marigold',
      ALEX.intake,
      ALEX.statement,
      ALEX.note,
      'RESTRICTED-NOTE',
      'Kit Supporter',
      'Wren',
    ];
    for (const word of gone) expect(text, word).not.toContain(word);
    expect(text.toLowerCase()).not.toContain('alex');
  });

  it('gives the same through the API, and audits each archive made', async () => {
    const cora = await w.signIn(w.members.cora);
    await cora.get('/home');
    const res = await apiAs(h, cora)('GET', `/api/v1/data-protection/requests/${requestId}/archive?partyId=${w.parties.sam}`);
    expect(res.statusCode).toBe(200);
    const viaApi = Object.values(unzipSync(new Uint8Array(res.rawPayload)))
      .map((f) => strFromU8(f))
      .join('\n');
    expect(viaApi).toContain(SAM.statement);
    expect(viaApi.toLowerCase()).not.toContain('alex');
    const audited = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'subject_access.archive_made'), eq(auditEvents.entityId, requestId))),
    );
    expect(audited).toHaveLength(2);
    expect(JSON.stringify(audited)).not.toContain('Sam Example');
  });
});

describe('a note marked as about other people', () => {
  it('is a choice on the note form, and shows its tag on the timeline', async () => {
    const cora = await w.signIn(w.members.cora);
    const form = await cora.get(`/cases/${w.caseId}/timeline`);
    expect(form.body).toMatch(/<input[^>]+name="thirdParty"[^>]+value="yes"/);
    expect(pageText(form.body)).toContain('This note is about other people');
    expect(pageText(form.body)).toContain('It is left out when someone asks for a copy of their data');
    expect(pageText(form.body)).not.toContain('About other people');
    const res = await cora.post(`/cases/${w.caseId}/notes`, { body: 'PAGE-THIRD-PARTY what the neighbour said', visibility: 'team', thirdParty: 'yes' });
    expect(res.statusCode).toBe(303);
    const timeline = pageText((await cora.get(`/cases/${w.caseId}/timeline`)).body);
    expect(timeline).toMatch(/About other people[\s\S]*PAGE-THIRD-PARTY/);
    const audited = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'note.added'), eq(auditEvents.entityId, w.caseId))),
    );
    expect(audited.some((a) => (a.detail as { thirdParty?: boolean } | null)?.thirdParty === true)).toBe(true);
  });

  it('can be added through the API with thirdParty, and is left out of the archive', async () => {
    const cora = await w.signIn(w.members.cora);
    await cora.get('/home');
    const api = apiAs(h, cora);
    const added = await api('POST', `/api/v1/cases/${w.caseId}/notes`, { body: 'API-THIRD-PARTY a cousin’s worries', thirdParty: true });
    expect(added.statusCode).toBeLessThan(300);
    const [event] = await inOrg(h.deps.db, w.orgId, (tx) =>
      tx
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, w.caseId), eq(caseEvents.body, 'API-THIRD-PARTY a cousin’s worries'))),
    );
    expect(event?.data).toEqual({ thirdParty: true });
    const res = await api('GET', `/api/v1/data-protection/requests/${requestId}/archive?partyId=${w.parties.sam}`);
    const archive = Object.values(unzipSync(new Uint8Array(res.rawPayload)))
      .map((f) => strFromU8(f))
      .join('\n');
    expect(archive).not.toContain('API-THIRD-PARTY');
    expect(archive).not.toContain('PAGE-THIRD-PARTY');
    expect(archive).toContain('2 notes that staff marked as about other people were left out.');
  });
});
