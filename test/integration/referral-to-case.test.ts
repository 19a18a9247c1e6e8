// The referral-to-case path through the API: public referral, triage, parties, consent, intake, lifecycle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { makeMember, makeOrg } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
let coordinatorKey: string;
let referrerKey: string;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, key: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  h = await startHarness();
  const org = await makeOrg(h.deps, 'cdm', 'Canterbury and District Mediation (fictional)');
  await makeMember(h.deps, org.orgId, 'admin', 'ada@cdm.example');
  const admin = (await h.deps.apiKeys.createForOrg(org.orgId, { name: 'admin', role: 'admin' }, systemActor('test'))).key;
  coordinatorKey = (await h.deps.apiKeys.createForOrg(org.orgId, { name: 'coordination', role: 'coordinator' }, systemActor('test'))).key;
  referrerKey = (await h.deps.apiKeys.createForOrg(org.orgId, { name: 'youth offending team', role: 'referrer' }, systemActor('test'))).key;
  const settings = await call('PATCH', '/api/v1/settings', admin, {
    referencePrefix: 'CDM',
    caseTypes: ['community', 'restorative_justice', 'send'],
    areas: { postcodePrefixes: ['CT', 'ME14'], localAuthorities: ['Kent'] },
  });
  expect(settings.statusCode).toBe(200);
});
afterAll(() => h?.close());

