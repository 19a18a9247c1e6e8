// Sets up the first service through the real pages and signs its admin in with two-factor, over fetch.
import { Secret, TOTP } from 'otpauth';

export const BENCH_PASSWORD = 'benchmark lantern orchard';

/** Just enough of a cookie jar: name=value pairs from Set-Cookie, sent back on every request. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /;\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(line);
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function request(jar: CookieJar, url: string, form?: Record<string, string>): Promise<{ status: number; location: string; body: string }> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
    headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  jar.take(res);
  return { status: res.status, location: res.headers.get('location') ?? '', body: await res.text() };
}

function csrfOf(body: string, what: string): string {
  const m = body.match(/name="_csrf" value="([^"]+)"/);
  if (!m?.[1]) throw new Error(`no _csrf field on ${what}`);
  return m[1];
}

function expect(res: { status: number; location: string; body: string }, status: number, what: string, location?: string) {
  if (res.status !== status || (location !== undefined && res.location !== location))
    throw new Error(
      `${what}: expected ${status}${location ? ` → ${location}` : ''}, got ${res.status}${res.location ? ` → ${res.location}` : ''}\n${res.body.slice(0, 600)}`,
    );
}

/**
 * Uses the one-time setup link to create a service and its admin, enrols the admin in two-factor sign-in,
 * and returns the Cookie header of the fully signed-in session.
 */
export async function setUpAndSignIn(baseUrl: string, setupToken: string, slug: string): Promise<string> {
  const jar = new CookieJar();
  const setupPage = await request(jar, `${baseUrl}/setup?token=${encodeURIComponent(setupToken)}`);
  expect(setupPage, 200, 'GET /setup');

  const setup = await request(jar, `${baseUrl}/setup`, {
    _csrf: csrfOf(setupPage.body, 'the setup page'),
    token: setupToken,
    name: 'Benchmark Mediation Service',
    slug,
    adminName: 'Bench Admin',
    adminEmail: `admin@${slug}.example.org`,
    password: BENCH_PASSWORD,
  });
  expect(setup, 303, 'POST /setup', '/account/two-factor');
  if (!jar.cookies.has('parley_session')) throw new Error('POST /setup set no parley_session cookie');

  const enrol = await request(jar, `${baseUrl}/account/two-factor`);
  expect(enrol, 200, 'GET /account/two-factor');
  const key = enrol.body.match(/id="totp-key">([^<]+)</)?.[1]?.replace(/\s+/g, '');
  if (!key) throw new Error('no TOTP key on the two-factor page');
  const code = new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
  const confirm = await request(jar, `${baseUrl}/account/two-factor`, { _csrf: csrfOf(enrol.body, 'the two-factor page'), code });
  expect(confirm, 200, 'POST /account/two-factor');

  const home = await request(jar, `${baseUrl}/home`);
  expect(home, 200, 'GET /home after signing in');
  for (const name of ['parley_session', 'parley_csrf']) if (!jar.cookies.has(name)) throw new Error(`no ${name} cookie after signing in`);
  return jar.header();
}
