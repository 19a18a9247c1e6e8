// The calendars and the private feed. The coordinator's week and month views show every meeting of the service in
// London time, filtered by volunteer and venue, without a party's name; a mediator's own calendar shows only the
// meetings they take part in, whatever they ask for; the feed link is shown once, stored as a hash, read without
// signing in, parsed back by ical.js, and stops working when it is replaced or turned off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { and, eq } from '#src/db/orm.ts';
import { calendarFeeds } from '#src/db/schema/meetings.ts';
import { caseAssignments } from '#src/db/schema/volunteers.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { systemActor } from '#src/access/actor.ts';
import { hashToken } from '#src/lib/tokens.ts';
import { insertMeeting, insertVenue, parseFeed } from '../support/calendar-fixtures.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let cora: WebClient; // coordinator
let vera: WebClient; // mediator
let otto: WebClient; // another mediator
let vic: WebClient; // viewer
let vVera: string;
let vOtto: string;
let keyAdmin: string;
let keyOther: string;
let caseA: { caseId: string; reference: string };
let caseB: { caseId: string; reference: string };
let riverside: string;
let library: string;
const m: Record<string, string> = {};

const NOW = new Date('2026-03-18T10:00:00Z'); // Wednesday 18 March 2026, GMT
const PARTY_NAMES = ['Sam Patel', 'Jo Okafor', 'Priya Shah'];

