// Requests for a further meeting: recorded on a case by the case team (a party, the referrer or a mediator asked),
// sent by a referrer's API key for a case that came from its referral (and refused for any other case), listed in
// the coordinators' queue and counted on their home page, booked from the queue (the request is then marked booked)
// or declined with a reason, all on the timeline; pages and API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, jointMeeting, type MeetingsWorld, meetingsWorld, pageText, withKey } from '../support/meetings.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
let cora: WebClient;
let vera: WebClient;
let otto: WebClient;
let bo: WebClient;
let referrerKey: string;
let otherReferrerKey: string;
let referredCaseId: string;
let newUrl: string;

const openRequests = async () =>
  (await apiAs(h, cora)('GET', '/api/v1/meeting-requests?status=open')).json().requests as {
    id: string;
    requesterName: string;
    caseId: string;
    requestedBy: string;
    status: string;
  }[];

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'mreq');
  cora = await w.signIn(w.members.cora);
  vera = await w.signIn(w.members.vera);
  otto = await w.signIn(w.members.otto);
  bo = await w.signIn(w.members.bo);
  for (const web of [cora, vera, otto, bo]) await web.get('/home');
  newUrl = `/cases/${w.caseId}/meetings/requests/new`;
  referrerKey = (await h.deps.apiKeys.createForOrg(w.orgId, { name: 'Housing referrals (fictional)', role: 'referrer' }, systemActor('test'))).key;
  otherReferrerKey = (await h.deps.apiKeys.createForOrg(w.orgId, { name: 'Another referrer', role: 'referrer' }, systemActor('test'))).key;
  const sent = await withKey(h, referrerKey)('POST', '/api/v1/referrals', {
    caseType: 'community',
    description: 'Hedge dispute referred by the housing officer',
    consentToContact: true,
    personAgreed: true,
    referrer: { organisation: 'Harbour Housing (fictional)', role: 'Housing officer', name: 'Rae Referrer', email: 'rae@housing.example' },
    parties: [{ name: 'Hana Hedge', role: 'party' }],
  });
  expect(sent.statusCode).toBe(201);
  const { rows } = await h.deps.referrals.list(w.admin, { status: 'new' });
  referredCaseId = (await h.deps.referrals.accept(w.admin, rows.find((r) => r.description.startsWith('Hedge'))!.id)).caseId;
});
afterAll(() => h?.close());

describe('recording a request on a case', () => {
  it('explains what is missing, keeping what was typed', async () => {
    await vera.get(newUrl);
    const res = await vera.post(newUrl, { requestedBy: 'party', partyId: '', kind: 'joint', reason: '', preferredTimes: 'Weekday evenings' });
    expect(res.statusCode).toBe(422);
    const page = pageText(res.body);
    expect(page).toContain('Say why a meeting is wanted');
    expect(res.body).toContain('Weekday evenings');
    const noParty = await vera.post(newUrl, { requestedBy: 'party', partyId: '', kind: 'joint', reason: 'To agree the fence' });
    expect(pageText(noParty.body)).toContain('Choose which person asked');
  });

  it('lets a mediator on the case record that a party asked; it is on the case and the timeline', async () => {
    await vera.get(newUrl);
    const res = await vera.post(newUrl, {
      requestedBy: 'party',
      partyId: w.parties.alex,
      kind: 'joint',
      reason: 'Alex wants to agree the fence',
      preferredTimes: 'Weekday evenings',
    });
    expect(res.statusCode).toBe(303);
    const tab = pageText((await vera.get(res.headers.location!)).body);
    expect(tab).toContain('Request for a further meeting recorded.');
    expect(tab).toContain('Joint meeting – asked for by Alex Example (A party)');
    expect(pageText((await vera.get(`/cases/${w.caseId}/timeline`)).body)).toContain('Alex Example asked for a further meeting (joint meeting)');
  });

  it('refuses a mediator not on the case, and another service', async () => {
    expect((await otto.get(newUrl)).statusCode).toBe(403);
    const body = { requestedBy: 'mediator', kind: 'joint', reason: 'x' };
    expect((await apiAs(h, otto)('POST', `/api/v1/cases/${w.caseId}/meeting-requests`, body)).statusCode).toBe(403);
    expect((await apiAs(h, bo)('POST', `/api/v1/cases/${w.caseId}/meeting-requests`, body)).statusCode).toBe(404);
    expect((await bo.get(newUrl)).statusCode).toBe(404);
  });
});

