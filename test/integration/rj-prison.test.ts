// A participant in custody: their establishment, prison number and offender manager are recorded, contact is through
// the offender manager, and a prison visit cannot be booked until the service's checklist is complete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, pageText } from '../support/meetings.ts';
import { type RjWorld, rjWorld } from '../support/rj.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: RjWorld;
let cora: WebClient;

beforeAll(async () => {
  h = await startHarness();
  w = await rjWorld(h, 'rjp');
  cora = await w.signIn(w.members.cora);
  await cora.get('/home');
});
afterAll(() => h?.close());

const visit = () => ({
  kind: 'prison_visit',
  mode: 'in_person',
  place: 'prison',
  locationText: 'HMP Example (fictional)',
  start: '2026-12-15T10:00:00Z',
  durationMinutes: 60,
  volunteerIds: [w.volunteers.vera, w.volunteers.leo],
  partyIds: [w.parties.pat],
});
const book = () => apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/meetings`, visit());
const custodyUrl = () => `/cases/${w.caseId}/rj/custody`;

describe('a participant in custody', () => {
  it('refuses a prison visit to someone with no custody details', async () => {
    const res = await book();
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.partyIds).toBe('A prison visit is to a participant in custody: record their custody details first');
  });

  it('keeps what was typed and names each missing detail on the page', async () => {
    await cora.get(`/cases/${w.caseId}/rj`);
    const res = await cora.post(`${custodyUrl()}/${w.parties.pat}`, {
      establishment: 'HMP Example (fictional)',
      prisonNumber: '',
      offenderManagerName: '',
      offenderManagerContact: '',
    });
    expect(res.statusCode).toBe(422);
    const text = pageText(res.body);
    expect(text).toContain('Enter the prison number');
    expect(text).toContain('Enter the offender manager’s name');
    expect(res.body).toContain('HMP Example (fictional)');
  });

  it('records custody, and shows contact is through the offender manager', async () => {
    const res = await cora.post(`${custodyUrl()}/${w.parties.pat}`, {
      establishment: 'HMP Example (fictional)',
      prisonNumber: 'A1234BC',
      offenderManagerName: 'Olu Manager',
      offenderManagerContact: 'olu.manager@probation.example',
    });
    expect(res.statusCode).toBe(303);
    const text = pageText((await cora.get(`/cases/${w.caseId}/rj`)).body);
    expect(text).toContain('In custody at HMP Example (fictional), prison number A1234BC. Contact is through the offender manager, Olu Manager');
  });

  it('refuses the visit until every step of the service’s checklist is done, naming those left', async () => {
    expect((await book()).json().error.fields.partyIds).toBe(
      'The prison visit checklist for Pat Harmer is not complete: Security clearance for both facilitators, Governor approval, Visit booked with the prison',
    );
    for (const step of ['Security clearance for both facilitators', 'Governor approval'])
      expect((await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/rj/custody/${w.parties.pat}/checklist`, { step, done: true })).statusCode).toBe(200);
    expect((await book()).json().error.fields.partyIds).toBe('The prison visit checklist for Pat Harmer is not complete: Visit booked with the prison');
    const unknown = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/rj/custody/${w.parties.pat}/checklist`, { step: 'Bring cake', done: true });
    expect(unknown.statusCode).toBe(422);
    await cora.get(`/cases/${w.caseId}/rj`);
    expect((await cora.post(`${custodyUrl()}/${w.parties.pat}/checklist`, { step: 'Visit booked with the prison', done: 'yes' })).statusCode).toBe(303);
    expect((await book()).statusCode).toBe(201);
  });
});

describe('written consent (RJC Code C)', () => {
  it('asks for the information’s version and the date signed, keeping what was typed, then records it', async () => {
    await cora.get(`/cases/${w.caseId}/people`);
    const bare = await cora.post(`/cases/${w.caseId}/consents`, { partyId: w.parties.hana, status: 'given', method: 'verbal', notes: 'Met at the library' });
    expect(bare.statusCode).toBe(422);
    const text = pageText(bare.body);
    expect(text).toContain('Restorative justice needs written consent');
    expect(text).toContain('Enter the version of the information they were given');
    expect(bare.body).toContain('Met at the library');
    const ok = await cora.post(`/cases/${w.caseId}/consents`, {
      partyId: w.parties.hana,
      status: 'given',
      method: 'written',
      informationVersion: 'RJ leaflet v3',
      'signedOn-day': '1',
      'signedOn-month': '12',
      'signedOn-year': '2026',
    });
    expect(ok.statusCode).toBe(303);
    const api = await apiAs(h, cora)('POST', `/api/v1/cases/${w.caseId}/consents`, { partyId: w.parties.pat, status: 'given', method: 'online' });
    expect(api.statusCode).toBe(422);
    expect(api.json().error.fields).toMatchObject({ informationVersion: expect.any(String), signedOn: 'Enter the date they signed' });
  });
});

describe('removing a participant with RJ records', () => {
  it('is refused with the reason, in the API and on the page, and the records stay', async () => {
    const refusal =
      'Pat Harmer has restorative justice records (suitability, a risk assessment, custody details or letters) on this case, so cannot be removed: record that they withdrew their consent instead';
    const res = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/cases/${w.caseId}/parties/${w.parties.pat}`,
      payload: { reason: 'Entered in error' },
      headers: { cookie: [...cora.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': cora.csrf ?? '' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ reason: 'PARTY_HAS_RECORDS', message: refusal });
    const page = await cora.post(`/cases/${w.caseId}/people/${w.parties.pat}/remove`, { reason: 'Entered in error' });
    expect(page.statusCode).toBe(409);
    expect(pageText(page.body)).toContain('Pat Harmer cannot be removed: record that they withdrew their consent instead');
    const o = await h.deps.rj.overview(w.coordinator, w.caseId);
    expect(o.participants.find((p) => p.id === w.parties.pat)?.custody?.establishment).toBeTruthy();
  });

  it('still removes someone entered in error who has no RJ records', async () => {
    const res = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/cases/${w.caseId}/parties/${w.parties.sid}`,
      payload: { reason: 'Entered in error' },
      headers: { cookie: [...cora.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': cora.csrf ?? '' },
    });
    expect(res.statusCode).toBe(200);
  });
});
