// A service's own case types: added by an admin with a reference prefix and the kind of rules they follow, offered on
// the referral forms and the case list, and every rule that depends on SEND or restorative justice going by the kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { sql } from '#src/db/orm.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let adminKey: string;
let coordinatorKey: string;
let otherKey: string;
let orgId: string;
let web: WebClient;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, key: string, payload?: unknown) =>
  h.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${key}` } });

beforeAll(async () => {
  h = await startHarness();
  const org = await makeOrg(h.deps, 'wdm', 'Westbrook District Mediation (fictional)');
  orgId = org.orgId;
  const admin = await makeMember(h.deps, orgId, 'admin', 'ada@wdm.example');
  adminKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'admin', role: 'admin' }, systemActor('test'))).key;
  coordinatorKey = (await h.deps.apiKeys.createForOrg(orgId, { name: 'coordination', role: 'coordinator' }, systemActor('test'))).key;
  const other = await makeOrg(h.deps, 'odm', 'Otherton Mediation (fictional)');
  otherKey = (await h.deps.apiKeys.createForOrg(other.orgId, { name: 'admin', role: 'admin' }, systemActor('test'))).key;
  expect((await call('PATCH', '/api/v1/settings', adminKey, { referencePrefix: 'WDM', caseTypes: ['community', 'send'] })).statusCode).toBe(200);
  web = await signIn(h, admin);
});
afterAll(() => h?.close());

const referral = (caseType: string, parties: { name: string; role: string }[], details: Record<string, unknown> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/public/wdm/referrals',
    payload: { caseType, description: 'A disagreement at work about shifts', consentToContact: true, parties, details },
  });

describe('case types per service', () => {
  it('starts a service with the four built-in types, one of each kind, and keeps them to the service', async () => {
    const res = await call('GET', '/api/v1/case-types', adminKey);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { code: 'community', name: null, kind: 'community', referencePrefix: null, offered: true },
      { code: 'restorative_justice', name: null, kind: 'restorative_justice', referencePrefix: null, offered: false },
      { code: 'send', name: null, kind: 'send', referencePrefix: null, offered: true },
      { code: 'social_care', name: null, kind: 'social_care', referencePrefix: null, offered: false },
    ]);
  });

  it('adds a type of the service’s own from the pages, refusing a missing name and kind with what was typed kept', async () => {
    const bad = await web.submit('/settings/case-types/new', { name: '', kind: '', referencePrefix: 'wp' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter the name of the case type');
    expect(bad.body).toContain('Select the rules the case type follows');
    expect(bad.body).toContain('value="wp"');
    const ok = await web.submit('/settings/case-types/new', { name: 'Workplace mediation', kind: 'community', referencePrefix: 'wpm' });
    expect(ok.statusCode).toBe(303);
    const list = await web.get('/settings/case-types');
    expect(list.body).toContain('Workplace mediation');
    expect(list.body).toContain('WPM');
    const added = await call('POST', '/api/v1/case-types', adminKey, { name: 'Parent-led SEND mediation', kind: 'send', referencePrefix: 'PLS' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ code: 'parent-led-send-mediation', name: 'Parent-led SEND mediation', kind: 'send', referencePrefix: 'PLS', offered: true });
    const again = await call('POST', '/api/v1/case-types', adminKey, { name: 'Workplace mediation', kind: 'restorative_justice' });
    expect(again.json().code).toBe('workplace-mediation-2');
    // Another service sees none of them, and cannot offer them.
    expect((await call('GET', '/api/v1/case-types', otherKey)).json()).toHaveLength(4);
    const borrow = await call('PATCH', '/api/v1/settings', otherKey, { caseTypes: ['workplace-mediation'] });
    expect(borrow.statusCode).toBe(422);
    expect(borrow.json().error.fields.caseTypes).toBeTruthy();
  });

  it('offers the new types on the public pages and the case list', async () => {
    const home = await h.app.inject({ method: 'GET', url: '/s/wdm' });
    expect(home.body).toContain('Workplace mediation');
    const choose = await h.app.inject({ method: 'GET', url: '/s/wdm/professional-referral' });
    expect(choose.body).toContain('value="workplace-mediation"');
    const form = await h.app.inject({ method: 'GET', url: '/s/wdm/professional-referral/parent-led-send-mediation' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('About the decision'); // the SEND questions, by the type's kind
    const cases = await web.get('/cases');
    expect(cases.body).toContain('<option value="workplace-mediation"');
  });

  it('numbers a case with its type’s prefix and gives it its type’s kind, with the roles and tabs of that kind', async () => {
    const made = await referral('workplace-mediation', [
      { name: 'Sam Sample', role: 'party' },
      { name: 'Jo Example', role: 'party' },
    ]);
    expect(made.statusCode).toBe(201);
    const { referrals } = (await call('GET', '/api/v1/referrals', coordinatorKey)).json();
    expect((await web.get('/referrals')).body).toContain('Workplace mediation');
    expect((await web.get(`/referrals/${referrals[0].id}`)).body).toContain('Workplace mediation');
    const accepted = await call('POST', `/api/v1/referrals/${referrals[0].id}/accept`, coordinatorKey, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().reference).toMatch(/^WPM-\d{4}-0001$/);
    const c = (await call('GET', `/api/v1/cases/${accepted.json().caseId}`, coordinatorKey)).json();
    expect(c).toMatchObject({ caseType: 'workplace-mediation', caseKind: 'community' });
    const page = await web.get(`/cases/${c.id}`);
    expect(page.body).toContain('Workplace mediation');
    const victim = await call('POST', `/api/v1/cases/${c.id}/parties`, coordinatorKey, { name: 'Vic Example', role: 'victim' });
    expect(victim.statusCode).toBe(422);
  });

  it('treats a service’s own SEND type as SEND: its questions, its roles and its SEND tab', async () => {
    const missing = await referral('parent-led-send-mediation', [
      { name: 'Pat Parent', role: 'parent' },
      { name: 'Westbrook Council (fictional)', role: 'local_authority' },
    ]);
    expect(missing.statusCode).toBe(201);
    const { referrals } = (await call('GET', '/api/v1/referrals', coordinatorKey)).json();
    const ref = referrals.find((r: { caseType: string }) => r.caseType === 'parent-led-send-mediation');
    const accepted = await call('POST', `/api/v1/referrals/${ref.id}/accept`, coordinatorKey, {});
    expect(accepted.json().reference).toMatch(/^PLS-\d{4}-0001$/);
    const caseId = accepted.json().caseId;
    const page = await web.get(`/cases/${caseId}`);
    expect(page.body).toContain(`href="/cases/${caseId}/send"`);
    expect((await web.get(`/cases/${caseId}/send`)).statusCode).toBe(200);
    const victim = await call('POST', `/api/v1/cases/${caseId}/parties`, coordinatorKey, { name: 'Vic Example', role: 'victim' });
    expect(victim.statusCode).toBe(422);
  });

  it('renames a type of its own and changes a prefix, but keeps a built-in type’s name, and never changes a kind in use', async () => {
    expect((await call('PATCH', '/api/v1/case-types/workplace-mediation', adminKey, { name: 'Workplace and team mediation' })).json().name).toBe(
      'Workplace and team mediation',
    );
    const builtIn = await call('PATCH', '/api/v1/case-types/community', adminKey, { name: 'Neighbours' });
    expect(builtIn.statusCode).toBe(422);
    expect((await call('PATCH', '/api/v1/case-types/community', adminKey, { referencePrefix: 'com' })).json().referencePrefix).toBe('COM');
    const kindChange = asSystem(h.deps.db, (tx) =>
      tx.execute(sql`UPDATE case_types SET kind = 'send' WHERE org_id = ${orgId} AND code = 'workplace-mediation'`),
    );
    await expect(kindChange).rejects.toThrow();
    // A case cannot claim another kind than its type's: the database sets it from the type.
    const kinds = (await inOrg(h.deps.db, orgId, (tx) =>
      tx.execute(sql`UPDATE cases SET case_kind = 'restorative_justice' RETURNING case_type, case_kind`),
    )) as unknown as { rows: { case_type: string; case_kind: string }[] };
    expect(kinds.rows.map((r) => [r.case_type, r.case_kind]).sort()).toEqual([
      ['parent-led-send-mediation', 'send'],
      ['workplace-mediation', 'community'],
    ]);
  });
});
