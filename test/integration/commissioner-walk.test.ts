// Walks every registered route as a commissioner: someone outside the service whom an admin invited to see its
// aggregate reports. Every route that needs a service refuses them except the reports (http/access.ts,
// COMMISSIONER_ROUTES), and no page or answer, allowed or refused, shows a person, a case or a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { accessFor, COMMISSIONER_ROUTES } from '#src/http/access.ts';
import { JOBS } from '#src/jobs/registry.ts';
import { createWorker } from '#src/jobs/worker.ts';
import { newId } from '#src/lib/ids.ts';
import { makeMember, signIn, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { actorFor, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof twoServices>>;
let commissioner: WebClient;
let commissionerKey: string;
let caseId: string;
const SECRETS = ['Cora Casewalkparty', 'Cyril Casewalkother', 'Commissioner walk hedge', 'Commissioner walk note', 'Vera Walkvolunteer'];

beforeAll(async () => {
  h = await startHarness();
  s = await twoServices(h);
  const admin = actorFor(s.a.orgId, s.adminA.userId, 'admin', 'Ada Admin');
  const made = await makeCase(h.deps, s.a.orgId, admin, {
    description: 'Commissioner walk hedge',
    parties: [{ name: 'Cora Casewalkparty' }, { name: 'Cyril Casewalkother' }],
  });
  caseId = made.caseId;
  await h.deps.caseActivity.addNote(admin, caseId, { body: 'Commissioner walk note' });
  await makeVolunteer(h.deps, s.a.orgId, { name: 'Vera Walkvolunteer' });
  // Service A grants access by inviting the commissioner with that role; service B never does.
  const member = await makeMember(h.deps, s.a.orgId, 'commissioner', 'cleo.commissioner@council.example', { name: 'Cleo Commissioner' });
  commissioner = await signIn(h, member);
  commissionerKey = (await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'Council dashboard', role: 'commissioner' }, systemActor('test'))).key;
}, 120_000);
afterAll(() => h?.close());

const SESSION_ENDERS = ['POST /sign-out', 'POST /account/sign-out-everywhere', 'POST /services/switch', 'POST /account/two-factor'];
const fill = (url: string) =>
  url.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => (name === 'report' ? 'community-return' : name === 'id' ? caseId : newId()));
const refused = (status: number) => status >= 400 && status < 500;

describe('a commissioner', () => {
  it('is refused every route that needs a service except the reports, and sees no name anywhere', async () => {
    const walked: string[] = [];
    for (const route of h.app.routeList) {
      if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
      const access = accessFor(route.method, route.url);
      if (access !== 'service' || SESSION_ENDERS.includes(`${route.method} ${route.url}`)) continue;
      const url = fill(route.url);
      const res = route.method === 'GET' ? await commissioner.get(url) : await commissioner.post(url, { name: 'x', reason: 'x' });
      for (const secret of SECRETS) expect(res.body, `${route.method} ${route.url} shows "${secret}"`).not.toContain(secret);
      const key = `${route.method} ${route.url}`;
      if (key === 'GET /home') expect(res.headers.location, 'the staff home sends a commissioner to the reports').toBe('/reports');
      else if (!COMMISSIONER_ROUTES.has(key)) {
        expect(refused(res.statusCode), `${key} → ${res.statusCode} for a commissioner`).toBe(true);
        expect(res.statusCode, key).toBe(403);
      }
      const byKey = await h.app.inject({ method: route.method as 'GET', url, headers: { authorization: `Bearer ${commissionerKey}` } });
      for (const secret of SECRETS) expect(byKey.body, `${key} by a commissioner's key shows "${secret}"`).not.toContain(secret);
      // Off the API a key is not read at all: the page asks to sign in (303).
      if (!COMMISSIONER_ROUTES.has(key))
        expect(refused(byKey.statusCode) || byKey.headers.location?.startsWith('/sign-in'), `${key} by a commissioner's key → ${byKey.statusCode}`).toBe(true);
      walked.push(key);
    }
    expect(walked.length).toBeGreaterThan(200);
    for (const route of [
      'GET /cases',
      'GET /cases/:id',
      'GET /referrals',
      'GET /volunteers',
      'GET /people',
      'GET /audit',
      'GET /settings',
      'GET /api/v1/cases/:id',
    ])
      expect(walked).toContain(route);
    expect((await commissioner.get('/account')).statusCode, 'still signed in after the walk').toBe(200);
  }, 180_000);

  it('reads the service’s aggregate reports on the page and through the API', async () => {
    const list = await commissioner.get('/reports');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Community funder return');
    // Returns that do not suppress small numbers (SEND, RJ) are not offered to a commissioner.
    expect(list.body).not.toContain('/reports/rj');
    expect((await commissioner.get('/reports/rj')).statusCode).toBe(403);
    const page = await commissioner.get('/reports/cases');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cases by stage now');
    // The only link in the menu is Reports.
    expect(page.body).not.toMatch(/href="\/cases"/);
    const api = await h.app.inject({ method: 'GET', url: '/api/v1/reports/cases', headers: { authorization: `Bearer ${commissionerKey}` } });
    expect(api.statusCode).toBe(200);
    expect(api.json().metrics[0].id).toBe('cases-by-stage');
  });

  it('asks for a report’s spreadsheet through the API, follows it and downloads it; no one else sees it', async () => {
    const asKey = (k: string, method: 'GET' | 'POST', url: string, payload?: Record<string, string>) =>
      h.app.inject({ method, url, payload, headers: { authorization: `Bearer ${k}` } });
    const asked = await asKey(commissionerKey, 'POST', '/api/v1/reports/community-return/exports', { from: '2026-01-01', to: '2026-12-31' });
    expect(asked.statusCode, asked.body).toBe(202);
    const { statusUrl } = asked.json() as { statusUrl: string };
    await createWorker({ db: h.deps.db, clock: h.clock, log: h.deps.log, jobs: JOBS }).runOnce();
    const ready = await asKey(commissionerKey, 'GET', statusUrl);
    expect(ready.json()).toMatchObject({ status: 'ready', report: 'community-return' });
    const file = await asKey(commissionerKey, 'GET', ready.json().fileUrl);
    expect(file.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => cells.push(...(row.values as unknown[]).map(String)));
    for (const secret of SECRETS) expect(cells.join(' ')).not.toContain(secret);
    // The service's own admin, signed in, is told it does not exist: it is the commissioner's.
    const admin = await signIn(h, s.adminA);
    expect((await admin.get(statusUrl.replace('/api/v1', ''))).statusCode).toBe(404);
  });

  it('sees only the services that invited them', async () => {
    const services = await commissioner.get('/services');
    expect(services.body).toContain(s.a.name);
    expect(services.body).not.toContain(s.b.name);
    const switched = await commissioner.post('/services/switch', { orgId: s.b.orgId });
    expect(refused(switched.statusCode) || switched.headers.location !== '/home').toBe(true);
    expect((await commissioner.get('/reports')).body).not.toContain(s.b.name);
  });
});
