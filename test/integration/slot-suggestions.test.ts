// Finding a meeting time for a case: the API (slots, reasons, 422s with field messages, 403 for mediators, 404 for
// another service) and the find-a-time page (form without JavaScript, "Book this time" links, "Why is there no
// time on …?"), on real data: assignments, intake times, another booking with travel time, a venue's rooms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { inOrg } from '#src/db/tenant.ts';
import { cases, intakeRecords, parties } from '#src/db/schema/cases.ts';
import { meetingParticipants, meetings, venueRooms, venues } from '#src/db/schema/meetings.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { systemActor } from '#src/access/actor.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let caseId: string;
let sendCaseId: string;
let partyA: string;
let partyB: string;
let partyC: string;
let venueId: string;
let roomA: string;
let key: string;
let mediatorKey: string;
let otherKey: string;
let cora: WebClient;
let mia: WebClient;

const api = (url: string, bearer = key) => h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
const search = (id: string, q: Record<string, string>) => `/api/v1/cases/${id}/slot-suggestions?${new URLSearchParams(q).toString()}`;

async function addMeeting(m: { caseId: string; start: string; end: string; mode: string; roomId?: string; volunteerId?: string; partyId?: string }) {
  const id = newId();
  const now = h.clock.now();
  await inOrg(h.deps.db, orgId, async (tx) => {
    await tx.insert(meetings).values({
      id,
      orgId,
      caseId: m.caseId,
      kind: 'joint',
      mode: m.mode,
      place: m.roomId ? 'venue' : null,
      venueId: m.roomId ? venueId : null,
      roomId: m.roomId ?? null,
      startsAt: new Date(m.start),
      endsAt: new Date(m.end),
      icsUid: `${id}@test`,
      createdAt: now,
      updatedAt: now,
    });
    if (m.volunteerId || m.partyId) {
      await tx.insert(meetingParticipants).values({
        id: newId(),
        orgId,
        meetingId: id,
        caseId: m.caseId,
        kind: m.volunteerId ? 'volunteer' : 'party',
        volunteerId: m.volunteerId ?? null,
        partyId: m.partyId ?? null,
        name: 'Someone',
        createdAt: now,
      });
    }
  });
}

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-12-04T10:00:00Z'); // Friday 4 December 2026
  ({ orgId } = await makeOrg(h.deps, 'slots', 'Slot Test Mediation (fictional)'));
  const other = await makeOrg(h.deps, 'slotsb', 'Other Slot Mediation (fictional)');
  const admin = await makeMember(h.deps, orgId, 'admin', 'ada@slots.example', { name: 'Ada Admin' });
  const coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@slots.example', { name: 'Cora Coordinator' });
  const mediatorUser = await makeMember(h.deps, orgId, 'mediator', 'mia@slots.example', { name: 'Mia Mediator' });
  const adminActor = actorFor(orgId, admin.userId, 'admin');
  ({ caseId } = await makeCase(h.deps, orgId, adminActor, {
    description: 'Noise through the shared wall (fictional)',
    parties: [{ name: 'Pat Fictional' }, { name: 'Robin Fictional' }, { name: 'Lee Fictional' }],
  }));
  ({ caseId: sendCaseId } = await makeCase(h.deps, orgId, adminActor, { description: 'School place (fictional)', parties: [{ name: 'Sky Fictional' }] }));
  const now = h.clock.now();
  await inOrg(h.deps.db, orgId, async (tx) => {
    await tx.update(cases).set({ caseType: 'send' }).where(eq(cases.id, sendCaseId));
    const rows = await tx.select({ id: parties.id, name: parties.name }).from(parties).where(eq(parties.caseId, caseId));
    partyA = rows.find((r) => r.name === 'Pat Fictional')!.id;
    partyB = rows.find((r) => r.name === 'Robin Fictional')!.id;
    partyC = rows.find((r) => r.name === 'Lee Fictional')!.id;
    await tx.update(parties).set({ consent: 'withdrawn' }).where(eq(parties.id, partyC));
    await tx
      .insert(intakeRecords)
      .values({ id: newId(), orgId, caseId, partyId: partyA, availabilityWindows: [{ day: 2, from: '10:00', to: '13:00' }], updatedAt: now });
    venueId = newId();
    roomA = newId();
    await tx.insert(venues).values({ id: venueId, orgId, name: 'Riverside Hall', openingHours: [], closedDates: [], createdAt: now, updatedAt: now });
    await tx.insert(venueRooms).values([
      { id: roomA, orgId, venueId, name: 'Room A', capacity: 10, createdAt: now },
      { id: newId(), orgId, venueId, name: 'Box room', capacity: 2, createdAt: now },
    ]);
  });
  // Two mediators free on weekday mornings (09:00–13:00); the first is at an in-person meeting on Tuesday 10:00–11:00.
  const v1 = await makeVolunteer(h.deps, orgId, { name: 'Alex Fictional', userId: mediatorUser.userId });
  const v2 = await makeVolunteer(h.deps, orgId, { name: 'Jo Fictional' });
  await insertAssignment(h.deps, orgId, caseId, v1);
  await insertAssignment(h.deps, orgId, caseId, v2, { role: 'co' });
  await insertAssignment(h.deps, orgId, sendCaseId, v1);
  await addMeeting({ caseId: sendCaseId, start: '2026-12-08T10:00:00Z', end: '2026-12-08T11:00:00Z', mode: 'in_person', volunteerId: v1 });
  await addMeeting({ caseId: sendCaseId, start: '2026-12-08T11:00:00Z', end: '2026-12-08T12:30:00Z', mode: 'in_person', roomId: roomA });
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Coordinator key', role: 'coordinator' }, systemActor('test'))).key;
  mediatorKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Mediator key', role: 'mediator' }, systemActor('test'))).key;
  otherKey = (await h.deps.apiKeys.createForOrg(other.orgId, { name: 'Other key', role: 'admin' }, systemActor('test'))).key;
  cora = await signIn(h, coordinator);
  mia = await signIn(h, mediatorUser);
});
afterAll(() => h?.close());

