// The volunteers API: create, read, list, change, availability (validated), status moves and refusals,
// declared connections; a mediator reads only their own record and changes only their own availability;
// another service sees nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '#src/db/orm.ts';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let key: string;
let otherKey: string;
let sue: Awaited<ReturnType<typeof makeMember>>;
let mia: Awaited<ReturnType<typeof makeMember>>;
let miaWeb: WebClient;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const api = async (method: Method, url: string, body?: unknown, bearer = key) => {
  const res = await h.app.inject({ method, url, payload: body as Record<string, unknown>, headers: { authorization: `Bearer ${bearer}` } });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
};
/** The API as the signed-in person in the browser session (cookie and CSRF token). */
const asSession = async (web: WebClient, method: Method, url: string, body?: unknown) => {
  await web.get('/home');
  const res = await h.app.inject({
    method,
    url,
    payload: body as Record<string, unknown>,
    headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': web.csrf ?? '' },
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
};

const vera = {
  name: 'Vera Testvolunteer',
  email: 'vera@example.org',
  postcode: 'ct1 2ab',
  languages: ['English', 'Polish'],
  travelMiles: 15,
};

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-03-27T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'cdm', 'Coastal District Mediation (fictional)'));
  key = (await h.deps.apiKeys.createForOrg(orgId, { name: 'CDM coordinator key', role: 'coordinator' }, systemActor('test'))).key;
  const other = await makeOrg(h.deps, 'odm');
  otherKey = (await h.deps.apiKeys.createForOrg(other.orgId, { name: 'Other admin key', role: 'admin' }, systemActor('test'))).key;
  sue = await makeMember(h.deps, orgId, 'supervisor', 'sue@cdm.example', { name: 'Sue Supervisor' });
  mia = await makeMember(h.deps, orgId, 'mediator', 'mia@cdm.example', { name: 'Mia Mediator' });
  miaWeb = await signIn(h, mia);
});
afterAll(() => h?.close());

