// Welsh where the catalogue has it: a page (chosen with ?lang=cy, kept by a cookie, or asked for by the browser),
// an API error in the request's language, a lifecycle refusal worded in it, each person's own preferred language
// (set on their account page or through the API), and emails in each recipient's language with dates in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from '#src/db/orm.ts';
import { parties } from '#src/db/schema/cases.ts';
import { users } from '#src/db/schema/people.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { queueSafeguardingAlerts } from '#src/features/email/safeguarding-alert.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { apiAs, meetingsWorld, jointMeeting, type MeetingsWorld } from '../support/meetings.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
let w: MeetingsWorld;

beforeAll(async () => {
  h = await startHarness();
  w = await meetingsWorld(h, 'cymraeg');
});
afterAll(() => h?.close());

describe('Welsh', () => {
  it('shows the sign-in page in Welsh with ?lang=cy, keeps the choice, and switches back from the footer', async () => {
    const web = new WebClient(h.app);
    const english = await web.get('/sign-in');
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('href="/sign-in?lang=cy" lang="cy" hreflang="cy">Cymraeg</a>');

    const welsh = await web.get('/sign-in?lang=cy');
    expect(welsh.body).toContain('<html lang="cy"');
    expect(welsh.body).toContain('Cyfeiriad e-bost');
    expect(welsh.body).toContain('Cyfrinair');
    expect(welsh.body).toContain('href="/sign-in?lang=en" lang="en" hreflang="en">English</a>');
    // The cookie keeps it; a message with no Welsh yet is in English.
    const again = await web.get('/sign-in');
    expect(again.body).toContain('<html lang="cy"');
    expect(again.body).toContain('If you have lost your authenticator');

    const refused = await web.submit('/sign-in', { email: '', password: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Rhowch eich cyfeiriad e-bost');
    expect(refused.body).toContain('Mae problem wedi codi');

    expect((await web.get('/sign-in?lang=en')).body).toContain('<html lang="en"');
    expect((await web.get('/sign-in')).body).toContain('Email address');
  });

  it("follows the browser's Accept-Language among Parley's languages", async () => {
    const asks = (header: string) => new WebClient(h.app).get('/sign-in', { 'accept-language': header }).then((r) => /<html lang="(\w+)"/.exec(r.body)?.[1]);
    expect(await asks('cy-GB,cy;q=0.9,en;q=0.8')).toBe('cy');
    expect(await asks('fr-FR, en;q=0.5, cy;q=0.9')).toBe('cy');
    expect(await asks('fr-FR, de;q=0.5')).toBe('en');
  });

  it('gives an API error in Welsh when asked, and in English exactly as before otherwise', async () => {
    const welsh = await h.app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: { 'accept-language': 'cy' } });
    expect(welsh.statusCode).toBe(404);
    expect(welsh.json().error.message).toBe('Dim llwybr API GET /api/v1/no-such-thing');
    const english = await h.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(english.json().error.message).toBe('No API route GET /api/v1/no-such-thing');
  });

  it("writes a meeting invitation in each recipient's preferred language", async () => {
    await inOrg(h.deps.db, w.orgId, (tx) => tx.update(parties).set({ preferredLanguage: 'cy' }).where(eq(parties.id, w.parties.sam)));
    const web = await w.signIn(w.members.cora);
    await web.get('/home');
    const booked = await apiAs(h, web)('POST', `/api/v1/cases/${w.caseId}/meetings`, jointMeeting(w));
    expect(booked.statusCode).toBe(201);
    const mail = await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.orgId, w.orgId)));
    const to = (address: string) => mail.find((m) => m.toAddress === address);
    // The date in the recipient's language too (Intl's Welsh, with the catalogue's "tan" for "to").
    expect(to('sam@example.org')?.subject).toBe('Joint meeting ar Dydd Mawrth 15 Rhagfyr 2026, 10:00 tan 11:30');
    expect(to('alex@example.org')?.subject).toBe('Joint meeting on Tuesday 15 December 2026, 10:00 to 11:30');
  });

  it('words a lifecycle refusal in the reader’s language where the catalogue has it', async () => {
    const web = await w.signIn(w.members.cora);
    await web.get('/home?lang=cy');
    const refused = await apiAs(h, web)('POST', `/api/v1/cases/${w.caseId}/transitions`, { to: 'on_hold' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Rhowch reswm dros symud yr achos i wedi’i ohirio');
    await web.get('/home?lang=en');
    const english = await apiAs(h, web)('POST', `/api/v1/cases/${w.caseId}/transitions`, { to: 'on_hold' });
    expect(english.json().error.message).toBe('Give a reason for moving the case to on hold');
  });

  it('words a staff page in the reader’s language where the catalogue has it, and in English exactly as before', async () => {
    const web = await w.signIn(w.members.cora);
    const welsh = await web.get('/cases?lang=cy');
    expect(welsh.statusCode).toBe(200);
    expect(welsh.body).toContain('Wedi’i ohirio');
    const english = await web.get('/cases?lang=en');
    expect(english.body).toContain('On hold');
    expect(english.body).not.toContain('Wedi’i ohirio');
  });

  it('lets a person choose their preferred language on their account page and through the API, and nothing else', async () => {
    const web = await w.signIn(w.members.ada);
    const page = await web.get('/account');
    expect(page.body).toContain('name="preferredLanguage"');
    expect(page.body).toContain('lang="cy"');
    const wrong = await web.submit('/account', { preferredLanguage: 'fr' }, '/account/language');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Choose the language they prefer: English or Cymraeg');
    const saved = await web.submit('/account', { preferredLanguage: 'cy' }, '/account/language');
    expect(saved.statusCode).toBe(303);
    const language = async () => (await asSystem(h.deps.db, (tx) => tx.select().from(users).where(eq(users.id, w.members.ada.userId))))[0]?.preferredLanguage;
    expect(await language()).toBe('cy');
    const api = apiAs(h, web);
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/me/language',
      payload: { preferredLanguage: 'en' },
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': web.csrf ?? '' },
    });
    expect(put.statusCode).toBe(200);
    expect(await language()).toBe('en');
    expect((await api('GET', '/api/v1/me')).statusCode).toBe(200);
    // The database holds only Parley's languages.
    await expect(asSystem(h.deps.db, (tx) => tx.update(users).set({ preferredLanguage: 'fr' }).where(eq(users.id, w.members.ada.userId)))).rejects.toThrow();
  });

  it("writes a safeguarding alert in the recipient's language, its date in Welsh", async () => {
    await asSystem(h.deps.db, (tx) => tx.update(users).set({ preferredLanguage: 'cy' }).where(eq(users.id, w.members.ada.userId)));
    const at = new Date('2026-12-15T10:00:00Z');
    const queued = await inOrg(h.deps.db, w.orgId, (tx) =>
      queueSafeguardingAlerts(tx, { orgId: w.orgId, caseId: w.caseId, safeguardingId: crypto.randomUUID(), at }),
    );
    expect(queued).toBeGreaterThan(0);
    const mail = await inOrg(h.deps.db, w.orgId, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.template, 'safeguarding_alert')));
    const ada = mail.find((m) => m.toAddress === w.members.ada.email);
    expect(ada?.textBody).toContain('Dydd Mawrth 15 Rhagfyr 2026 am 10:00');
  });
});