const feedPath = (url: string) => new URL(url).pathname;
const fetchFeed = (path: string) => h.app.inject({ method: 'GET', url: path });

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date(NOW);
  ({ orgId } = await makeOrg(h.deps, 'cal', 'Calendar Test Mediation (fictional)'));
  const other = await makeOrg(h.deps, 'ocal', 'Other Calendar Mediation (fictional)');
  const adaM = await makeMember(h.deps, orgId, 'admin', 'ada@cal.example', { name: 'Ada Admin' });
  const veraM = await makeMember(h.deps, orgId, 'mediator', 'vera@cal.example', { name: 'Vera Testvolunteer' });
  const ottoM = await makeMember(h.deps, orgId, 'mediator', 'otto@cal.example', { name: 'Otto Othervolunteer' });
  const coraM = await makeMember(h.deps, orgId, 'coordinator', 'cora@cal.example', { name: 'Cora Coordinator' });
  const vicM = await makeMember(h.deps, orgId, 'viewer', 'vic@cal.example', { name: 'Vic Viewer' });
  const admin = actorFor(orgId, adaM.userId, 'admin', 'Ada Admin');
  vVera = await makeVolunteer(h.deps, orgId, { name: 'Vera Testvolunteer', userId: veraM.userId });
  vOtto = await makeVolunteer(h.deps, orgId, { name: 'Otto Othervolunteer', userId: ottoM.userId });
  caseA = await makeCase(h.deps, orgId, admin, { description: 'Hedge on Mill Lane', parties: [{ name: 'Sam Patel' }, { name: 'Jo Okafor' }] });
  caseB = await makeCase(h.deps, orgId, admin, { description: 'Noise on Quay Street', parties: [{ name: 'Priya Shah' }] });
  await insertAssignment(h.deps, orgId, caseA.caseId, vVera);
  await insertAssignment(h.deps, orgId, caseA.caseId, vOtto, { role: 'co' });
  await insertAssignment(h.deps, orgId, caseB.caseId, vOtto);
  const partiesA = (await h.deps.cases.get(admin, caseA.caseId)).parties;
  const partiesB = (await h.deps.cases.get(admin, caseB.caseId)).parties;
  const sam = partiesA.find((p) => p.name === 'Sam Patel')!;
  const jo = partiesA.find((p) => p.name === 'Jo Okafor')!;
  const priya = partiesB[0]!;
  const r = await insertVenue(h.deps, orgId, 'Riverside Community Centre', '1 Mill Lane\nExampletown');
  riverside = r.venueId;
  library = (await insertVenue(h.deps, orgId, 'Central Library', 'High Street, Exampletown')).venueId;
  const V = { id: vVera, name: 'Vera Testvolunteer' };
  const O = { id: vOtto, name: 'Otto Othervolunteer' };
  m.joint = await insertMeeting(h.deps, orgId, {
    caseId: caseA.caseId,
    kind: 'joint',
    venueId: riverside,
    roomId: r.roomId,
    starts: '2026-03-17T10:00:00Z',
    minutes: 90,
    sequence: 2,
    volunteers: [V, O],
    parties: [sam, jo],
  });
  m.ottoHome = await insertMeeting(h.deps, orgId, {
    caseId: caseB.caseId,
    kind: 'intake_visit',
    place: 'home',
    homePartyId: priya.id,
    starts: '2026-03-19T14:00:00Z',
    volunteers: [O],
    parties: [priya],
  });
  m.cancelledCall = await insertMeeting(h.deps, orgId, {
    caseId: caseA.caseId,
    kind: 'call',
    mode: 'phone',
    place: null,
    locationText: '07700 900123',
    starts: '2026-03-20T09:00:00Z',
    status: 'cancelled',
    sequence: 1,
    volunteers: [V],
    parties: [sam],
  });
  m.summer = await insertMeeting(h.deps, orgId, {
    caseId: caseA.caseId,
    kind: 'joint',
    venueId: library,
    starts: '2026-04-15T17:00:00Z',
    volunteers: [V],
    parties: [sam, jo],
  });
  m.veraHome = await insertMeeting(h.deps, orgId, {
    caseId: caseA.caseId,
    kind: 'intake_visit',
    place: 'home',
    homePartyId: sam.id,
    starts: '2026-03-24T10:00:00Z',
    volunteers: [V],
    parties: [sam],
  });
  m.held = await insertMeeting(h.deps, orgId, {
    caseId: caseA.caseId,
    kind: 'follow_up',
    mode: 'online',
    place: null,
    starts: '2026-03-02T10:00:00Z',
    status: 'held',
    volunteers: [V],
  });
  m.tooFar = await insertMeeting(h.deps, orgId, {
    caseId: caseA.caseId,
    kind: 'follow_up',
    mode: 'online',
    place: null,
    starts: '2027-06-01T10:00:00Z',
    volunteers: [V],
  });
  m.oldCancel = await insertMeeting(h.deps, orgId, {
    caseId: caseA.caseId,
    kind: 'coaching',
    mode: 'online',
    place: null,
    starts: '2026-03-03T10:00:00Z',
    status: 'cancelled',
    updatedAt: new Date('2026-01-10T10:00:00Z'),
    volunteers: [V],
  });
  cora = await signIn(h, coraM);
  vera = await signIn(h, veraM);
  otto = await signIn(h, ottoM);
  vic = await signIn(h, vicM);
  keyAdmin = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Calendar admin key', role: 'admin' }, systemActor('test'))).key;
  keyOther = (await h.deps.apiKeys.createForOrg(other.orgId, { name: 'Other admin key', role: 'admin' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

describe('the service’s calendar', () => {
  it('shows this week’s meetings per day in London time, linked to their pages, without party names', async () => {
    const res = await cora.get('/calendar');
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain('Week of Monday 16 March 2026');
    expect(page).toContain('Tuesday 17 March 2026 Time Meeting Where Mediators 10:00 to 11:30 Joint meeting');
    expect(page).toContain('Riverside Community Centre (Room 1) Otto Othervolunteer and Vera Testvolunteer');
    expect(page).toContain('Thursday 19 March 2026');
    expect(page).toContain('Home visit');
    expect(page).toContain('2 meetings.');
    expect(res.body).toContain(`href="/cases/${caseA.caseId}/meetings/${m.joint}"`);
    expect(res.body).toContain(`href="/cases/${caseB.caseId}/meetings/${m.ottoHome}"`);
    expect(res.body).not.toContain(m.cancelledCall);
    for (const name of PARTY_NAMES) expect(page).not.toContain(name);
    expect(page).not.toContain('07700 900123');
    expect(res.body).toContain('href="/venues"');
  });

  it('shows cancelled meetings when asked, and filters by volunteer and by venue with a plain GET form', async () => {
    const withCancelled = await cora.get('/calendar?view=week&date=2026-03-18&cancelled=show');
    expect(text(withCancelled.body)).toContain('Phone or video call');
    expect(text(withCancelled.body)).toContain('Cancelled');
    expect(withCancelled.body).toContain('name="cancelled" type="checkbox" value="show" checked');

    const veraOnly = await cora.get(`/calendar?view=week&date=2026-03-18&volunteerId=${vVera}`);
    expect(veraOnly.body).toContain(m.joint);
    expect(veraOnly.body).not.toContain(m.ottoHome);
    expect(veraOnly.body).toContain(`<option value="${vVera}" selected>`);
    // The previous and next links keep the filters.
    expect(veraOnly.body).toContain(`href="/calendar?view=week&amp;date=2026-03-09&amp;volunteerId=${vVera}"`);
    expect(veraOnly.body).toContain(`href="/calendar?view=week&amp;date=2026-03-23&amp;volunteerId=${vVera}"`);

    const atLibrary = await cora.get(`/calendar?view=week&date=2026-04-15&venueId=${library}`);
    expect(atLibrary.body).toContain(m.summer);
    const atRiverside = await cora.get(`/calendar?view=week&date=2026-03-18&venueId=${riverside}`);
    expect(atRiverside.body).toContain(m.joint);
    expect(atRiverside.body).not.toContain(m.ottoHome);
  });

  it('shows a month as a table of weeks, with summer meetings in BST', async () => {
    const res = await cora.get('/calendar?view=month&date=2026-04-01');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<caption class="govuk-table__caption govuk-table__caption--s">Meetings in April 2026, a week to each row</caption>');
    expect(res.body.match(/<th scope="col" class="govuk-table__header">/g)).toHaveLength(7);
    const cell = /<td class="govuk-table__cell">(?:(?!<td)[\s\S])*?Wednesday 15 April 2026[\s\S]*?<\/td>/.exec(res.body)?.[0] ?? '';
    expect(text(cell)).toContain('18:00 Joint meeting');
    expect(cell).toContain(`/meetings/${m.summer}`);
    expect(res.body).toContain('href="/calendar?view=month&amp;date=2026-03-01"');
    expect(res.body).toContain('href="/calendar?view=month&amp;date=2026-05-01"');
    expect(text(res.body)).toContain('1 meeting.');
  });

  it('is refused to mediators and viewers, falls back to this week for a bad query, and names a date that does not exist', async () => {
    expect((await vera.get('/calendar')).statusCode).toBe(403);
    expect((await vic.get('/calendar')).statusCode).toBe(403);
    const odd = await cora.get('/calendar?view=year&date=someday&volunteerId=nobody');
    expect(odd.statusCode).toBe(200);
    expect(text(odd.body)).toContain('Week of Monday 16 March 2026');
    // Refused at the edge, as every date that does not exist is (http/edge-input.ts), saying which.
    const impossible = await cora.get('/calendar?date=2026-02-30');
    expect(impossible.statusCode).toBe(422);
    expect(text(impossible.body)).toContain('Enter a real date');
  });
});

describe('a volunteer’s own calendar', () => {
  it('shows only the meetings they take part in, whatever they ask for', async () => {
    for (const url of ['/my/calendar', `/my/calendar?volunteerId=${vOtto}`, `/my/calendar?view=week&date=2026-03-18&volunteerId=${vOtto}&cancelled=show`]) {
      const res = await vera.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain(m.joint);
      expect(res.body, url).not.toContain(m.ottoHome);
      expect(res.body).not.toContain(caseB.reference);
      expect(res.body).not.toContain('name="volunteerId"');
    }
    const otto1 = await otto.get('/my/calendar');
    expect(otto1.body).toContain(m.joint);
    expect(otto1.body).toContain(m.ottoHome);
    expect(otto1.body).not.toContain(m.veraHome);
    const month = await otto.get('/my/calendar?view=month&date=2026-04-10');
    expect(month.body).not.toContain(m.summer);
    expect(text(month.body)).toContain('No meetings.');
  });

  it('shows the next meeting on the volunteer’s home page', async () => {
    const home = text((await vera.get('/my')).body);
    expect(home).toContain('My calendar');
    expect(home).toContain(`Next: Intake visit, Tuesday 24 March, 10:00 (${caseA.reference})`); // the 20 March call was cancelled
  });

  it('is under "My volunteering" and links to the calendar feed', async () => {
    const res = await vera.get('/my/calendar');
    expect(res.body).toContain('aria-current="page" href="/my/calendar"');
    expect(res.body).toContain('href="/my/calendar/feed"');
    expect((await cora.get('/my/calendar')).statusCode).toBe(403);
  });
});

describe('the private calendar feed', () => {
  let firstUrl: string;
  let secondUrl: string;

  it('makes a link shown once, stored only as its hash', async () => {
    const before = await vera.get('/my/calendar/feed');
    expect(text(before.body)).toContain('You do not have a calendar link.');
    const made = await vera.post('/my/calendar/feed');
    expect(made.statusCode).toBe(200);
    firstUrl = /id="calendar-link">([^<]+)</.exec(made.body)![1]!;
    expect(firstUrl).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(text(made.body)).toContain('Add calendar, then Subscribe from web');
    expect(text(made.body)).toContain('Other calendars, choose the plus sign, then From URL');
    const token = feedPath(firstUrl).slice('/calendar/'.length, -'.ics'.length);
    const rows = await asSystem(h.deps.db, (tx) => tx.select().from(calendarFeeds));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const after = await vera.get('/my/calendar/feed');
    expect(after.body).not.toContain(token);
    expect(text(after.body)).toContain('You have a calendar link');
  });

  it('serves the volunteer’s meetings without signing in, as iCalendar that ical.js reads back', async () => {
    const res = await fetchFeed(feedPath(firstUrl));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parseFeed(res.body);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([m.joint, m.cancelledCall, m.summer, m.veraHome, m.held].map((id) => `${id}@parley.test`).sort());
    const joint = byUid.get(`${m.joint}@parley.test`)!;
    expect(joint).toMatchObject({
      summary: `Joint meeting – ${caseA.reference}`,
      location: 'Riverside Community Centre (Room 1), 1 Mill Lane, Exampletown',
      start: '2026-03-17T10:00:00.000Z',
      sequence: 2,
      status: 'CONFIRMED',
      url: `http://localhost:3000/cases/${caseA.caseId}/meetings/${m.joint}`,
    });
    expect(byUid.get(`${m.summer}@parley.test`)!.start).toBe('2026-04-15T17:00:00.000Z');
    expect(byUid.get(`${m.cancelledCall}@parley.test`)).toMatchObject({ status: 'CANCELLED', sequence: 1, location: 'By phone – details in Parley' });
    expect(byUid.get(`${m.veraHome}@parley.test`)!.location).toBe('Home visit – address in Parley');
    expect(byUid.get(`${m.held}@parley.test`)!.location).toBe('Online – join from the meeting page in Parley');
    for (const secret of [...PARTY_NAMES, '07700 900123', 'someone@example.org', 'Hedge on Mill Lane', 'Otto Othervolunteer'])
      expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain(caseB.reference);
  });

  it('records its use at most once a minute', async () => {
    const lastUsed = async () => (await asSystem(h.deps.db, (tx) => tx.select().from(calendarFeeds)))[0]!.lastUsedAt?.toISOString();
    const first = await lastUsed();
    expect(first).toBeDefined();
    h.clock.advance(30_000);
    await fetchFeed(feedPath(firstUrl));
    expect(await lastUsed()).toBe(first);
    h.clock.advance(60_000);
    await fetchFeed(feedPath(firstUrl));
    expect(await lastUsed()).toBe(h.clock.now().toISOString());
    const { rows } = await inOrg(h.deps.db, orgId, (tx) => searchEvents(tx, { orgId, action: 'calendar_feed.read' }, 50, 0));
    expect(rows).toHaveLength(2);
  });

  it('stops the old link when a new one is made, and answers every dead link the same way', async () => {
    await vera.get('/my/calendar/feed');
    const made = await vera.post('/my/calendar/feed');
    secondUrl = /id="calendar-link">([^<]+)</.exec(made.body)![1]!;
    expect(secondUrl).not.toBe(firstUrl);
    const old = await fetchFeed(feedPath(firstUrl));
    const unknown = await fetchFeed(`/calendar/${'A'.repeat(43)}.ics`);
    const malformed = await fetchFeed('/calendar/nonsense.ics');
    for (const res of [old, unknown, malformed]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(old.body);
      expect(res.headers['content-type']).toBe(old.headers['content-type']);
    }
    expect((await fetchFeed(feedPath(secondUrl))).statusCode).toBe(200);
  });

  it('can be turned off by the volunteer', async () => {
    await vera.get('/my/calendar/feed');
    const off = await vera.post('/my/calendar/feed/off');
    expect(off.headers.location).toBe('/my/calendar/feed?done=off');
    expect((await fetchFeed(feedPath(secondUrl))).statusCode).toBe(404);
    expect(text((await vera.get('/my/calendar/feed')).body)).toContain('You do not have a calendar link.');
  });

  it('can be turned off by a coordinator, from the volunteer’s record or the API', async () => {
    await vera.get('/my/calendar/feed');
    const url = /id="calendar-link">([^<]+)</.exec((await vera.post('/my/calendar/feed')).body)![1]!;
    const record = await cora.get(`/volunteers/${vVera}`);
    expect(record.body).toContain(`href="/volunteers/${vVera}/calendar-feed"`);
    const page = await cora.get(`/volunteers/${vVera}/calendar-feed`);
    expect(text(page.body)).toContain('They have a calendar link');
    const revoked = await cora.post(`/volunteers/${vVera}/calendar-feed/revoke`);
    expect(revoked.headers.location).toBe(`/volunteers/${vVera}/calendar-feed?done=revoked`);
    expect((await fetchFeed(feedPath(url))).statusCode).toBe(404);

    await vera.get('/my/calendar/feed');
    const again = /id="calendar-link">([^<]+)</.exec((await vera.post('/my/calendar/feed')).body)![1]!;
    const apiUrl = `/api/v1/volunteers/${vVera}/calendar-feed/revoke`;
    expect((await h.app.inject({ method: 'POST', url: apiUrl, headers: { authorization: `Bearer ${keyOther}` } })).statusCode).toBe(404);
    expect((await fetchFeed(feedPath(again))).statusCode).toBe(200);
    const byKey = await h.app.inject({ method: 'POST', url: apiUrl, headers: { authorization: `Bearer ${keyAdmin}` } });
    expect(byKey.json()).toEqual({ revoked: true });
    expect((await fetchFeed(feedPath(again))).statusCode).toBe(404);
    const none = await h.app.inject({ method: 'POST', url: apiUrl, headers: { authorization: `Bearer ${keyAdmin}` } });
    expect(none.json()).toEqual({ revoked: false });

    expect((await otto.get(`/volunteers/${vVera}/calendar-feed`)).statusCode).toBe(403);
    const { rows } = await inOrg(h.deps.db, orgId, (tx) => searchEvents(tx, { orgId, action: 'calendar_feed.', entity: vVera }, 50, 0));
    const actions = rows.map((e) => e.action);
    expect(actions.filter((a) => a === 'calendar_feed.created')).toHaveLength(4);
    expect(actions.filter((a) => a === 'calendar_feed.revoked')).toHaveLength(3);
  });
});

describe('a volunteer taken off a case', () => {
  it('keeps its past meetings in their feed, and sees its coming ones there as cancelled', async () => {
    await vera.get('/my/calendar/feed');
    const url = /id="calendar-link">([^<]+)</.exec((await vera.post('/my/calendar/feed')).body)![1]!;
    await inOrg(h.deps.db, orgId, (tx) =>
      tx
        .update(caseAssignments)
        .set({ endedAt: h.clock.now(), endedReason: 'Moved to another case' })
        .where(and(eq(caseAssignments.caseId, caseA.caseId), eq(caseAssignments.volunteerId, vVera))),
    );
    const byUid = new Map(parseFeed((await fetchFeed(feedPath(url))).body).map((e) => [e.uid, e]));
    expect(byUid.get(`${m.joint}@parley.test`)!.status).toBe('CONFIRMED');
    expect(byUid.get(`${m.summer}@parley.test`)!.status).toBe('CANCELLED');
    expect(byUid.get(`${m.veraHome}@parley.test`)!.status).toBe('CANCELLED');
  });
});
