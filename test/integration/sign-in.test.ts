import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '#src/lib/totp.ts';
import { makeMember, makeOrg, PASSWORD, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
let org: { orgId: string; name: string };
let coordinator: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.deps, 'signin', 'Sign-in Mediation (fictional)');
  coordinator = await makeMember(h.deps, org.orgId, 'coordinator', 'cora.coordinator@example.org');
});
afterAll(() => h?.close());

describe('signing in', () => {
  it('asks for the password, then the code, then shows the staff home with the service name', async () => {
    const web = new WebClient(h.app);
    const first = await web.submit('/sign-in', { email: 'Cora.Coordinator@example.org', password: PASSWORD });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toMatch(/^\/sign-in\/code/);
    expect((await web.get('/home')).headers.location).toBe('/sign-in/code');
    const code = await web.submit('/sign-in/code', { code: currentTotp(coordinator.totpSecret!, h.clock.now().getTime()) });
    expect(code.headers.location).toBe('/home');
    const home = await web.get('/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Sign-in Mediation (fictional)');
    expect(home.body).toContain('Your cases');
  });

  it('refuses a wrong password with the same words as an unknown email, and keeps the email typed', async () => {
    const web = new WebClient(h.app);
    const wrong = await web.submit('/sign-in', { email: 'cora.coordinator@example.org', password: 'not the password at all' });
    const unknown = await web.submit('/sign-in', { email: 'nobody@example.org', password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Enter a correct email address and password');
    expect(unknown.body).toContain('Enter a correct email address and password');
    expect(wrong.body).toContain('value="cora.coordinator@example.org"');
    expect(wrong.body).toContain('govuk-error-summary');
  });

  it('accepts a backup code once', async () => {
    const member = await makeMember(h.deps, org.orgId, 'supervisor', 'sue.supervisor@example.org');
    // A fresh enrolment returns backup codes; reset and enrol again to get them.
    await h.deps.twoFactor.reset(member.userId, { type: 'system' }, org.orgId);
    const { uri } = await h.deps.twoFactor.beginEnrolment(member.userId, 'x');
    const secret = new URL(uri).searchParams.get('secret')!;
    const codes = await h.deps.twoFactor.confirmEnrolment(member.userId, currentTotp(secret, h.clock.now().getTime()), { type: 'system' }, org.orgId);
    const web = new WebClient(h.app);
    await web.submit('/sign-in', { email: member.email, password: PASSWORD });
    expect((await web.submit('/sign-in/code', { code: codes[0]! })).headers.location).toBe('/home');
    const again = new WebClient(h.app);
    await again.submit('/sign-in', { email: member.email, password: PASSWORD });
    const reused = await again.submit('/sign-in/code', { code: codes[0]! });
    expect(reused.statusCode).toBe(422);
    expect(reused.body).toContain('The code is not correct – check your authenticator app, or enter a backup code');
  });

  it('ends a session after 30 idle minutes, and after the absolute lifetime even when active', async () => {
    const web = await signIn(h, coordinator);
    h.clock.advance(29 * 60_000);
    expect((await web.get('/home')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await web.get('/home')).headers.location).toBe('/sign-in?next=%2Fhome');

    const busy = await signIn(h, coordinator);
    for (let hour = 0; hour < 12; hour++) {
      h.clock.advance(20 * 60_000);
      await busy.get('/home');
      h.clock.advance(20 * 60_000);
      await busy.get('/home');
      h.clock.advance(20 * 60_000);
    }
    expect((await busy.get('/home')).statusCode).toBe(303);
  });

  it('signs out everywhere', async () => {
    h.clock.advance(30_000);
    const one = await signIn(h, coordinator);
    const two = await signIn(h, coordinator);
    await one.get('/account');
    expect((await one.post('/account/sign-out-everywhere')).headers.location).toBe('/sign-in?signedOut=everywhere');
    expect((await two.get('/home')).statusCode).toBe(303);
  });

  it('makes a member without two-factor set it up before anything else', async () => {
    const fresh = await makeMember(h.deps, org.orgId, 'coordinator', 'new.coordinator@example.org', { twoFactor: false });
    const web = new WebClient(h.app);
    const res = await web.submit('/sign-in', { email: fresh.email, password: PASSWORD });
    expect(res.headers.location).toBe('/account/two-factor');
    expect((await web.get('/home')).headers.location).toBe('/account/two-factor');
    const page = await web.get('/account/two-factor');
    expect(page.body).toContain('<svg');
    const key = /id="totp-key">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '');
    const bad = await web.post('/account/two-factor', { code: '000000' });
    expect(bad.statusCode).toBe(422);
    const done = await web.post('/account/two-factor', { code: currentTotp(key, h.clock.now().getTime()) });
    expect(done.body).toContain('Your backup codes');
    expect(done.body.match(/\d{4}-\d{4}/g)?.length).toBe(10);
    expect((await web.get('/home')).statusCode).toBe(200);
  });

  it('asks a viewer to set up two-factor by default, because viewers read cases too', async () => {
    const viewer = await makeMember(h.deps, org.orgId, 'viewer', 'vic.viewer@example.org', { twoFactor: false });
    const web = new WebClient(h.app);
    expect((await web.submit('/sign-in', { email: viewer.email, password: PASSWORD })).headers.location).toBe('/account/two-factor');
    expect((await web.get('/cases')).headers.location).toBe('/account/two-factor');
  });

  it('refuses a code that was already used, even inside its 30 seconds', async () => {
    h.clock.advance(30_000);
    const code = currentTotp(coordinator.totpSecret!, h.clock.now().getTime());
    const first = new WebClient(h.app);
    await first.submit('/sign-in', { email: coordinator.email, password: PASSWORD });
    expect((await first.submit('/sign-in/code', { code })).headers.location).toBe('/home');
    const replay = new WebClient(h.app);
    await replay.submit('/sign-in', { email: coordinator.email, password: PASSWORD });
    expect((await replay.submit('/sign-in/code', { code })).statusCode).toBe(422);
    h.clock.advance(30_000);
    const next = currentTotp(coordinator.totpSecret!, h.clock.now().getTime());
    expect((await replay.submit('/sign-in/code', { code: next })).headers.location).toBe('/home');
  });

  it('says so after signing out, and offers sign out part-way through signing in', async () => {
    h.clock.advance(30_000);
    const web = await signIn(h, coordinator);
    await web.get('/home');
    const out = await web.post('/sign-out');
    expect((await web.get(out.headers.location as string)).body).toContain('You have signed out.');
    const partial = new WebClient(h.app);
    await partial.submit('/sign-in', { email: coordinator.email, password: PASSWORD });
    const codePage = await partial.get('/sign-in/code');
    expect(codePage.body).toContain('action="/sign-out"');
    expect(codePage.body).toContain('Sign-in Mediation (fictional)');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const web = await signIn(h, coordinator);
    const res = await web.post('/account/sign-out-everywhere', {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired');
  });
});