describe('a referrer’s API key', () => {
  it('may ask for a further meeting on a case that came from its referral, recorded as the referrer', async () => {
    h.clock.advance(60_000); // a minute after the party's request, so the queue's order is clear
    const res = await withKey(h, referrerKey)('POST', `/api/v1/cases/${referredCaseId}/meeting-requests`, {
      kind: 'joint',
      reason: 'The tenant asked me for another meeting',
      preferredTimes: 'Mornings',
    });
    expect(res.statusCode).toBe(201);
    // A party's own request on the same case is not the referrer's to read.
    const partyId = (await h.deps.cases.get(w.admin, referredCaseId)).parties[0]!.id;
    await h.deps.meetings.requests.create(w.admin, referredCaseId, { requestedBy: 'party', partyId, kind: 'joint', reason: 'Party private reason' });
    const mine = await withKey(h, referrerKey)('GET', `/api/v1/cases/${referredCaseId}/meeting-requests`);
    expect(mine.json().requests).toEqual([expect.objectContaining({ requestedBy: 'referrer', requesterName: 'Rae Referrer', status: 'open' })]);
    expect(mine.body).not.toContain('Party private reason');
  });

  it('is refused (404) for any other case, and another referrer’s key is refused for this one', async () => {
    const body = { kind: 'joint', reason: 'x' };
    expect((await withKey(h, referrerKey)('POST', `/api/v1/cases/${w.caseId}/meeting-requests`, body)).statusCode).toBe(404);
    expect((await withKey(h, otherReferrerKey)('POST', `/api/v1/cases/${referredCaseId}/meeting-requests`, body)).statusCode).toBe(404);
    expect((await withKey(h, referrerKey)('GET', `/api/v1/cases/${referredCaseId}/meetings`)).statusCode).toBe(403);
    expect((await withKey(h, referrerKey)('GET', '/api/v1/meeting-requests')).statusCode).toBe(403);
  });
});

describe('the coordinators’ queue', () => {
  it('lists open requests oldest first, with case links, and counts them on the home page', async () => {
    const queue = pageText((await cora.get('/meetings/requests')).body);
    expect(queue).toContain('Open requests, oldest first');
    expect(queue.indexOf('Alex Example')).toBeLessThan(queue.indexOf('Rae Referrer'));
    expect(queue).toContain(w.reference);
    const home = pageText((await cora.get('/home')).body);
    expect(home).toContain('Requests for a further meeting');
    expect(home).toContain(`${w.reference}: joint meeting asked for by Alex Example`);
    expect((await vera.get('/meetings/requests')).statusCode).toBe(403);
  });

  it('books a meeting for a request from the booking form, which marks the request booked', async () => {
    const request = (await openRequests()).find((r) => r.requesterName === 'Alex Example')!;
    const form = await cora.get(`/cases/${w.caseId}/meetings/new?requestId=${request.id}&kind=joint`);
    expect(pageText(form.body)).toContain('This books the joint meeting Alex Example asked for: Alex wants to agree the fence');
    expect(form.body).toContain(`name="requestId" value="${request.id}"`);
    expect(form.body).toMatch(new RegExp(`value="${w.parties.alex}" checked`));
    const booked = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, jointMeeting(w, { requestId: request.id }));
    expect(booked.statusCode).toBe(201);
    expect(booked.json().meeting.requestId).toBe(request.id);
    const settled = (await apiAs(h, cora)('GET', `/api/v1/cases/${w.caseId}/meeting-requests`)).json().requests[0];
    expect(settled).toMatchObject({ id: request.id, status: 'booked', meetingId: booked.json().meeting.id });
    expect((await openRequests()).map((r) => r.id)).not.toContain(request.id);
    const again = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, jointMeeting(w, { requestId: request.id, start: '2026-12-16T10:00:00Z' }));
    expect(again.statusCode).toBe(409);
  });

  it('refuses to book a request against another case', async () => {
    const request = (await openRequests()).find((r) => r.requesterName === 'Rae Referrer')!;
    const res = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, jointMeeting(w, { requestId: request.id, start: '2026-12-17T10:00:00Z' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.requestId).toBe('That request is not on this case');
  });

  it('declines a request with a reason, on the case timeline; it cannot be declined twice', async () => {
    const request = (await openRequests()).find((r) => r.requesterName === 'Rae Referrer')!;
    const url = `/meetings/requests/${request.id}/decline`;
    await cora.get(url);
    const blank = await cora.post(url, { reason: '' });
    expect(blank.statusCode).toBe(422);
    expect(pageText(blank.body)).toContain('Say why the request is declined');
    const res = await cora.post(url, { reason: 'The case is closing: both agreed by phone' });
    expect(res.statusCode).toBe(303);
    expect(pageText((await cora.get(res.headers.location!)).body)).toContain('Request declined.');
    expect(pageText((await cora.get(`/cases/${referredCaseId}/timeline`)).body)).toContain('Request for a further meeting from Rae Referrer declined');
    const twice = await apiAs(h, cora)('POST', `/api/v1/meeting-requests/${request.id}/decline`, { reason: 'again' });
    expect(twice.statusCode).toBe(409);
    expect((await openRequests()).map((r) => r.id)).not.toContain(request.id);
    expect((await apiAs(h, bo)('POST', `/api/v1/meeting-requests/${request.id}/decline`, { reason: 'x' })).statusCode).toBe(404);
  });
});
