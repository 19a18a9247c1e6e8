// Setup, invitations, roles, deactivation, several services per person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '#src/lib/totp.ts';
import { makeMember, makeOrg, PASSWORD, signIn, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function enrol(web: WebClient, clockNow: number) {
  const page = await web.get('/account/two-factor');
  const key = /id="totp-key">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '');
  await web.post('/account/two-factor', { code: currentTotp(key, clockNow) });
  return key;
}

describe('first-time setup', () => {
  const form = {
    name: 'Harbourside Mediation (fictional)',
    slug: 'harbourside',
    email: '',
    phone: '',
    address: '',
    adminName: 'Hana Harbour',
    adminEmail: 'hana@harbourside.example',
    password: 'lantern quarry meadow',
  };

  it('keeps what was typed (but not the password) and explains each problem', async () => {
    const token = (await h.deps.orgs.issueSetupToken())!;
    const web = new WebClient(h.app);
    await web.get(`/setup?token=${token}`);
    const res = await web.post('/setup', { ...form, token, slug: 'Not Valid!', adminEmail: 'nope', password: 'password1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Short name can only contain letters, numbers and single hyphens');
    expect(res.body).toContain('Enter an email address in the correct format');
    expect(res.body).toContain('value="Harbourside Mediation (fictional)"');
    expect(res.body).not.toContain('password1');
    const empty = await web.post('/setup', { ...form, token, slug: '' });
    expect(empty.body).toContain('Enter a short name'); // GOV.UK wording, and one message for the field
    expect(empty.body).not.toContain('Short name must be at least 2 characters');
    const weak = await web.post('/setup', { ...form, token, password: 'password1' });
    expect(weak.body).toMatch(/Password must be at least 10 characters/);
    const common = await web.post('/setup', { ...form, token, password: 'iloveyou12' });
    expect(common.body).toContain('Password is too easy to guess');
  });

  it('creates the service and its admin, who then enrols two-factor and lands on the home page', async () => {
    const token = (await h.deps.orgs.issueSetupToken())!;
    const web = new WebClient(h.app);
    await web.get(`/setup?token=${token}`);
    const res = await web.post('/setup', { ...form, token });
    expect(res.headers.location).toBe('/account/two-factor');
    await enrol(web, h.clock.now().getTime());
    const home = await web.get('/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Harbourside Mediation (fictional)');
    // The link works once: the setup page now refuses it.
    const again = await new WebClient(h.app).get(`/setup?token=${token}`);
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain('Parley is already set up');
    expect(await h.deps.orgs.issueSetupToken()).toBeUndefined();
  });
});

describe('people in a service', () => {
  it('an admin invites a colleague, who sets a password, enrols two-factor and signs in', async () => {
    const org = await makeOrg(h.deps, 'invites');
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'ines.admin@invites.example');
    const web = await signIn(h, admin);
    await web.get('/people/invite');
    const bad = await web.post('/people/invite', { name: 'Ola Newcomer', email: 'not-an-email', role: 'mediator' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('value="Ola Newcomer"');
    const created = await web.post('/people/invite', { name: 'Ola Newcomer', email: 'ola@invites.example', role: 'mediator' });
    const link = /id="invitation-link">([^<]+)</.exec(created.body)![1]!;
    const path = new URL(link).pathname;

    const ola = new WebClient(h.app);
    expect((await ola.get(path)).body).toContain('Create a password');
    expect((await ola.post(path, { password: 'short' })).body).toContain('at least 10 characters');
    expect((await ola.post(path, { password: 'velvet orchard compass' })).body).toContain('You have joined');
    expect((await new WebClient(h.app).get(path)).statusCode).toBe(404);

    const signin = await ola.submit('/sign-in', { email: 'ola@invites.example', password: 'velvet orchard compass' });
    expect(signin.headers.location).toBe('/account/two-factor');
    await enrol(ola, h.clock.now().getTime());
    const home = await ola.get('/home');
    expect(home.body).toContain('You are signed in as mediator.');
    expect((await ola.get('/people')).statusCode).toBe(403);
  });

  it('changes roles, deactivates (signing them out) and never leaves a service without an admin', async () => {
    const org = await makeOrg(h.deps, 'roles');
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'rhi.admin@roles.example');
    const mediator = await makeMember(h.deps, org.orgId, 'mediator', 'max.mediator@roles.example');
    const web = await signIn(h, admin);
    const theirs = await signIn(h, mediator);
    await web.get('/people');
    await web.post(`/people/${mediator.userId}/role`, { role: 'coordinator' });
    expect((await theirs.get('/home')).body).toContain('You are signed in as coordinator.');
    await web.get('/people');
    const deactivated = await web.post(`/people/${mediator.userId}/deactivate`);
    expect(deactivated.body).toContain('Deactivated');
    expect((await theirs.get('/home')).statusCode).toBe(303);
    const back = new WebClient(h.app);
    await back.submit('/sign-in', { email: mediator.email, password: PASSWORD });
    h.clock.advance(30_000);
    await back.submit('/sign-in/code', { code: currentTotp(mediator.totpSecret!, h.clock.now().getTime()) }); // the code page's own form token
    expect((await back.get('/home')).headers.location).toBe('/services');
    expect((await back.get('/services')).body).toContain('You are not a member of any service');

    await web.get('/people');
    const demote = await web.post(`/people/${admin.userId}/role`, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.body).toContain('is the only admin');
  });

  it('lets one person belong to two services and switch between them', async () => {
    const { a, b, adminA } = await twoServices(h);
    await h.deps.people.addMemberAsSystem(b.orgId, { email: adminA.email, name: adminA.name, role: 'viewer', password: PASSWORD }, { type: 'system' });
    const web = await signIn(h, adminA);
    expect((await web.get('/home')).body).toContain(a.name);
    const services = await web.get('/services');
    expect(services.body).toContain(b.name);
    await web.post('/services/switch', { orgId: b.orgId });
    const home = await web.get('/home');
    expect(home.body).toContain(b.name);
    expect(home.body).toContain('You are signed in as viewer.');
    expect((await web.get('/people')).statusCode).toBe(403);
    const notMine = await makeOrg(h.deps, 'not-mine');
    await web.get('/services');
    expect((await web.post('/services/switch', { orgId: notMine.orgId })).statusCode).toBe(403);
  });

  it('records permission changes in the audit trail, which admins can filter', async () => {
    const org = await makeOrg(h.deps, 'audited');
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'aud.admin@audited.example');
    const other = await makeMember(h.deps, org.orgId, 'mediator', 'oz.mediator@audited.example');
    const web = await signIn(h, admin);
    await web.get('/people');
    await web.post(`/people/${other.userId}/role`, { role: 'supervisor' });
    const page = await web.get('/audit?action=membership');
    expect(page.body).toContain('membership.role_changed');
    expect(page.body).not.toContain('auth.signed_in');
    expect((await web.get('/audit?from=yesterday')).body).toContain('From must be a date like 2026-03-27');
  });
});
