// PATCH /api/v1/settings is a JSON Merge Patch (RFC 7396): what it leaves out stays as it is. PUT replaces the whole.
// The other PATCH routes (venues, rooms, volunteers) leave alone what they are not given, too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
let key: string;
const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, contentType = 'application/json') =>
  h.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    headers: { authorization: `Bearer ${key}`, ...(payload === undefined ? {} : { 'content-type': contentType }) },
  });

const configured = {
  referencePrefix: 'HDM',
  caseTypes: ['community', 'restorative_justice', 'send', 'social_care'],
  areas: { postcodePrefixes: ['CT', 'ME14'], localAuthorities: ['Kent'] },
  notices: [{ id: 'n1', text: 'The office is closed on Friday', homeVisitsSuspended: false, officeClosed: true }],
  emergencyContacts: 'In an emergency call 999.',
  volunteers: { mileagePence: 40 },
  meetings: { reminderHours: 48 },
};

beforeAll(async () => {
  h = await startHarness();
  const org = await makeOrg(h.deps, 'hdm', 'Hilltop District Mediation (fictional)');
  await makeMember(h.deps, org.orgId, 'admin', 'ada@hdm.example');
  key = (await h.deps.apiKeys.createForOrg(org.orgId, { name: 'admin', role: 'admin' }, systemActor('test'))).key;
});
afterAll(() => h?.close());

describe('PATCH /api/v1/settings', () => {
  it('changes only what it is given: the welcome text leaves prefixes, case types, areas and notices alone', async () => {
    const setUp = await call('PATCH', '/api/v1/settings', configured);
    expect(setUp.json()).toMatchObject({ referencePrefix: 'HDM' });
    const before = (await call('GET', '/api/v1/settings')).json();
    const res = await call('PATCH', '/api/v1/settings', { welcome: 'We help neighbours sort things out.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...before, welcome: 'We help neighbours sort things out.' });
    expect((await call('GET', '/api/v1/settings')).json()).toEqual(res.json());
    // The case types it kept still have their public referral pages.
    for (const caseType of ['restorative-justice', 'send', 'social-care'])
      expect((await h.app.inject({ method: 'GET', url: `/s/hdm/professional-referral/${caseType}` })).statusCode).toBe(200);
  });

  it('takes application/merge-patch+json: objects merge member by member, null puts a member back to its default', async () => {
    const res = await call(
      'PATCH',
      '/api/v1/settings',
      { areas: { localAuthorities: ['Medway'] }, volunteers: { cpdHoursPerYear: 10 }, emergencyContacts: null },
      'application/merge-patch+json',
    );
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.areas).toEqual({ postcodePrefixes: ['CT', 'ME14'], localAuthorities: ['Medway'] });
    expect(after).not.toHaveProperty('caseTypePrefixes');
    expect(after.volunteers).toMatchObject({ cpdHoursPerYear: 10, mileagePence: 40 });
    expect(after.meetings.reminderHours).toBe(48);
    expect(after.emergencyContacts).toMatch(/call 999/);
    expect(after.emergencyContacts).not.toBe('In an emergency call 999.');
    expect(after.referencePrefix).toBe('HDM');
  });

  it('checks the settings that result as a whole, naming each field, and changes nothing when they are wrong', async () => {
    const before = (await call('GET', '/api/v1/settings')).json();
    const res = await call('PATCH', '/api/v1/settings', { referencePrefix: 'H1', caseTypes: [], notices: [{ id: 'n2', text: ' ' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({
      referencePrefix: 'A reference prefix is 2 to 6 letters, like CDM',
      caseTypes: 'Offer at least one case type',
      'notices.0.text': 'Enter the notice text',
    });
    expect((await call('GET', '/api/v1/settings')).json()).toEqual(before);
  });

  it('refuses a member it does not know and a value of the wrong type, saying which', async () => {
    const unknown = await call('PATCH', '/api/v1/settings', { welcom: 'typo' });
    expect(unknown.statusCode).toBe(422);
    expect(JSON.stringify(unknown.json().error)).toContain('welcom');
    const wrong = await call('PATCH', '/api/v1/settings', { welcome: 5 });
    expect(wrong.statusCode).toBe(422);
    expect(Object.keys(wrong.json().error.fields ?? {})).toContain('welcome');
  });

  it('is documented as a merge patch in the OpenAPI document, and PUT as the full replacement', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const patch = doc.paths['/api/v1/settings'].patch.requestBody.content;
    expect(Object.keys(patch)).toEqual(expect.arrayContaining(['application/merge-patch+json', 'application/json']));
    expect(JSON.stringify(patch)).toContain('RFC 7396');
    expect(doc.paths['/api/v1/settings'].put.requestBody).toBeDefined();
  });
});

describe('PUT /api/v1/settings', () => {
  it('replaces the whole settings: what is left out goes back to its default', async () => {
    const res = await call('PUT', '/api/v1/settings', { referencePrefix: 'ABC', caseTypes: ['community'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ referencePrefix: 'ABC', caseTypes: ['community'], notices: [], welcome: '' });
    expect(res.json().volunteers.mileagePence).toBe(45);
  });
});

describe('the other PATCH routes', () => {
  it('change a venue and a room only where told, and null clears an optional field', async () => {
    const venue = await call('POST', '/api/v1/venues', {
      name: 'Riverside Hall',
      address: '1 River Street',
      postcode: 'CT1 2AB',
      accessNotes: 'Step-free entrance',
      openingHours: [{ day: 1, from: '09:00', to: '17:00' }],
      closedDates: ['2026-12-25'],
    });
    expect(venue.statusCode).toBe(201);
    const id = venue.json().id as string;
    const named = await call('PATCH', `/api/v1/venues/${id}`, { name: 'Riverside Community Hall' }, 'application/merge-patch+json');
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({
      name: 'Riverside Community Hall',
      address: '1 River Street',
      accessNotes: 'Step-free entrance',
      openingHours: [{ day: 1, from: '09:00', to: '17:00' }],
      closedDates: ['2026-12-25'],
    });
    const cleared = await call('PATCH', `/api/v1/venues/${id}`, { accessNotes: null });
    expect(cleared.json()).toMatchObject({ accessNotes: null, address: '1 River Street' });
    const required = await call('PATCH', `/api/v1/venues/${id}`, { name: null });
    expect(required.statusCode).toBeGreaterThanOrEqual(400);
    expect(required.statusCode).toBeLessThan(500);

    const room = await call('POST', `/api/v1/venues/${id}/rooms`, { name: 'Room 1', capacity: 6, separateWaitingRoom: true, accessNotes: 'Hearing loop' });
    const roomId = room.json().id as string;
    const changed = await call('PATCH', `/api/v1/venues/${id}/rooms/${roomId}`, { capacity: 8 }, 'application/merge-patch+json');
    expect(changed.json()).toMatchObject({ name: 'Room 1', capacity: 8, separateWaitingRoom: true, accessNotes: 'Hearing loop' });
  });

  it('change a volunteer only where told', async () => {
    const made = await call('POST', '/api/v1/volunteers', {
      name: 'Val Volunteer',
      email: 'val@example.org',
      languages: ['English', 'Welsh'],
      travelMiles: 12,
      maxActiveCases: 2,
      notes: 'Prefers evenings',
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().id as string;
    const res = await call('PATCH', `/api/v1/volunteers/${id}`, { phone: '01632 960 001' }, 'application/merge-patch+json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Val Volunteer',
      email: 'val@example.org',
      phone: '01632 960 001',
      languages: ['English', 'Welsh'],
      travelMiles: 12,
      maxActiveCases: 2,
      notes: 'Prefers evenings',
    });
  });
});
