// Every role has a reason to sign in: a viewer reads cases and referrals and changes nothing (every form and every
// API write is refused, and the audit trail holds only their reads); a supervisor's home lists their trainees'
// supervised cases to sign off; a referrer's API key lists only the referrals it made, with their status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { accessFor } from '#src/http/access.ts';
import { searchEvents } from '#src/features/audit/audit.repo.ts';
import { inOrg } from '#src/db/tenant.ts';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { holdSession, pageText } from '../support/meetings.ts';
import { actorFor, insertAssignment, makeCase, makeVolunteer } from '../support/volunteers.ts';
import type { WebClient } from '../support/web-client.ts';

let h: Harness;
let orgId: string;
let admin: ReturnType<typeof actorFor>;
let caseId: string;
let reference: string;

const OWN_ACCOUNT = /^\/(account|services|sign-|password|setup|invitations|reset|s\/)/;

beforeAll(async () => {
  h = await startHarness();
  ({ orgId } = await makeOrg(h.deps, 'rrs', 'Riverside Reasons Mediation (fictional)'));
  const a = await makeMember(h.deps, orgId, 'admin', 'ada@rrs.example', { name: 'Ada Admin' });
  admin = actorFor(orgId, a.userId, 'admin', 'Ada Admin');
  ({ caseId, reference } = await makeCase(h.deps, orgId, admin, {
    description: 'Fence and bins on Wharf Road',
    parties: [{ name: 'Pat Fictional' }, { name: 'Chris Fictional' }],
  }));
});
afterAll(() => h?.close());

describe('a viewer', () => {
  let vic: WebClient;
  let vicId: string;
  beforeAll(async () => {
    const m = await makeMember(h.deps, orgId, 'viewer', 'vic@rrs.example', { name: 'Vic Viewer' });
    vicId = m.userId;
    vic = await signIn(h, m);
  });

  it('reads the cases and the referrals', async () => {
    expect(pageText((await vic.get('/cases')).body)).toContain(reference);
    const c = await vic.get(`/cases/${caseId}/people`);
    expect(c.statusCode).toBe(200);
    expect(pageText(c.body)).toContain('Pat Fictional');
    for (const tab of ['', '/people', '/timeline', '/tasks', '/mediators', '/meetings']) {
      const page = await vic.get(`/cases/${caseId}${tab}`);
      expect(page.statusCode, tab).toBe(200);
      const forms = [...page.body.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1]).filter((a) => a !== '/sign-out');
      expect.soft(forms, `forms a viewer cannot use on /cases/:id${tab}`).toEqual([]);
    }
    // The pages of their own for changing a case (People and Mediators) are refused with the role's reason.
    for (const page of ['/people/new', '/consents', '/contacts', '/mediators/suggested', '/mediators/choose', '/mediators/end']) {
      const res = await vic.get(`/cases/${caseId}${page}`);
      expect(res.statusCode, page).toBe(403);
      expect(pageText(res.body), page).toMatch(/You cannot do that|Only .* (can|change|record)/);
    }
    const referrals = await vic.get('/referrals?status=accepted');
    expect(referrals.statusCode).toBe(200);
    const [accepted] = (await h.deps.referrals.list(admin, { status: 'accepted' })).rows;
    for (const url of [`/referrals/${accepted!.id}`, '/enquiries?status=all', '/referrals']) {
      const page = await vic.get(url);
      expect(page.statusCode, url).toBe(200);
      const forms = [...page.body.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1]).filter((a) => a !== '/sign-out');
      expect.soft(forms, `forms a viewer cannot use on ${url}`).toEqual([]);
    }
    const nav = (await vic.get('/home')).body;
    expect(nav).toContain('href="/cases"');
    expect(nav).toContain('href="/referrals"');
  });

  it('changes nothing: every staff form and write is refused, and the audit trail holds only their reads', async () => {
    const writes = h.app.routeList.filter(
      (r) =>
        ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) &&
        !r.url.startsWith('/api/') &&
        !OWN_ACCOUNT.test(r.url) &&
        accessFor(r.method, r.url) !== 'public',
    );
    expect(writes.length).toBeGreaterThan(50);
    const party = (await h.deps.cases.get(admin, caseId)).parties[0]!.id;
    const refused: string[] = [];
    for (const r of writes) {
      const url = r.url.replace(/:(\w+)/g, (_m, name: string) =>
        name === 'id' || name === 'caseId' ? caseId : name === 'partyId' ? party : crypto.randomUUID(),
      );
      await vic.get('/home'); // a fresh form token
      const res = await vic.post(url, {});
      if (res.statusCode >= 400) refused.push(r.url);
      else expect.soft(res.statusCode, `${r.method} ${r.url}`).toBeGreaterThanOrEqual(400);
    }
    expect(refused.length).toBe(writes.length);
    // With forms filled in as they should be, the refusal is for the role (not the form token or a missing answer).
    for (const [url, form] of [
      [`/cases/${caseId}/notes`, { body: 'A note a viewer should not be able to add', visibility: 'case' }],
      [`/cases/${caseId}/move`, { to: 'on_hold', reason: 'Testing a viewer' }],
      [`/cases/${caseId}/people/new`, { name: 'Val Added', role: 'party' }],
    ] as const) {
      await vic.get(`/cases/${caseId}`);
      const res = await vic.post(url, form);
      expect(res.statusCode, url).toBe(403);
      expect(pageText(res.body), url).toMatch(/You cannot do that|Only .* can/);
    }
    const events = await inOrg(h.deps.db, orgId, (tx) => searchEvents(tx, { orgId, actor: vicId }, 500, 0));
    const changes = events.rows.map((e) => e.action).filter((a) => !/[._](viewed|listed|read|searched)$|^auth\.|^session\./.test(a));
    expect(changes).toEqual([]);
  });
});

