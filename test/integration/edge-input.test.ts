// What the edge refuses before any route sees it, and how: characters the database cannot store and dates that do
// not exist (named per field, on the API and on a form, which keeps the error summary); a malformed address, bad
// JSON, a "__proto__" key and an oversized body, each with a message that says what is wrong; HEAD wherever GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.ts';
import { WebClient } from '../support/web-client.ts';
import { publicService } from './public-support.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await publicService(h, 'edg');
});
afterAll(() => h?.close());

const postJson = (url: string, payload: string) =>
  h.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' }, remoteAddress: '10.9.9.9' });

describe('the edge', () => {
  it('refuses a NUL byte, a lone surrogate and an impossible date on the API, naming each field', async () => {
    const body = JSON.stringify({ name: 'Nia\u0000Null', email: 'nia@example.org', message: 'Half a pair \uD800 here', bestTimes: '2026-02-30' });
    const res = await postJson('/api/v1/public/edg/enquiries', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'UNPROCESSABLE',
      reason: 'UNSTORABLE_CHARACTER',
      fields: { name: 'This contains a character we cannot store', message: 'This contains a character we cannot store', bestTimes: 'Enter a real date' },
    });
    const date = await postJson('/api/v1/public/edg/enquiries', JSON.stringify({ name: 'Dev Date', when: { on: '2025-02-29' } }));
    // With the schema's own faults (no email, no message) in the same answer: one round of errors.
    expect(date.json().error).toMatchObject({ reason: 'VALIDATION_FAILED', fields: { 'when.on': 'Enter a real date' } });
    expect(Object.keys(date.json().error.fields).length).toBeGreaterThan(1);
    const onlyDate = await postJson(
      '/api/v1/public/edg/enquiries',
      JSON.stringify({ name: 'Dev Date', email: 'dev@example.org', message: 'Hello', bestTimes: '2025-02-29' }),
    );
    expect(onlyDate.json().error).toMatchObject({ reason: 'NOT_A_REAL_DATE', fields: { bestTimes: 'Enter a real date' } });
  });

  it('refuses them on a form with the error summary naming the field', async () => {
    const web = new WebClient(h.app);
    const res = await web.submit('/s/edg/contact', { name: 'Nia\u0000Null', email: 'nia@example.org', message: 'Hello' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatch(/govuk-error-summary[\s\S]*href="#name"[\s\S]*This contains a character we cannot store/);
    expect(res.headers['content-security-policy']).toBeDefined();
    // What was typed is shown back, so nothing is lost.
    expect(res.body).toMatch(/What you typed[\s\S]*nia@example.org[\s\S]*Hello/);
  });

  it('answers a malformed address with the error shape and the security headers, without echoing it', async () => {
    const api = await h.app.inject({ method: 'GET', url: '/api/v1/me/%E0%A4%A' });
    expect(api.statusCode).toBe(400);
    expect(api.json().error).toMatchObject({ code: 'BAD_REQUEST', reason: 'BAD_URL', fields: {} });
    expect(api.json().error.requestId).toBeTruthy();
    expect(api.headers['content-security-policy']).toContain("default-src 'self'");
    const page = await h.app.inject({ method: 'GET', url: '/cases/%E0%A4%A' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).not.toContain('%E0%A4%A');
  });

  it('says what is wrong with bad JSON, a "__proto__" key and an oversized body', async () => {
    const broken = await postJson('/api/v1/public/edg/enquiries', '{"name": "Bea"');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ reason: 'INVALID_JSON' });
    expect(broken.json().error.message).toMatch(/not valid JSON/);
    const proto = await postJson('/api/v1/public/edg/enquiries', '{"name":"Bea","__proto__":{"admin":true}}');
    expect(proto.json().error).toMatchObject({ reason: 'FORBIDDEN_JSON_KEY' });
    expect(proto.json().error.message).toContain('__proto__');
    const big = await postJson('/api/v1/public/edg/enquiries', JSON.stringify({ message: 'x'.repeat(1_100_000) }));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large: the limit is 1 MB' });
    const form = await h.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: `email=${'x'.repeat(300_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(413);
    expect(form.body).toContain('the limit is 256 KB');
  });

  it('answers HEAD wherever GET answers, with the same access rule', async () => {
    for (const url of ['/healthz', '/readyz', '/s/edg', '/sign-in']) {
      const res = await h.app.inject({ method: 'HEAD', url });
      expect(res.statusCode, `HEAD ${url}`).toBe(200);
      expect(res.body).toBe('');
    }
    const signedOut = await h.app.inject({ method: 'HEAD', url: '/cases' });
    expect([signedOut.statusCode, signedOut.headers.location]).toEqual([303, '/sign-in?next=%2Fcases']);
    expect((await h.app.inject({ method: 'HEAD', url: '/api/v1/me' })).statusCode).toBe(401);
  });
});
