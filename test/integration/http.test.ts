// The HTTP shell: security headers, error pages with the request id, health checks, logs without personal data.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#src/app.ts';
import { createServices } from '#src/deps.ts';
import { freshDatabase, testDbKind } from '../support/databases.ts';
import { inject } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness, TestClock, testConfig } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('pages and headers', () => {
  it('send a strict Content-Security-Policy with a nonce and no inline allowance', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/sign-in' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self' 'nonce-[0-9a-f]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([0-9a-f]+)'/.exec(csp)![1];
    expect(res.body).toContain(`<script nonce="${nonce}">`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['set-cookie'])).toContain('HttpOnly');
    expect(String(res.headers['set-cookie'])).toContain('SameSite=Lax');
  });

  it('send the same policy and headers on answers that are not pages, without a nonce, and a new nonce for every page', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/cases' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('nonce-');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    const nonces = await Promise.all(
      [1, 2].map(
        async () => /'nonce-([0-9a-f]{32})'/.exec(String((await h.app.inject({ method: 'GET', url: '/sign-in' })).headers['content-security-policy']))?.[1],
      ),
    );
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('use Parley’s own header and footer: no crown, links to the accessibility statement and privacy notice', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/sign-in' });
    expect(res.body).not.toContain('govuk-header__logotype');
    expect(res.body).not.toContain('Crown copyright');
    expect(res.body).toContain('href="/accessibility"');
    expect(res.body).toContain('href="/privacy"');
    expect(res.body).toContain('Skip to main content');
    const css = await h.app.inject({ method: 'GET', url: '/assets/css/govuk-frontend.css' });
    expect(css.body).not.toContain('GDS Transport');
  });

  it('show a 404 page in the layout with the request id', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/no-such-page' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page not found');
    expect(res.body).toContain(String(res.headers['x-request-id']));
  });

  it('answer the health checks', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ok' });
  });
});

describe('when the database fails', () => {
  it('shows a 500 page with the request id, says 503 on /readyz, and logs no personal data', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write: (chunk, _enc, done) => {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const database = await freshDatabase(testDbKind(), inject('dbTemplate'));
    const clock = new TestClock();
    const deps = createServices(testConfig(), database, clock, log);
    const app = await buildApp(deps);
    const org = await makeOrg(deps, 'fragile');
    const member = await makeMember(deps, org.orgId, 'admin', 'private.person@fragile.example', { name: 'Private Person' });
    const web = await signIn({ app, deps, clock, close: async () => {} }, member);
    await database.close();
    const page = await web.get('/home');
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Sorry, there is a problem with the service');
    expect(page.body).toContain(String(page.headers['x-request-id']));
    expect(page.body).not.toMatch(/select|Failed query|stack/i);
    const api = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer pk_abcdefgh_' + 'a'.repeat(43) } });
    expect(api.statusCode).toBe(500);
    expect(api.json().error).toMatchObject({ code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged.' });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    const logged = lines.join('');
    expect(logged).toContain('unhandled error');
    expect(logged).not.toContain('private.person@fragile.example');
    expect(logged).not.toContain('Private Person');
    await app.close();
  });
});
