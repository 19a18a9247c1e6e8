// Venues and their rooms: the pages work without JavaScript (opening hours as a pair of times a day, closed dates one
// a line), bad input comes back with clear messages and what was typed, archiving hides a venue or room from
// booking but keeps it, every change is audited, and the API twins refuse another service's venue with a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '#src/db/tenant.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';
import { pageText as text } from '../support/page-text.ts';

let h: Harness;
let orgId: string;
let otherOrgId: string;
let cora: WebClient; // coordinator
let mia: WebClient; // mediator
let vic: WebClient; // viewer
let keyA: string; // admin key of this service
let keyMediator: string;
let keyB: string; // admin key of another service

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, key: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });

const GOOD_VENUE = {
  name: 'Riverside Community Centre',
  address: '1 Mill Lane\nExampletown',
  postcode: 'ct1 2ab',
  accessNotes: 'Step-free entrance on Mill Lane',
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].flatMap((d) => [
      [`hours-${d}-from`, '9'],
      [`hours-${d}-to`, '21:00'],
    ]),
  ),
  'hours-6-from': '10:00',
  'hours-6-to': '16.00',
  closedDates: '2026-12-25\n26/12/2026',
};

let venueId: string;
let roomId: string;

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-03-15T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'ven', 'Venue Test Mediation (fictional)'));
  ({ orgId: otherOrgId } = await makeOrg(h.deps, 'oth', 'Other Venue Mediation (fictional)'));
  cora = await signIn(h, await makeMember(h.deps, orgId, 'coordinator', 'cora@ven.example', { name: 'Cora Coordinator' }));
  mia = await signIn(h, await makeMember(h.deps, orgId, 'mediator', 'mia@ven.example', { name: 'Mia Mediator' }));
  vic = await signIn(h, await makeMember(h.deps, orgId, 'viewer', 'vic@ven.example', { name: 'Vic Viewer' }));
  keyA = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Venue key', role: 'admin' }, systemActor('test'))).key;
  keyMediator = (await h.deps.apiKeys.createForOrg(orgId, { name: 'Mediator key', role: 'mediator' }, systemActor('test'))).key;
  keyB = (await h.deps.apiKeys.createForOrg(otherOrgId, { name: 'Other key', role: 'admin' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

describe('the venue pages', () => {
  it('explain every problem with a new venue and keep what was typed', async () => {
    const res = await cora.submit('/venues/new', {
      ...GOOD_VENUE,
      name: '',
      postcode: 'XX1',
      'hours-1-to': '',
      'hours-2-from': '25:00',
      'hours-3-to': '08:00',
      closedDates: '2026-12-25\nChristmas Eve',
    });
    expect(res.statusCode).toBe(422);
    const page = text(res.body);
    for (const message of [
      'Enter the venue’s name',
      'Enter a real postcode, like CT1 2AB',
      'Enter the time it closes on Monday, or leave both times blank if it is closed',
      'The opening time on Tuesday must be a time on the 24-hour clock, like 09:00 or 17:30',
      'The closing time on Wednesday must be after the opening time',
      '“Christmas Eve” is not a real date: put one date on each line, like 2026-12-25',
    ])
      expect(page).toContain(message);
    expect(res.body).toContain('href="#hours-1-to"');
    expect(res.body).toContain('href="#closedDates"');
    expect(res.body).toContain('value="XX1"');
    expect(res.body).toContain('1 Mill Lane\nExampletown');
    expect(res.body).toContain('Christmas Eve</textarea>');
  });

  it('add a venue with its hours in words and its closed dates', async () => {
    const res = await cora.submit('/venues/new', GOOD_VENUE);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/venues\?done=added#venue-/);
    venueId = res.headers.location!.split('#venue-')[1]!;
    const page = text((await cora.get(res.headers.location!)).body);
    expect(page).toContain('Venue added.');
    expect(page).toContain('Riverside Community Centre');
    expect(page).toContain('CT1 2AB');
    expect(page).toContain('Monday to Friday 09:00 to 21:00; Saturday 10:00 to 16:00');
    expect(page).toContain('Friday 25 December 2026; Saturday 26 December 2026');
    expect(page).toContain('No rooms yet');
  });

  it('refuse a second venue of the same name', async () => {
    const res = await cora.submit('/venues/new', { ...GOOD_VENUE, name: 'riverside community centre ' });
    expect(res.statusCode).toBe(409);
    expect(text(res.body)).toContain('There is already a venue called riverside community centre');
  });

  it('add rooms, checking the capacity', async () => {
    const url = `/venues/${venueId}/rooms/new`;
    for (const [capacity, message] of [
      ['0', 'The room must hold at least 1 person'],
      ['201', 'Enter 200 people or fewer'],
      ['six', 'Enter how many people the room holds, like 6'],
      ['', 'Enter how many people the room holds, like 6'],
    ]) {
      const bad = await cora.submit(url, { name: 'Garden room', capacity: capacity!, separateWaitingRoom: 'yes', accessNotes: 'Ground floor' });
      expect(bad.statusCode, capacity).toBe(422);
      expect(text(bad.body)).toContain(message);
      expect(bad.body).toContain('value="Garden room"');
    }
    const ok = await cora.submit(url, { name: 'Garden room', capacity: '6', separateWaitingRoom: 'yes', accessNotes: 'Ground floor, hearing loop' });
    expect(ok.statusCode).toBe(303);
    await cora.submit(url, { name: 'Small room', capacity: '1', separateWaitingRoom: 'no', accessNotes: '' });
    const dup = await cora.submit(url, { name: 'Garden Room', capacity: '4', separateWaitingRoom: 'no' });
    expect(dup.statusCode).toBe(409);
    expect(text(dup.body)).toContain('There is already a room at this venue called Garden Room');

    const page = text((await cora.get('/venues')).body);
    expect(page).toContain('Garden room 6 people Yes Ground floor, hearing loop');
    expect(page).toContain('Small room 1 person No');
    const venue = await api('GET', `/api/v1/venues/${venueId}`, keyA);
    roomId = venue.json().rooms.find((r: { name: string }) => r.name === 'Garden room').id;
  });

  it('change a venue through its filled-in form, and audit it', async () => {
    const form = await cora.get(`/venues/${venueId}/edit`);
    expect(form.body).toContain('value="09:00"');
    expect(form.body).toContain('2026-12-25\n2026-12-26</textarea>');
    const res = await cora.post(`/venues/${venueId}/edit`, { ...GOOD_VENUE, name: 'Riverside Centre', 'hours-6-from': '', 'hours-6-to': '' });
    expect(res.statusCode).toBe(303);
    const page = text((await cora.get('/venues')).body);
    expect(page).toContain('Riverside Centre');
    expect(page).toContain('Monday to Friday 09:00 to 21:00 ');
    expect(page).not.toContain('Saturday 10:00');
    const { rows } = await inOrg(h.deps.db, orgId, (tx) => searchEvents(tx, { orgId, entity: venueId }, 50, 0));
    expect(rows.map((e) => e.action).sort()).toEqual(['venue.added', 'venue.changed']);
    expect(rows.find((e) => e.action === 'venue.changed')?.detail).toEqual({ fields: ['name', 'openingHours'] });
  });

  it('archive a room and a venue: hidden from booking, kept, and brought back', async () => {
    await cora.get(`/venues/${venueId}/rooms/${roomId}/edit`);
    expect((await cora.post(`/venues/${venueId}/rooms/${roomId}/archive`)).statusCode).toBe(303);
    expect(text((await cora.get('/venues')).body)).not.toContain('Garden room');
    expect(text((await cora.get('/venues?archived=show')).body)).toContain('Garden room Archived');
    const bookable = await inOrg(h.deps.db, orgId, async (tx) => (await import('#src/features/meetings/venues/venues.repo.ts')).listVenuesWithRooms(tx, orgId));
    expect(bookable[0]!.rooms.map((r) => r.name)).toEqual(['Small room']);

    await cora.get(`/venues/${venueId}/edit`);
    expect((await cora.post(`/venues/${venueId}/archive`)).statusCode).toBe(303);
    const listed = await api('GET', '/api/v1/venues', keyA);
    expect(listed.json().venues).toEqual([]);
    const all = await api('GET', '/api/v1/venues?includeArchived=true', keyA);
    expect(all.json().venues[0]).toMatchObject({ name: 'Riverside Centre', archived: true });
    expect(text((await cora.get('/venues?archived=show')).body)).toContain('Archived venues Riverside Centre Archived');

    await cora.get(`/venues/${venueId}/edit`);
    expect((await cora.post(`/venues/${venueId}/restore`)).statusCode).toBe(303);
    await cora.get(`/venues/${venueId}/rooms/${roomId}/edit`);
    expect((await cora.post(`/venues/${venueId}/rooms/${roomId}/restore`)).statusCode).toBe(303);
    expect(text((await cora.get('/venues')).body)).toContain('Garden room');
    const { rows } = await inOrg(h.deps.db, orgId, (tx) => searchEvents(tx, { orgId, action: 'venue.', from: undefined }, 50, 0));
    const actions = rows.map((e) => e.action);
    for (const a of ['venue.archived', 'venue.restored', 'venue.room_archived', 'venue.room_restored', 'venue.room_added']) expect(actions).toContain(a);
  });

  it('show venues to a mediator without the buttons to change them, and refuse a viewer', async () => {
    const page = await mia.get('/venues');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Riverside Centre');
    expect(page.body).not.toContain('/venues/new');
    expect(page.body).not.toContain('/edit');
    expect((await mia.get('/venues/new')).statusCode).toBe(403);
    expect((await mia.get(`/venues/${venueId}/edit`)).statusCode).toBe(403);
    expect((await mia.post('/venues/new', GOOD_VENUE)).statusCode).toBe(403);
    expect((await mia.post(`/venues/${venueId}/archive`)).statusCode).toBe(403);
    expect((await vic.get('/venues')).statusCode).toBe(403);
  });
});

describe('the venues API', () => {
  let apiVenueId: string;

  it('adds a venue and a room, and explains bad input field by field', async () => {
    const bad = await api('POST', '/api/v1/venues', keyA, {
      name: 'Library',
      address: 'High Street',
      postcode: 'nope',
      openingHours: [
        { day: 1, from: '09:00', to: '13:00' },
        { day: 1, from: '12:00', to: '17:00' },
      ],
      closedDates: ['2026-02-30'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields).toMatchObject({
      postcode: 'Enter a real postcode, like CT1 2AB',
      openingHours: 'The opening hours on Monday overlap',
      'closedDates.0': 'Closed dates must be real dates, like 2026-12-25',
    });

    const made = await api('POST', '/api/v1/venues', keyA, {
      name: 'Central Library',
      address: 'High Street, Exampletown',
      postcode: 'CT12AB',
      openingHours: [{ day: 2, from: '10:00', to: '18:00' }],
      closedDates: ['2026-05-04', '2026-05-04'],
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      postcode: 'CT1 2AB',
      openingHoursInWords: 'Tuesday 10:00 to 18:00',
      closedDates: ['2026-05-04'],
      archived: false,
      rooms: [],
    });
    apiVenueId = made.json().id;

    const room = await api('POST', `/api/v1/venues/${apiVenueId}/rooms`, keyA, { name: 'Study room', capacity: 201 });
    expect(room.statusCode).toBe(422);
    expect(room.json().error.fields.capacity).toBe('Enter 200 people or fewer');
    const ok = await api('POST', `/api/v1/venues/${apiVenueId}/rooms`, keyA, { name: 'Study room', capacity: 4, separateWaitingRoom: true });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'Study room', capacity: 4, separateWaitingRoom: true, archived: false, venueId: apiVenueId });

    const patched = await api('PATCH', `/api/v1/venues/${apiVenueId}/rooms/${ok.json().id}`, keyA, { capacity: 8, archived: true });
    expect(patched.json()).toMatchObject({ capacity: 8, archived: true });
    const venue = await api('PATCH', `/api/v1/venues/${apiVenueId}`, keyA, { accessNotes: 'Lift to all floors' });
    expect(venue.json()).toMatchObject({ accessNotes: 'Lift to all floors', name: 'Central Library' });
  });

  it('answers 404 for another service’s venue or room, and for a room of another venue', async () => {
    const room = (await api('GET', `/api/v1/venues/${apiVenueId}`, keyA)).json().rooms[0].id;
    expect((await api('GET', `/api/v1/venues/${apiVenueId}`, keyB)).statusCode).toBe(404);
    expect((await api('PATCH', `/api/v1/venues/${apiVenueId}`, keyB, { name: 'Taken over' })).statusCode).toBe(404);
    expect((await api('POST', `/api/v1/venues/${apiVenueId}/rooms`, keyB, { name: 'Sneaky', capacity: 2 })).statusCode).toBe(404);
    expect((await api('PATCH', `/api/v1/venues/${apiVenueId}/rooms/${room}`, keyB, { capacity: 2 })).statusCode).toBe(404);
    expect((await api('PATCH', `/api/v1/venues/${venueId}/rooms/${room}`, keyA, { capacity: 2 })).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/venues', keyB)).json().venues).toEqual([]);
    expect((await api('GET', '/api/v1/venues/not-a-uuid', keyA)).statusCode).toBe(422);
  });

  it('lets a mediator read venues but not change them', async () => {
    expect((await api('GET', '/api/v1/venues', keyMediator)).statusCode).toBe(200);
    const refused = await api('PATCH', `/api/v1/venues/${apiVenueId}`, keyMediator, { name: 'Mine now' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe('ROLE_NOT_ALLOWED');
  });
});
