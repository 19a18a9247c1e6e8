// After a meeting is booked: answers taken by phone, a meeting that did not take place, and the record of one that
// did (attendance; ground rules, issues, options and outcome for a joint meeting; the next step, where "another
// joint meeting" puts a request in the coordinators' queue). The case's mediators may do all of this; a mediator
// not on the case may not; another service sees 404. Everything lands on the timeline and in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { makeMember } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, jointMeeting, type MeetingsWorld, meetingsWorld, pageText } from '../support/meetings.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;
let cora: WebClient;
let vera: WebClient;
let otto: WebClient;
let bo: WebClient;
let joint: { id: string; participants: { id: string; name: string }[] };
let call: { id: string; participants: { id: string; name: string }[] };
let later: { id: string; participants: { id: string; name: string }[] };
let conference: { id: string; participants: { id: string; name: string }[] };

const url = (meetingId: string, rest = '') => `/cases/${w.caseId}/meetings/${meetingId}${rest}`;
const api = (web: WebClient, meetingId: string, rest: string, body?: unknown) =>
  apiAs(h, web)(body === undefined ? 'GET' : 'POST', `/api/v1/cases/${w.caseId}/meetings/${meetingId}${rest}`, body);
const signInAll = async () => {
  cora = await w.signIn(w.members.cora);
  vera = await w.signIn(w.members.vera);
  otto = await w.signIn(w.members.otto);
  bo = await w.signIn(w.members.bo);
  for (const web of [cora, vera, otto, bo]) await web.get('/home');
};

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'mrec');
  await signInAll();
  const book = async (body: Record<string, unknown>) => (await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, body)).json().meeting;
  // Today (Thursday 3 December) at 10:00 and 11:00, and one next week.
  joint = await book(jointMeeting(w, { start: '2026-12-03T10:00:00Z', durationMinutes: 60 }));
  call = await book(
    jointMeeting(w, {
      kind: 'call',
      mode: 'phone',
      place: undefined,
      roomId: undefined,
      start: '2026-12-03T11:00:00Z',
      durationMinutes: 30,
      partyIds: [w.parties.sam],
    }),
  );
  later = await book(jointMeeting(w, { start: '2026-12-10T10:00:00Z' }));
  conference = await book(
    jointMeeting(w, {
      kind: 'rj_conference',
      roomId: w.venue.room2,
      start: '2026-12-03T09:30:00Z',
      durationMinutes: 15,
      volunteerIds: [],
      partyIds: [],
      others: [{ name: 'Pat Visitor' }],
    }),
  );
});
afterAll(() => h?.close());

describe('answers given by phone', () => {
  it('lets a mediator on the case record an answer on the meeting page', async () => {
    const sam = later.participants.find((p) => p.name === 'Sam Example')!;
    await vera.get(url(later.id));
    const res = await vera.post(url(later.id, '/responses'), { participantId: sam.id, response: 'tentative' });
    expect(res.statusCode).toBe(303);
    const page = pageText((await vera.get(res.headers.location!)).body);
    expect(page).toContain('Answer recorded.');
    expect(page).toMatch(/Sam Example Party Maybe/);
    expect(pageText((await vera.get(`/cases/${w.caseId}/timeline`)).body)).toContain(
      'Sam Example said maybe to the joint meeting on Thursday 10 December, 10:00',
    );
  });

  it('explains a missing answer on the page, and refuses someone not invited', async () => {
    await vera.get(url(later.id));
    const res = await vera.post(url(later.id, '/responses'), { participantId: '', response: '' });
    expect(res.statusCode).toBe(422);
    expect(pageText(res.body)).toContain('Choose accepted, declined or maybe');
    const stranger = await api(vera, later.id, '/responses', { participantId: w.parties.sam, response: 'accepted' });
    expect(stranger.statusCode).toBe(404);
    const ok = await api(vera, later.id, '/responses', { participantId: later.participants[3]!.id, response: 'declined' });
    expect(ok.json()).toEqual({ participantId: later.participants[3]!.id, response: 'declined', label: 'Declined' });
  });
});

