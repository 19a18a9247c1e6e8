// The JSON API: API keys, /api/v1/me, the error shape, and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/access/actor.ts';
import { makeOrg, signIn, twoServices } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
let s: Awaited<ReturnType<typeof twoServices>>;

beforeAll(async () => {
  h = await startHarness();
  s = await twoServices(h);
});
afterAll(() => h?.close());

const me = (key: string) => h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${key}` } });

describe('API keys and /api/v1/me', () => {
  it('answers for the key’s service and role, and records when it was last used', async () => {
    const { key, id } = await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'Referral form', role: 'coordinator' }, systemActor('test'));
    const res = await me(key);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ org: { slug: 'alpha', name: s.a.name }, role: 'coordinator', actor: { type: 'api_key', id } });
    const web = await signIn(h, s.adminA);
    const page = await web.get('/api-keys');
    expect(page.body).toContain('Referral form');
    expect(page.body).not.toContain('>Never<');
  });

  it('is shown once on the page, stored only as a hash, and stops working when revoked', async () => {
    const web = await signIn(h, s.adminA);
    await web.get('/api-keys');
    const created = await web.post('/api-keys', { name: 'Case system sync', role: 'viewer' });
    const key = /id="new-api-key">([^<]+)</.exec(created.body)![1]!;
    expect((await me(key)).statusCode).toBe(200);
    expect((await web.get('/api-keys')).body).not.toContain(key);
    const keyId = /action="\/api-keys\/([0-9a-f-]+)\/revoke"/.exec(created.body)![1]!;
    await web.post(`/api-keys/${keyId}/revoke`);
    const after = await me(key);
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_API_KEY' });
  });

  it('shows a form error, not a 500, for a key with no name', async () => {
    const web = await signIn(h, s.adminA);
    await web.get('/api-keys');
    const res = await web.post('/api-keys', { name: '  ', role: 'viewer' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter a name that says what the key is for');
  });

  it('lets only admins manage keys', async () => {
    const org = await makeOrg(h.deps, 'keys-only-admins');
    const { makeMember } = await import('../support/factories.ts');
    const coordinator = await makeMember(h.deps, org.orgId, 'coordinator', 'cy.coordinator@example.org');
    const web = await signIn(h, coordinator);
    const res = await web.get('/api-keys');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Only an admin can manage API keys; you are a case coordinator.');
  });
});

describe('API errors', () => {
  it('always have the one shape with a request id', async () => {
    const cases = [
      await h.app.inject({ method: 'GET', url: '/api/v1/me' }),
      await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nonsense' } }),
      await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic abc' } }),
      await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
    ];
    expect(cases.map((c) => c.statusCode)).toEqual([401, 401, 401, 404]);
    for (const c of cases) {
      const body = c.json();
      expect(Object.keys(body.error).sort()).toEqual(['code', 'fields', 'message', 'reason', 'requestId']);
      expect(body.error.requestId).toBe(c.headers['x-request-id']);
    }
  });

  it('names a record that is not there in a whole sentence', async () => {
    const { key } = await h.deps.apiKeys.createForOrg(s.a.orgId, { name: 'Case reader', role: 'coordinator' }, systemActor('test'));
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases/00000000-0000-4000-8000-000000000000',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'That case was not found' });
  });
});

describe('OpenAPI', () => {
  it('publishes a 3.1 document generated from the route schemas', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/me');
    expect(Object.keys(doc.paths).every((p: string) => p.startsWith('/api/'))).toBe(true);
    const ok = doc.paths['/api/v1/me'].get.responses['200'].content['application/json'].schema;
    expect(ok.properties.org.properties).toHaveProperty('slug');
    expect(doc.paths['/api/v1/me'].get.responses['401'].content['application/json'].schema.properties.error.required).toEqual(
      expect.arrayContaining(['code', 'reason', 'message', 'fields', 'requestId']),
    );
  });

  it('describes the body of every write route, the training record union included', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    // Actions that take no body at all: the route says what is done.
    const bodyless = new Set([
      'POST /api/v1/email/outbox/{id}/retry',
      'POST /api/v1/email/letters/{id}/posted',
      'POST /api/v1/cases/{id}/tasks/{taskId}/complete',
      'POST /api/v1/allocations/proposals',
      'POST /api/v1/training-courses/{courseId}/retire',
      'POST /api/v1/volunteers/{volunteerId}/dbs/{checkId}/reveal',
      'POST /api/v1/volunteers/{volunteerId}/calendar-feed/revoke',
      'POST /api/v1/cases/{id}/agreements/{agreementId}/ready-to-sign',
      'POST /api/v1/cases/{id}/agreements/{agreementId}/versions/{versionId}/signatures/{signerId}/link',
      'POST /api/v1/cases/{id}/agreements/{agreementId}/versions/{versionId}/links/{linkId}/revoke',
      'POST /api/v1/cases/{id}/agreements/{agreementId}/versions/{versionId}/copies',
      'POST /api/v1/cases/{id}/outcome/sharing/send',
      'POST /api/v1/cases/{id}/rj/assessments/{assessmentId}/sign-off',
      'POST /api/v1/cases/{id}/rj/letters/{letterId}/pass',
      'POST /api/v1/retention/runs',
    ]);
    const uploads = new Set(['POST /api/v1/instance/postcodes']);
    const documented: string[] = [];
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: object }> } }>>))
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        const route = `${method.toUpperCase()} ${path}`;
        documented.push(route);
        // A file upload's body is multipart/form-data (the ONS postcode file is about 1 GB: never JSON).
        const schema =
          op.requestBody?.content['application/json']?.schema ?? (uploads.has(route) ? op.requestBody?.content['multipart/form-data']?.schema : undefined);
        if (!bodyless.has(route) && (!schema || Object.keys(schema).length === 0)) missing.push(route);
      }
    expect(missing).toEqual([]);
    // Every API write route is in the document.
    const writes = h.app.routeList
      .filter((r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH'].includes(r.method))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(writes.filter((r) => !documented.includes(r))).toEqual([]);
    for (const route of bodyless) expect(documented).toContain(route);
    const upload = doc.paths['/api/v1/instance/postcodes'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    const training = doc.paths['/api/v1/volunteers/{volunteerId}/training'].post.requestBody.content['application/json'].schema;
    expect((training.oneOf ?? training.anyOf).map((s: { properties: { kind: object } }) => s.properties.kind)).toHaveLength(3);
  });
});