describe('an admin who does not run the instance', () => {
  it('is refused the instance’s postcode lookup, told only an instance operator may, and not offered it', async () => {
    const web = await signIn(h, await makeMember(h.deps, orgId, 'admin', 'ari@rrs.example', { name: 'Ari Admin' }));
    const page = await web.get('/instance/postcodes');
    expect(page.statusCode).toBe(403);
    expect(pageText(page.body)).toContain('Only an instance operator (whoever runs Parley) can do this, because it changes data every service shares.');
    await web.get('/home');
    expect((await web.post('/instance/postcodes', {})).statusCode).toBe(403);
    const api = await web.get('/api/v1/instance/postcodes');
    expect(api.statusCode).toBe(403);
    expect(api.json().error).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OPERATOR' });
    expect((await web.get('/admin')).body).not.toContain('/instance/postcodes');
  });
});

describe('a supervisor', () => {
  it('sees on their home the supervised cases to sign off, once the case has had its joint meeting', async () => {
    const s = await makeMember(h.deps, orgId, 'supervisor', 'sue@rrs.example', { name: 'Sue Supervisor' });
    const trainee = await makeVolunteer(h.deps, orgId, { name: 'Tam Trainee', status: 'trainee', supervisorUserId: s.userId });
    const lead = await makeVolunteer(h.deps, orgId, { name: 'Lou Lead' });
    await insertAssignment(h.deps, orgId, caseId, lead, { role: 'lead' });
    await insertAssignment(h.deps, orgId, caseId, trainee, { role: 'co', supervised: true });
    const sue = await signIn(h, s);
    let home = pageText((await sue.get('/home')).body);
    expect(home).toContain('Supervised cases to sign off');
    expect(home).toContain('Supervision and observed practice due');
    expect(home).not.toContain(`Tam Trainee (${reference})`);
    await holdSession(h.deps, orgId, caseId);
    home = pageText((await sue.get('/home')).body);
    expect(home).toContain(`Tam Trainee (${reference})`);
  });
});

describe('a referrer’s API key', () => {
  it('lists only the referrals that key made, with their status', async () => {
    const mine = await h.deps.apiKeys.createForOrg(orgId, { name: 'Probation referrals (fictional)', role: 'referrer' }, systemActor('test'));
    const theirs = await h.deps.apiKeys.createForOrg(orgId, { name: 'Youth team referrals (fictional)', role: 'referrer' }, systemActor('test'));
    const refer = (key: string, name: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/referrals',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        payload: {
          caseType: 'community',
          description: `A fictional dispute for ${name}`,
          consentToContact: true,
          personAgreed: true,
          parties: [{ name, role: 'party' }],
          referrer: { name: 'Rae Referrer', organisation: 'Fictional Probation', role: 'Probation officer', email: 'rae@probation.example' },
        },
      });
    const made = await refer(mine.key, 'Nell Neighbour');
    expect(made.statusCode, made.body).toBe(201);
    expect((await refer(theirs.key, 'Otto Other')).statusCode).toBe(201);
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/referrals', headers: { authorization: `Bearer ${mine.key}` } });
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json() as { referrals: { reference: string; status: string; parties: { name: string }[] }[]; total: number };
    expect(body.total).toBe(1);
    expect(body.referrals).toEqual([expect.objectContaining({ reference: made.json().reference, status: 'new', caseId: null })]);
    expect(list.body).not.toContain('Otto Other');
    expect(list.body).not.toContain('Pat Fictional');
    const one = await h.app.inject({ method: 'GET', url: `/api/v1/referrals/${crypto.randomUUID()}`, headers: { authorization: `Bearer ${mine.key}` } });
    expect(one.statusCode).toBe(403);
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/referrals'].get.description).toContain('only the referrals it made');
  });
});

describe('report spreadsheets through the API', () => {
  it('are refused to a viewer’s key, and a coordinator’s key follows only its own', async () => {
    const viewer = await h.deps.apiKeys.createForOrg(orgId, { name: 'Viewer dashboard (fictional)', role: 'viewer' }, systemActor('test'));
    const coordinator = await h.deps.apiKeys.createForOrg(orgId, { name: 'Funder return (fictional)', role: 'coordinator' }, systemActor('test'));
    const admin = await h.deps.apiKeys.createForOrg(orgId, { name: 'Admin dashboard (fictional)', role: 'admin' }, systemActor('test'));
    const ask = (key: string) =>
      h.app.inject({ method: 'POST', url: '/api/v1/reports/cases/exports', payload: {}, headers: { authorization: `Bearer ${key}` } });
    const refused = await ask(viewer.key);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('see reports');
    const made = await ask(coordinator.key);
    expect(made.statusCode, made.body).toBe(202);
    const url = (made.json() as { statusUrl: string }).statusUrl;
    const follow = (key: string, u: string) => h.app.inject({ method: 'GET', url: u, headers: { authorization: `Bearer ${key}` } });
    expect((await follow(coordinator.key, url)).json()).toMatchObject({ status: 'queued' });
    expect((await follow(admin.key, url)).statusCode).toBe(404);
    expect((await follow(viewer.key, url)).statusCode).toBe(403);
    expect((await follow(admin.key, `${url}/file`)).statusCode).toBe(404);
  });
});
