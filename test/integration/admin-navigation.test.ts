// The staff navigation stays on one row: an admin's settings, API keys and audit trail are grouped under Admin, and
// expense claims under Volunteers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeOrg, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';

let h: Harness;
afterAll(() => h?.close());
beforeAll(async () => {
  h = await startHarness();
});

const navigation = (body: string) =>
  [...(body.match(/<ul class="govuk-service-navigation__list"[\s\S]*?<\/ul>/)?.[0] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);

describe('the Admin group', () => {
  it("holds the admin's tools, and is marked as the current section on each of them", async () => {
    const org = await makeOrg(h.deps, 'grouped');
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'ada@grouped.example');
    const web = await signIn(h, admin);
    const home = await web.get('/home');
    expect(navigation(home.body)).toContain('/admin');
    for (const grouped of ['/settings', '/api-keys', '/audit']) expect(navigation(home.body)).not.toContain(grouped);
    const hub = await web.get('/admin');
    expect(hub.statusCode).toBe(200);
    for (const link of ['href="/settings"', 'href="/api-keys"', 'href="/audit"', 'href="/s/grouped"']) expect(hub.body).toContain(link);
    const settings = await web.get('/settings');
    expect(settings.body).toMatch(/<a class="govuk-service-navigation__link" href="\/admin" aria-current="true">/);
  });

  it('keeps expense claims under Volunteers, linked from its page and lit while they are open', async () => {
    const org = await makeOrg(h.deps, 'claims');
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'ada@claims.example');
    const web = await signIn(h, admin);
    expect(navigation((await web.get('/home')).body)).not.toContain('/expenses');
    expect((await web.get('/volunteers')).body).toContain('href="/expenses"');
    const expenses = await web.get('/expenses');
    expect(expenses.statusCode).toBe(200);
    expect(expenses.body).toMatch(/<a class="govuk-service-navigation__link" href="\/volunteers" aria-current="true">/);
  });

  it('is not offered to a coordinator, who may not use it', async () => {
    const org = await makeOrg(h.deps, 'coordinated');
    const coordinator = await makeMember(h.deps, org.orgId, 'coordinator', 'cora@coordinated.example');
    const web = await signIn(h, coordinator);
    expect(navigation((await web.get('/home')).body)).not.toContain('/admin');
    expect((await web.get('/admin')).statusCode).toBe(403);
  });
});