const base = { durationMinutes: '60', from: '2026-12-07', to: '2026-12-18' };

describe('GET /api/v1/cases/{id}/slot-suggestions', () => {
  it('finds the times when the mediators, the consenting parties and a room are free, with travel time', async () => {
    const res = await api(search(caseId, { ...base, mode: 'in_person', place: 'venue' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      slots: [
        { start: '2026-12-15T10:00:00.000Z', end: '2026-12-15T11:00:00.000Z', venueId, roomId: roomA },
        { start: '2026-12-15T11:00:00.000Z', end: '2026-12-15T12:00:00.000Z', venueId, roomId: roomA },
      ],
      reasons: [],
    });
  });

  it('online: no travel time and no room, so Tuesday 8 December after the other meeting', async () => {
    const res = await api(search(caseId, { ...base, mode: 'online', partyIds: `${partyA},${partyB}` }));
    expect(res.json().slots.map((s: { start: string }) => s.start)).toEqual([
      '2026-12-08T11:00:00.000Z',
      '2026-12-08T12:00:00.000Z',
      '2026-12-15T10:00:00.000Z',
      '2026-12-15T11:00:00.000Z',
    ]);
    expect(res.json().slots[0].venueId).toBeUndefined();
  });

  it('finds nothing with a party who withdrew consent, and says why', async () => {
    const res = await api(search(caseId, { ...base, mode: 'online', partyIds: partyC }));
    expect(res.json()).toEqual({ slots: [], reasons: ['Lee Fictional has withdrawn consent, so they cannot be booked into a meeting'] });
  });

  it('keeps five working days’ notice on a SEND case unless shorter notice was agreed', async () => {
    const q = { durationMinutes: '60', from: '2026-12-04', to: '2026-12-18', mode: 'phone' };
    const first = async (extra: Record<string, string>) => (await api(search(sendCaseId, { ...q, ...extra }))).json().slots[0].start;
    expect(await first({})).toBe('2026-12-11T09:00:00.000Z');
    expect(await first({ shortNoticeAgreed: 'true' })).toBe('2026-12-04T10:15:00.000Z'); // now is a little after 10:00
  });

  it('explains one day', async () => {
    const res = await api(
      `${search(caseId, { ...base, mode: 'online', partyIds: `${partyA},${partyB}` })}&date=2026-12-07`.replace(
        'slot-suggestions?',
        'slot-suggestions/explain?',
      ),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      date: '2026-12-07',
      reasons: [
        'Pat Fictional has said they can only meet on Tuesday 10:00–13:00',
        'Robin Fictional’s times were not recorded at intake, so any time in the service’s hours was assumed',
      ],
    });
  });

  it('refuses bad searches with a message for each field', async () => {
    const fields = async (q: Record<string, string>) => {
      const res = await api(search(caseId, q));
      expect(res.statusCode).toBe(422);
      return res.json().error.fields;
    };
    expect(await fields({ ...base, from: '2026-12-18', to: '2026-12-07' })).toEqual({ to: 'The last date must be the same as or after the first date' });
    expect(await fields({ ...base, to: '2027-03-31' })).toEqual({ to: 'Search at most 12 weeks at a time' });
    expect(await fields({ ...base, partyIds: newId() })).toEqual({ partyIds: 'Choose the parties from this case: one of those given is not on it' });
    expect(await fields({ from: '30/02/2026', mode: 'by pigeon' })).toEqual({
      durationMinutes: 'Enter how long the meeting lasts, in minutes',
      from: 'The first date must be a real date, like 2026-12-07',
      mode: 'Choose in person, online or by phone',
    });
    // A date that does not exist is refused at the edge (http/edge-input.ts) before the form is read.
    expect(await fields({ from: '2026-02-30', mode: 'by pigeon' })).toEqual({ from: 'Enter a real date' });
    expect(await fields({ ...base, place: 'venue', venueId: newId() })).toEqual({ venueId: 'Choose one of the service’s venues' });
  });

  it('is for those who book meetings: a mediator is refused, another service’s case is not found', async () => {
    const refused = await api(search(caseId, base), mediatorKey);
    expect(refused.statusCode).toBe(403);
    expect((await api(search(caseId, base), otherKey)).statusCode).toBe(404);
  });

  it('audits each search', async () => {
    const events = await inOrg(h.deps.db, orgId, (tx) => searchEvents(tx, { orgId, action: 'meetings.slots_searched' }, 50, 0));
    expect(JSON.stringify(events)).toContain(caseId);
  });
});