describe('before a meeting has started', () => {
  it('offers no record yet, and refuses one', async () => {
    expect(pageText((await vera.get(url(joint.id))).body)).toContain('You can record the meeting, or that it did not take place, once it has started.');
    const res = await api(vera, joint.id, '/record', { outcome: 'x', nextStep: 'none' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('You can record a meeting once the meeting’s start time has passed');
  });
});

describe('after the meetings', () => {
  beforeAll(async () => {
    h.clock.current = new Date('2026-12-03T12:00:00Z');
    await signInAll();
  });

  it('records a joint meeting: attendance, ground rules, issues, options, outcome; another joint meeting is requested', async () => {
    const page = pageText((await vera.get(url(joint.id, '/record'))).body);
    expect(page).toContain('Listen to each other without interrupting');
    const [v, l, s, a] = joint.participants.map((p) => p.id);
    const body = new URLSearchParams({ _csrf: vera.csrf ?? '' });
    for (const id of [v, l, s]) body.append('attendedParticipantIds', id!);
    body.append('groundRules', 'Listen to each other without interrupting');
    body.append('groundRules', 'No offensive remarks or name-calling');
    for (const [k, value] of Object.entries({
      issues: 'Parking across the drive\nBins left on the path',
      options: 'Marked bays; a note first',
      outcome: 'Both agree to try marked bays',
      nextStep: 'another_joint',
    }))
      body.append(k, value);
    const res = await h.app.inject({
      method: 'POST',
      url: url(joint.id, '/record'),
      payload: body.toString(),
      headers: { cookie: [...vera.cookies].map(([k, val]) => `${k}=${val}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('done=recordedRequest');
    const html = (await vera.get(url(joint.id))).body;
    // Each issue on its own line, as typed: the Outcome gate asks what became of each one.
    expect(html).toMatch(/Parking across the drive<br \/>\s*Bins left on the path/);
    const shown = pageText(html);
    expect(shown).toContain('Held');
    expect(shown).toContain('Ground rules agreed Listen to each other without interrupting; No offensive remarks or name-calling');
    expect(shown).toContain('Next step Another joint meeting');
    const one = (await api(vera, joint.id, '')).json();
    expect(one.participants.map((p: { attended: boolean | null }) => p.attended)).toEqual([true, true, true, false]);
    expect(one.record).toMatchObject({
      issues: 'Parking across the drive\nBins left on the path',
      outcome: 'Both agree to try marked bays',
      nextStep: 'another_joint',
      recordedBy: 'Vera Volunteer',
    });
    expect(a).toBeDefined();
    const queue = (await apiAs(h, cora)('GET', '/api/v1/meeting-requests?status=open')).json().requests;
    expect(queue).toEqual([expect.objectContaining({ caseId: w.caseId, requestedBy: 'mediator', requesterName: 'Vera Volunteer', kind: 'joint' })]);
    const timeline = pageText((await vera.get(`/cases/${w.caseId}/timeline`)).body);
    expect(timeline).toContain('Joint meeting held on Thursday 3 December, 10:00: next step, another joint meeting');
    expect(timeline).toContain('Further joint meeting requested');
    const again = await api(vera, joint.id, '/record', { outcome: 'x', nextStep: 'none' });
    expect(again.statusCode).toBe(409);
  });

  it('takes only the service’s ground rules for an RJ conference', async () => {
    const res = await api(cora, conference.id, '/record', { outcome: 'Apology given', nextStep: 'close', groundRules: ['Shout if you like'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.groundRules).toBe('Choose ground rules from the service’s list');
    const ok = await api(cora, conference.id, '/record', {
      attendedParticipantIds: [conference.participants[0]!.id],
      outcome: 'Apology given',
      nextStep: 'close',
      groundRules: ['No offensive remarks or name-calling'],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().meeting.record.groundRules).toEqual(['No offensive remarks or name-calling']);
    expect(ok.json().requestId).toBeNull();
  });

  it('records that a call did not take place, and who did not come', async () => {
    const sam = call.participants.find((p) => p.name === 'Sam Example')!;
    await vera.get(url(call.id, '/no-show'));
    const blank = await vera.post(url(call.id, '/no-show'), { reason: '' });
    expect(blank.statusCode).toBe(422);
    expect(pageText(blank.body)).toContain('Say why the meeting did not take place');
    const res = await vera.post(url(call.id, '/no-show'), { absentParticipantIds: sam.id, reason: 'Sam did not answer the phone' });
    expect(res.statusCode).toBe(303);
    const page = pageText((await vera.get(url(call.id))).body);
    expect(page).toContain('Did not take place (no-show)');
    expect(page).toContain('Why it did not take place Sam did not answer the phone');
    expect(pageText((await vera.get(`/cases/${w.caseId}/timeline`)).body)).toContain(
      'Phone or video call on Thursday 3 December, 11:00 did not take place: Sam Example did not come',
    );
    const { rows } = await inOrg(h.deps.db, w.orgId, (tx) => searchEvents(tx, { orgId: w.orgId, action: 'meeting.no_show', entity: call.id }, 10, 0));
    expect(rows.map((r) => r.actorLabel)).toEqual(['Vera Volunteer']);
  });

  it('refuses a mediator who is not on the case, and another service', async () => {
    expect((await otto.get(url(later.id))).statusCode).toBe(403);
    expect((await api(otto, later.id, '/responses', { participantId: later.participants[0]!.id, response: 'accepted' })).statusCode).toBe(403);
    expect((await api(bo, later.id, '')).statusCode).toBe(404);
    expect((await bo.get(url(later.id))).statusCode).toBe(404);
    expect((await cora.get(`/cases/${w.caseId}/meetings/not-a-meeting`)).statusCode).toBe(404);
  });

  it('does not offer a mediator on the case the forms to move or cancel a meeting', async () => {
    for (const change of ['reschedule', 'cancel']) {
      const res = await vera.get(url(later.id, `/${change}`));
      expect(res.statusCode, change).toBe(403);
      expect(pageText(res.body)).toContain('book, move and cancel meetings');
    }
    expect((await vera.get(url(later.id, '/record'))).statusCode).toBe(200);
  });

  it('does not offer the record and no-show forms to someone who may only read the case', async () => {
    const sal = await w.signIn(await makeMember(h.deps, w.orgId, 'safeguarding_lead', 'sal@mrec.example', { name: 'Sal Safeguarding' }));
    for (const change of ['record', 'no-show']) expect((await sal.get(url(later.id, `/${change}`))).statusCode, change).toBe(403);
  });
});