describe('the volunteers API', () => {
  let id: string;

  it('creates a volunteer with defaults and the first step of the history', async () => {
    const res = await api('POST', '/api/v1/volunteers', vera);
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      name: 'Vera Testvolunteer',
      email: 'vera@example.org',
      postcode: 'CT1 2AB',
      languages: ['English', 'Polish'],
      travelMiles: 15,
      maxActiveCases: 3,
      activeCases: 0,
      status: 'applicant',
      statusHistory: [{ status: 'applicant', on: '2026-03-27', by: 'API key: CDM coordinator key' }],
      weeklyAvailability: [],
      away: [],
      connections: [],
      userId: null,
    });
  });

  it('refuses a bad record with a reason per field', async () => {
    const res = await api('POST', '/api/v1/volunteers', { name: '', postcode: 'nowhere', travelMiles: 2.5, languages: 'English' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toMatchObject({
      name: 'Enter their name',
      postcode: 'Enter a real postcode, like CT1 2AB',
      travelMiles: 'Enter how far they will travel in whole miles, like 10',
    });
    expect(res.body.error.fields.languages).toBeDefined();
  });

  it('reads, lists with filters, and patches (null clears, left out stays)', async () => {
    expect((await api('GET', `/api/v1/volunteers/${id}`)).body.name).toBe('Vera Testvolunteer');
    const audited = await h.deps.db.execute(sql`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY seq`);
    expect((audited as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'volunteer.created',
      'volunteer.viewed',
      'volunteer.viewed',
    ]);
    const patched = await api('PATCH', `/api/v1/volunteers/${id}`, { phone: '01632 960 001', postcode: null, supervisorUserId: sue.userId });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ phone: '01632 960 001', postcode: null, email: 'vera@example.org', supervisorUserId: sue.userId });
    const bad = await api('PATCH', `/api/v1/volunteers/${id}`, { supervisorUserId: mia.userId });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.supervisorUserId).toContain('supervisor or admin role');
    await api('POST', '/api/v1/volunteers', { name: 'Lena Listvolunteer' });
    expect((await api('GET', '/api/v1/volunteers?q=vera')).body.volunteers.map((v: { name: string }) => v.name)).toEqual(['Vera Testvolunteer']);
    expect((await api('GET', '/api/v1/volunteers?status=accredited')).body.volunteers).toEqual([]);
    expect((await api('GET', '/api/v1/volunteers')).body.volunteers).toHaveLength(2);
  });

  it('replaces availability, sorted, and refuses bad windows and dates with the field that is wrong', async () => {
    const ok = await api('PUT', `/api/v1/volunteers/${id}/availability`, {
      weekly: [
        { day: 3, from: '17:00', to: '21:00' },
        { day: 1, from: '09:00', to: '13:00' },
      ],
      away: [{ from: '2026-04-01', to: '2026-04-10', reason: 'Holiday' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.weekly).toEqual([
      { day: 1, from: '09:00', to: '13:00' },
      { day: 3, from: '17:00', to: '21:00' },
    ]);
    expect(ok.body.away).toEqual([{ id: expect.any(String), from: '2026-04-01', to: '2026-04-10', reason: 'Holiday' }]);

    const bad = await api('PUT', `/api/v1/volunteers/${id}/availability`, {
      weekly: [
        { day: 8, from: '09:00', to: '13:00' },
        { day: 1, from: '9am', to: '13:00' },
        { day: 2, from: '13:00', to: '12:00' },
      ],
      away: [
        { from: '2026-02-30', to: '2026-03-01' },
        { from: '2026-04-10', to: '2026-04-01' },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual({
      'weekly.0.day': 'Day must be a whole number from 1 (Monday) to 7 (Sunday)',
      'weekly.1.from': 'Start time must be a time like 09:00',
      'weekly.2.to': 'End time must be after the start time',
      'away.0.from': 'Enter the first day away as a real date',
      'away.1.to': 'The last day away must be the same as or after the first day',
    });
    expect((await api('GET', `/api/v1/volunteers/${id}`)).body.weeklyAvailability).toHaveLength(2); // unchanged
  });

  it('moves the status with a date and note, and refuses a move the pipeline does not allow with the reasons', async () => {
    const refused = await api('POST', `/api/v1/volunteers/${id}/status`, { status: 'accredited', on: '2026-03-27' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('STATUS_CHANGE_REFUSED');
    expect(refused.body.error.message).toContain('A volunteer who is applicant cannot become accredited');
    const badDate = await api('POST', `/api/v1/volunteers/${id}/status`, { status: 'in_training', on: '27 March' });
    expect(badDate.status).toBe(422);
    expect(badDate.body.error.fields.on).toBe('Date of the change must be a real date, like 2026-03-27');
    const noSuchDate = await api('POST', `/api/v1/volunteers/${id}/status`, { status: 'in_training', on: '2026-02-30' });
    expect(noSuchDate.body.error.fields.on).toBe('Enter a real date'); // refused at the edge
    const moved = await api('POST', `/api/v1/volunteers/${id}/status`, { status: 'in_training', on: '2026-03-27', note: 'Course started' });
    expect(moved.status).toBe(200);
    expect(moved.body.statusHistory.at(-1)).toEqual({ status: 'in_training', on: '2026-03-27', by: 'API key: CDM coordinator key', note: 'Course started' });
  });

  it('declares and removes connections', async () => {
    const added = await api('POST', `/api/v1/volunteers/${id}/connections`, { kind: 'organisation', text: 'Riverside Academy' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(String), kind: 'organisation', text: 'Riverside Academy', declaredOn: '2026-03-27' });
    expect((await api('POST', `/api/v1/volunteers/${id}/connections`, { kind: 'cousin', text: 'x' })).status).toBe(422);
    expect((await api('GET', `/api/v1/volunteers/${id}`)).body.connections).toHaveLength(1);
    expect((await api('DELETE', `/api/v1/volunteers/${id}/connections/${added.body.id}`)).status).toBe(204);
    expect((await api('DELETE', `/api/v1/volunteers/${id}/connections/${added.body.id}`)).status).toBe(404);
  });

  it('is invisible to another service', async () => {
    expect((await api('GET', `/api/v1/volunteers/${id}`, undefined, otherKey)).status).toBe(404);
    expect((await api('PATCH', `/api/v1/volunteers/${id}`, { name: 'Taken' }, otherKey)).status).toBe(404);
    expect((await api('PUT', `/api/v1/volunteers/${id}/availability`, { weekly: [], away: [] }, otherKey)).status).toBe(404);
    const list = await api('GET', '/api/v1/volunteers', undefined, otherKey);
    expect(list.body.volunteers).toEqual([]);
    expect((await api('GET', `/api/v1/volunteers/${id}`)).body.name).toBe('Vera Testvolunteer');
  });
});

describe('a mediator through the API', () => {
  let miaId: string;
  let otherId: string;
  beforeAll(async () => {
    miaId = (await api('POST', '/api/v1/volunteers', { name: 'Mia Mediator', email: 'mia@cdm.example' })).body.id;
    otherId = (await api('GET', '/api/v1/volunteers?q=vera')).body.volunteers[0].id;
    const actor = { type: 'user' as const, id: sue.userId, orgId, orgSlug: 'cdm', orgName: 'x', role: 'admin' as const };
    await h.deps.volunteers.linkToAccount(actor, miaId);
  });

  it('reads their own record and changes their own availability', async () => {
    const own = await asSession(miaWeb, 'GET', `/api/v1/volunteers/${miaId}`);
    expect(own.status).toBe(200);
    expect(own.body.userId).toBe(mia.userId);
    const put = await asSession(miaWeb, 'PUT', `/api/v1/volunteers/${miaId}/availability`, {
      weekly: [{ day: 6, from: '10:00', to: '12:00' }],
      away: [],
    });
    expect(put.status).toBe(200);
    expect(put.body.weekly).toEqual([{ day: 6, from: '10:00', to: '12:00' }]);
  });

  it('is refused other records, the list and every change but availability, with the reason', async () => {
    const other = await asSession(miaWeb, 'GET', `/api/v1/volunteers/${otherId}`);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ reason: 'NOT_OWN_RECORD', message: 'You can see only your own volunteer record, not other volunteers’ records.' });
    const put = await asSession(miaWeb, 'PUT', `/api/v1/volunteers/${otherId}/availability`, { weekly: [], away: [] });
    expect(put.status).toBe(403);
    expect(put.body.error.reason).toBe('NOT_OWN_RECORD');
    const list = await asSession(miaWeb, 'GET', '/api/v1/volunteers');
    expect(list.status).toBe(403);
    expect(list.body.error.message).toContain('you are a mediator');
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/volunteers/${miaId}`, { name: 'Mia Changed' }],
      ['POST', `/api/v1/volunteers/${miaId}/status`, { status: 'in_training', on: '2026-03-27' }],
      ['POST', `/api/v1/volunteers/${miaId}/connections`, { kind: 'person', text: 'Sam Patel' }],
      ['POST', '/api/v1/volunteers', { name: 'New Person' }],
    ] as const) {
      const res = await asSession(miaWeb, method, url, body);
      expect(res.status, `${method} ${url}`).toBe(403);
    }
  });
});