describe('checkTime: one time at booking, by the same rules', () => {
  it('names each rule a time breaks, and passes a time that fits', async () => {
    const service = await h.deps.settings.forWork(orgId);
    const check = (start: string, end: string) =>
      inOrg(h.deps.db, orgId, (tx) =>
        h.deps.slots.checkTime(tx, orgId, { id: caseId, caseType: 'community', caseKind: 'community' }, service, {
          start: new Date(start),
          end: new Date(end),
          kind: 'joint',
          mode: 'in_person',
          place: 'venue',
          venueId,
          roomId: roomA,
          partyIds: [partyA, partyB],
          shortNoticeAgreed: false,
        }),
      );
    expect(await check('2026-12-08T10:30:00Z', '2026-12-08T11:30:00Z')).toEqual([
      'Alex Fictional (mediator) has another meeting then',
      'Room A at Riverside Hall is booked then',
    ]);
    expect(await check('2026-12-15T10:00:00Z', '2026-12-15T11:00:00Z')).toEqual([]);
  });
});

describe('the find-a-time page', () => {
  const page = `/cases/${'{id}'}/meetings/find-a-time`;
  const url = (q: Record<string, string | string[]> = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) for (const one of [v].flat()) params.append(k, one);
    return `${page.replace('{id}', caseId)}${Object.keys(q).length ? `?${params.toString()}` : ''}`;
  };
  const form = {
    kind: 'joint',
    mode: 'in_person',
    place: 'venue',
    venueId: '',
    durationMinutes: '60',
    'from-day': '7',
    'from-month': '12',
    'from-year': '2026',
    'to-day': '18',
    'to-month': '12',
    'to-year': '2026',
  };

  it('shows the form with the consenting parties ticked and the one who withdrew shown but disabled', async () => {
    const res = await cora.get(url());
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('Withdrew consent, so cannot be booked into a meeting');
    expect(res.body).toMatch(new RegExp(`value="${partyC}"[^>]*disabled`));
    expect(res.body).toMatch(new RegExp(`value="${partyA}"[^>]*checked`));
  });

  it('lists the times with links to book them, and the days without a time with links to why', async () => {
    const res = await cora.get(url({ ...form, partyIds: [partyA, partyB] }));
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain('Tuesday 15 December');
    expect(body).toContain('10:00 to 11:00');
    expect(body).toContain('Room A, Riverside Hall');
    expect(res.body).toContain(
      `/cases/${caseId}/meetings/new?start=2026-12-15T10%3A00%3A00.000Z&amp;durationMinutes=60&amp;mode=in_person&amp;kind=joint&amp;place=venue&amp;venueId=${venueId}&amp;roomId=${roomA}&amp;partyIds=${partyA}%2C${partyB}`,
    );
    expect(body).toContain('Why is there no time on Tuesday 8 December?');
    const why = /href="([^"]*explain=2026-12-08[^"]*)"/.exec(res.body)![1]!.replace(/&amp;/g, '&');
    const explained = await cora.get(why);
    expect(text(explained.body)).toContain('Why there is no time on Tuesday 8 December');
    expect(text(explained.body)).toContain('No room at Riverside Hall is free and open when everyone is (11:30–13:00)');
  });

  it('shows problems in an error summary and keeps what was typed', async () => {
    const res = await cora.get(url({ ...form, 'to-day': '1', durationMinutes: '5', partyIds: partyA }));
    expect(res.statusCode).toBe(422);
    const body = text(res.body);
    expect(body).toContain('There is a problem');
    expect(body).toContain('How long must be a whole number of minutes from 15 to 480');
    expect(body).toContain('The last date must be the same as or after the first date');
    expect(res.body).toContain('href="#to-day"');
    expect(res.body).toMatch(/name="durationMinutes"[^>]*value="5"/);
  });

  it('shows a half-typed date as a problem, not a 500', async () => {
    const res = await cora.get(url({ ...form, 'from-month': '', partyIds: partyA }));
    expect(res.statusCode).toBe(422);
    expect(text(res.body)).toContain('The first date must include a month');
  });

  it('offers the short-notice box only on a SEND case', async () => {
    expect((await cora.get(url())).body).not.toContain('name="shortNoticeAgreed"');
    expect((await cora.get(`/cases/${sendCaseId}/meetings/find-a-time`)).body).toContain('name="shortNoticeAgreed"');
  });

  it('refuses a mediator with the reason', async () => {
    const res = await mia.get(url());
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('book, move and cancel meetings');
  });
});
