// People's requests (rules.md #55, #56): subject access, erasure and rectification, each due one calendar month from
// receipt on a working day (three when extended with a reason), shown on the data-protection queue until answered;
// erasure refused only with its lawful reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { pageText } from '../support/page-text.ts';
import { actorFor, makeCase } from '../support/volunteers.ts';

let h: Harness;
let key: string;
let orgId: string;

beforeAll(async () => {
  h = await startHarness();
  h.clock.current = new Date('2026-12-06T10:00:00Z');
  ({ orgId } = await makeOrg(h.deps, 'dpr', 'Requests Mediation (fictional)'));
  ({ key } = await h.deps.apiKeys.createForOrg(orgId, { name: 'DPO tools', role: 'coordinator' }, systemActor('test')));
});
afterAll(() => h?.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as Record<string, unknown>, headers: { authorization: `Bearer ${key}` } });

describe('people’s requests', () => {
  it('records a subject access request due one calendar month on, moved past Christmas to a working day', async () => {
    const made = await api('POST', '/api/v1/data-protection/requests', { kind: 'access', requesterName: 'Ottilie Framlingham', receivedOn: '2026-11-25' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ reference: 'DR-001', dueOn: '2026-12-29', status: 'open', daysLeft: 23 });
    const coordinator = await makeMember(h.deps, orgId, 'coordinator', 'cora@dpr.example', { name: 'Cora Coordinator' });
    const queue = pageText((await (await signIn(h, coordinator)).get('/data-protection')).body);
    expect(queue).toContain('DR-001');
    expect(queue).toContain('Ottilie Framlingham');
    expect(queue).toContain('23 days left');
  });

  it('extends once, with the reason, to three months from the start', async () => {
    const { id } = (await api('POST', '/api/v1/data-protection/requests', { kind: 'access', requesterName: 'Ptolemy Vance', receivedOn: '2026-11-16' })).json();
    const noReason = await api('PATCH', `/api/v1/data-protection/requests/${id}`, { action: 'extend', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields.reason).toBe('Say why the request needs two more months');
    const extended = await api('PATCH', `/api/v1/data-protection/requests/${id}`, { action: 'extend', reason: 'Records across six cases and two services' });
    expect(extended.json()).toMatchObject({ dueOn: '2027-02-16', extensionReason: 'Records across six cases and two services' });
    const twice = await api('PATCH', `/api/v1/data-protection/requests/${id}`, { action: 'extend', reason: 'Again' });
    expect(twice.statusCode).toBe(422);
  });

  it('refuses erasure only with a lawful reason, and records a rectification done', async () => {
    const { id } = (
      await api('POST', '/api/v1/data-protection/requests', { kind: 'erasure', requesterName: 'Wilhelmina Strode', receivedOn: '2026-12-01' })
    ).json();
    const noReason = await api('PATCH', `/api/v1/data-protection/requests/${id}`, { action: 'refuse', outcome: 'Their case is open' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields.refusalReason).toBe('Choose the lawful reason for refusing');
    const refused = await api('PATCH', `/api/v1/data-protection/requests/${id}`, {
      action: 'refuse',
      outcome: 'Their case is open',
      refusalReason: 'case_still_open',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', refusalReason: 'case_still_open', closedOn: '2026-12-06', daysLeft: null });
    expect((await api('PATCH', `/api/v1/data-protection/requests/${id}`, { action: 'complete', outcome: 'x' })).statusCode).toBe(409);

    const fix = (
      await api('POST', '/api/v1/data-protection/requests', { kind: 'rectification', requesterName: 'Wilhelmina Strode', receivedOn: '2026-12-02' })
    ).json();
    const done = await api('PATCH', `/api/v1/data-protection/requests/${fix.id}`, {
      action: 'complete',
      outcome: 'Phone number corrected on case CM-2026-0001',
    });
    expect(done.json()).toMatchObject({ status: 'completed', outcome: 'Phone number corrected on case CM-2026-0001' });
  });

  it('names each mistake in a new request', async () => {
    const bad = await api('POST', '/api/v1/data-protection/requests', { kind: 'forget', requesterName: ' ', receivedOn: '2026-02-30' });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['kind', 'requesterName', 'receivedOn']));
    const future = await api('POST', '/api/v1/data-protection/requests', { kind: 'access', requesterName: 'A Person', receivedOn: '2027-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields.receivedOn).toBe('The date received must not be in the future');
  });

  it('finds the person across the service’s cases by name, phone or postcode, and no one else', async () => {
    const admin = actorFor(orgId, (await makeMember(h.deps, orgId, 'admin', 'ada@dpr.example', { name: 'Ada Admin' })).userId, 'admin', 'Ada Admin');
    await makeCase(h.deps, orgId, admin, { description: 'Hedge', parties: [{ name: 'Ottilie Framlingham', postcode: 'ZZ1 1ZZ' }, { name: 'Gideon Marwood' }] });
    await makeCase(h.deps, orgId, admin, {
      description: 'Parking',
      parties: [{ name: 'Ottilie Framlingham', postcode: 'ZZ1 1ZZ' }, { name: 'Rosalind Quaife' }],
    });
    const byPostcode = (await api('GET', '/api/v1/data-protection/people?q=zz1%201zz')).json().people;
    expect(byPostcode.map((p: { name: string }) => p.name)).toEqual(['Ottilie Framlingham', 'Ottilie Framlingham']);
    const byName = (await api('GET', '/api/v1/data-protection/people?q=ottilie%20fram')).json().people;
    expect(new Set(byName.map((p: { reference: string }) => p.reference)).size).toBe(2);
    expect(JSON.stringify(byName)).not.toContain('Marwood');
    expect((await api('GET', '/api/v1/data-protection/people?q=x')).statusCode).toBe(422);
  });
});

describe('erasure and rectification on the pages', () => {
  it('refuses erasure only with its lawful reason, keeping what was typed, and shows the decision', async () => {
    const web = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'erin@dpr.example', { name: 'Erin Admin' }));
    await web.get('/data-protection/requests/new');
    const made = await web.post('/data-protection/requests', {
      kind: 'erasure',
      requesterName: 'Barnaby Thistlewood',
      'receivedOn-day': '1',
      'receivedOn-month': '12',
      'receivedOn-year': '2026',
    });
    expect(made.statusCode).toBe(303);
    const url = (made.headers.location as string).split('?')[0]!;
    await web.get(url);
    const noReason = await web.post(url, { action: 'refuse', outcome: 'Their case is still open' });
    expect(noReason.statusCode).toBe(422);
    expect(pageText(noReason.body)).toContain('Choose the lawful reason for refusing');
    expect(noReason.body).toContain('Their case is still open');
    const refused = await web.post(url, { action: 'refuse', outcome: 'Their case is still open', refusalReason: 'case_still_open' });
    expect(refused.statusCode).toBe(303);
    const page = pageText((await web.get(url)).body);
    expect(page).toContain('Refused');
    expect(page).toContain('The case is still open: erasure follows closure');
    expect(page).not.toContain('Close the request');
    expect(pageText((await web.get('/data-protection')).body)).not.toContain('Barnaby Thistlewood');
    expect(pageText((await web.get('/data-protection/requests')).body)).toContain('Barnaby Thistlewood');
  });

  it('records a rectification with what was corrected', async () => {
    const web = await signIn(h, await makeMember(h.deps, orgId, 'coordinator', 'rory@dpr.example', { name: 'Rory Coordinator' }));
    await web.get('/data-protection/requests/new');
    const made = await web.post('/data-protection/requests', {
      kind: 'rectification',
      requesterName: 'Barnaby Thistlewood',
      'receivedOn-day': '2',
      'receivedOn-month': '12',
      'receivedOn-year': '2026',
    });
    const url = (made.headers.location as string).split('?')[0]!;
    await web.get(url);
    const none = await web.post(url, { action: 'complete', outcome: '' });
    expect(none.statusCode).toBe(422);
    expect(pageText(none.body)).toContain('Say what was done');
    expect((await web.post(url, { action: 'complete', outcome: 'Surname spelling corrected on the case' })).statusCode).toBe(303);
    const page = pageText((await web.get(url)).body);
    expect(page).toContain('Answered');
    expect(page).toContain('Surname spelling corrected on the case');
  });
});
