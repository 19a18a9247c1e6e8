// CSRF tokens are bound to the session they were made for, and over https the session and CSRF cookies are
// `__Host-` cookies (Secure, Path=/, no Domain), so another site or subdomain cannot set them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { makeMember, makeOrg, PASSWORD, signIn, twoFactorNotRequiredFor } from '../support/factories.ts';
import { WebClient } from '../support/web-client.ts';

const CSRF_REFUSED = 'This form has expired or was not sent from Parley';

type SetCookie = { name: string; value: string; path?: string; secure?: boolean; domain?: string; httpOnly?: boolean };
const setCookies = (res: { cookies: unknown }) => res.cookies as SetCookie[];

describe('CSRF tokens bound to the session', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('refuses a token from one session posted with another session’s cookie, and accepts each with its own', async () => {
    const org = await makeOrg(h.deps, 'csrf');
    const ada = await makeMember(h.deps, org.orgId, 'admin', 'ada.admin@csrf.example');
    const bo = await makeMember(h.deps, org.orgId, 'admin', 'bo.admin@csrf.example');
    const a = await signIn(h, ada);
    const b = await signIn(h, bo);
    await a.get('/home');
    await b.get('/home');
    expect(a.csrf).toBeTruthy();

    // Session B's cookie with session A's token, even with A's CSRF cookie beside it (a cookie tossed in by another site).
    const forged = new WebClient(h.app);
    for (const [name, value] of b.cookies) forged.cookies.set(name, value);
    forged.cookies.set('parley_csrf', a.cookies.get('parley_csrf')!);
    forged.csrf = a.csrf;
    const refused = await forged.post('/sign-out');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(CSRF_REFUSED);

    // A token made before signing in is not good once signed in.
    const anonymous = new WebClient(h.app);
    await anonymous.get('/sign-in');
    b.csrf = anonymous.csrf;
    expect((await b.post('/sign-out')).statusCode).toBe(403);

    // Each session's own token still works.
    await b.get('/home');
    expect((await b.post('/sign-out')).statusCode).toBe(303);
    expect((await a.post('/sign-out')).statusCode).toBe(303);
  });

  it('keeps today’s cookie names over http', async () => {
    const web = new WebClient(h.app);
    const page = await web.get('/sign-in');
    expect(setCookies(page).map((c) => c.name)).toEqual(['parley_csrf']);
  });
});

describe('cookies over https', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ baseUrl: 'https://parley.example.org', secureCookies: true });
  });
  afterAll(() => h?.close());

  it('names the session and CSRF cookies __Host-…, with Secure, Path=/ and no Domain, and signs in with them', async () => {
    const org = await makeOrg(h.deps, 'hosted');
    await twoFactorNotRequiredFor(h.deps, org.orgId, ['viewer']);
    const cy = await makeMember(h.deps, org.orgId, 'viewer', 'cy.viewer@hosted.example', { twoFactor: false });
    const web = new WebClient(h.app);
    const page = await web.get('/sign-in');
    const signedIn = await web.post('/sign-in', { email: cy.email, password: PASSWORD });
    expect(signedIn.statusCode).toBe(303);
    const cookies = [...setCookies(page), ...setCookies(signedIn)];
    expect(cookies.map((c) => c.name).sort()).toEqual(['__Host-parley_csrf', '__Host-parley_session']);
    for (const c of cookies) {
      expect(c).toMatchObject({ secure: true, path: '/', httpOnly: true });
      expect(c.domain).toBeUndefined();
    }
    expect([...web.cookies.keys()].sort()).toEqual(['__Host-parley_csrf', '__Host-parley_session']);

    const home = await web.get('/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Sign out');
    const out = await web.post('/sign-out');
    expect(out.statusCode).toBe(303);
    const cleared = setCookies(out).find((c) => c.name === '__Host-parley_session');
    expect(cleared).toMatchObject({ value: '', secure: true, path: '/' });
  });
});