describe('from referral to a case that is ready', () => {
  let referralId: string;
  let caseId: string;

  it('takes the minimal public referral and gives a reference', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/cdm/referrals',
      payload: {
        caseType: 'community',
        description: 'Noise from next door late at night',
        consentToContact: true,
        parties: [
          { name: 'Sam Patel', role: 'party', phone: '07700 900123' },
          { name: 'Jo Okafor', role: 'party' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().reference).toMatch(/^CDM-R-\d{4}-0001$/);
  });

  it('explains bad input field by field', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/cdm/referrals',
      payload: { caseType: 'community', description: '', consentToContact: false, parties: [] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toMatchObject({ description: 'Say what is happening', parties: 'Tell us about at least one person' });
    const notOffered = await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/cdm/referrals',
      payload: { caseType: 'social_care', description: 'x', consentToContact: true, parties: [{ name: 'A B', role: 'party' }] },
    });
    expect(notOffered.statusCode).toBe(422);
    expect(notOffered.json().error.message).toContain('does not offer social care mediation');
  });

  it('takes a professional referral by API key with role referrer, which reads only its own referrals’ status', async () => {
    const res = await call('POST', '/api/v1/referrals', referrerKey, {
      caseType: 'restorative_justice',
      description: 'Burglary victim would like to meet the young person',
      consentToContact: true,
      personAgreed: true,
      referrer: { organisation: 'Youth Offending Team (fictional)', role: 'Case manager', name: 'Rae Referrer', email: 'rae@yot.example' },
      parties: [
        { name: 'Vic Tim', role: 'victim', phone: '+44 7700 900456' },
        { name: 'Harry Harmer', role: 'person_who_harmed' },
      ],
      details: { offenceType: 'Burglary', inCustody: true, establishment: 'HMP Example', prisonNumber: 'A1234BC' },
    });
    expect(res.statusCode).toBe(201);
    const own = await call('GET', '/api/v1/referrals', referrerKey);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ total: 1, referrals: [{ reference: res.json().reference, status: 'new' }] });
    expect((await call('GET', '/api/v1/cases', referrerKey)).statusCode).toBe(403);
  });

  it('queues referrals for triage and offers likely duplicates', async () => {
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/cdm/referrals',
      payload: {
        caseType: 'community',
        description: 'Parking dispute',
        consentToContact: true,
        parties: [{ name: 'S. Patel', role: 'party', phone: '07700900123' }],
      },
    });
    const list = await call('GET', '/api/v1/referrals?status=new', coordinatorKey);
    expect(list.json().total).toBe(3);
    referralId = list.json().referrals.find((r: { description: string }) => r.description.startsWith('Noise')).id;
    const one = await call('GET', `/api/v1/referrals/${referralId}`, coordinatorKey);
    expect(one.json().likelyDuplicates.referrals).toHaveLength(1);
  });

  it('accepts a referral into a case with its parties', async () => {
    const res = await call('POST', `/api/v1/referrals/${referralId}/accept`, coordinatorKey, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().reference).toMatch(/^CDM-\d{4}-0001$/);
    caseId = res.json().caseId;
    const again = await call('POST', `/api/v1/referrals/${referralId}/accept`, coordinatorKey, {});
    expect(again.statusCode).toBe(409);
    const c = await call('GET', `/api/v1/cases/${caseId}`, coordinatorKey);
    expect(c.json()).toMatchObject({
      status: 'intake',
      parties: [
        { name: 'Sam Patel', role: 'party' },
        { name: 'Jo Okafor', role: 'party' },
      ],
    });
  });

  it('refuses Ready until every party has consented and has an intake record, and says why', async () => {
    const refused = await call('POST', `/api/v1/cases/${caseId}/transitions`, coordinatorKey, { to: 'ready' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.reason).toBe('TRANSITION_REFUSED');
    expect(refused.json().error.message).toContain('Ready needs consent from every party: Sam Patel, Jo Okafor have not consented');

    const { parties } = (await call('GET', `/api/v1/cases/${caseId}`, coordinatorKey)).json();
    for (const p of parties) {
      expect((await call('POST', `/api/v1/cases/${caseId}/consents`, coordinatorKey, { partyId: p.id, status: 'given', method: 'verbal' })).statusCode).toBe(
        200,
      );
      await call('POST', `/api/v1/cases/${caseId}/contacts`, coordinatorKey, { partyId: p.id, method: 'call', outcome: 'spoke' });
    }
    const noIntake = await call('POST', `/api/v1/cases/${caseId}/transitions`, coordinatorKey, { to: 'ready' });
    expect(noIntake.json().error.message).toBe('Ready needs an intake record for every party: Sam Patel, Jo Okafor have none');
    for (const p of parties)
      await call('POST', `/api/v1/cases/${caseId}/intake`, coordinatorKey, {
        partyId: p.id,
        situationNow: 'Tense',
        wantedFuture: 'Quiet nights',
        ideas: 'Agree hours',
        suitability: 'suitable',
      });
    const ready = await call('POST', `/api/v1/cases/${caseId}/transitions`, coordinatorKey, { to: 'ready' });
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('withdraws the case when a party withdraws consent, and keeps it all on the timeline', async () => {
    const { parties } = (await call('GET', `/api/v1/cases/${caseId}`, coordinatorKey)).json();
    const res = await call('POST', `/api/v1/cases/${caseId}/consents`, coordinatorKey, { partyId: parties[1].id, status: 'withdrawn', method: 'written' });
    expect(res.json()).toEqual({ consent: 'withdrawn', caseStatus: 'withdrawn', goOnWith: null });
    const c = (await call('GET', `/api/v1/cases/${caseId}`, coordinatorKey)).json();
    const kinds = c.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('referral');
    expect(kinds).toEqual(expect.arrayContaining(['consent', 'contact', 'intake', 'transition']));
    expect(c.timeline.at(-1).body).toBe('Jo Okafor withdrew consent');
  });

  it('finds the case again by reference, name, phone and postcode', async () => {
    const { reference } = (await call('GET', `/api/v1/cases/${caseId}`, coordinatorKey)).json();
    for (const q of [reference, 'sam', 'Patel', '07700 900123', '+447700900123']) {
      const found = (await call('GET', `/api/v1/cases?q=${encodeURIComponent(q)}`, coordinatorKey)).json();
      expect(
        found.cases.map((x: { id: string }) => x.id),
        q,
      ).toContain(caseId);
    }
    expect((await call('GET', '/api/v1/cases?q=nobody', coordinatorKey)).json().cases).toEqual([]);
  });

  it('links a duplicate referral to the open case instead of opening another', async () => {
    const reopened = await call('POST', `/api/v1/cases/${caseId}/transitions`, coordinatorKey, { to: 'intake', reason: 'Sam asked again' });
    expect(reopened.statusCode).toBe(200);
    const list = (await call('GET', '/api/v1/referrals?status=new', coordinatorKey)).json();
    const parking = list.referrals.find((r: { description: string }) => r.description === 'Parking dispute');
    const detail = (await call('GET', `/api/v1/referrals/${parking.id}`, coordinatorKey)).json();
    expect(detail.likelyDuplicates.cases.map((c: { id: string }) => c.id)).toContain(caseId);
    const linked = await call('POST', `/api/v1/referrals/${parking.id}/link`, coordinatorKey, { caseId });
    // "S. Patel" has Sam Patel's phone number: the same person, so nobody new joins the case.
    expect(linked.json()).toMatchObject({ caseId, addedParties: 0 });
    const c = (await call('GET', `/api/v1/cases/${caseId}`, coordinatorKey)).json();
    expect(c.parties.map((p: { name: string }) => p.name)).toEqual(['Sam Patel', 'Jo Okafor']);
    expect(c.timeline.at(-1).summary).toContain('linked to this case');
  });

  it('checks coverage by postcode prefix and local authority', async () => {
    const covered = await h.app.inject({ method: 'GET', url: '/api/v1/public/cdm/coverage?postcode=ct1%202ab' });
    expect(covered.json()).toMatchObject({ covered: true, postcode: 'CT1 2AB' });
    const notCovered = await h.app.inject({ method: 'GET', url: '/api/v1/public/cdm/coverage?postcode=SW1A%201AA' });
    expect(notCovered.json().covered).toBe(false);
    const junk = await h.app.inject({ method: 'GET', url: '/api/v1/public/cdm/coverage?postcode=hello' });
    expect(junk.statusCode).toBe(422);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/public/nope/coverage?postcode=CT1%202AB' })).statusCode).toBe(404);
  });
});
