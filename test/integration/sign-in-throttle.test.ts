// Failed sign-ins wait longer and longer (per account and per address, kept in the database), never lock anyone out
// for good, answer the same for an address without an account, and tell the account's owner. Also: a password hash
// made at a lower cost is renewed at sign-in, and the session token is replaced when the second factor completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { sessions, users } from '#src/db/schema/people.ts';
import { asSystem } from '#src/db/tenant.ts';
import { hashPassword, setPasswordHashCost } from '#src/lib/passwords.ts';
import { hashToken } from '#src/lib/tokens.ts';
import { currentTotp } from '#src/lib/totp.ts';
import { ACCOUNT_RULE, ADDRESS_RULE } from '#src/features/auth/throttle.ts';
import { makeMember, makeOrg, PASSWORD, twoFactorNotRequiredFor } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { WebClient } from '../support/web-client.ts';

let h: Harness;
let org: { orgId: string };
beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.deps, 'throttle', 'Throttle Mediation (fictional)');
  await twoFactorNotRequiredFor(h.deps, org.orgId, ['viewer']); // the viewers here stand for people without a second factor
});
afterAll(() => h?.close());

let address = 0;
/** Each case signs in from its own address, so the per-address count of one does not spill into another. */
const client = () => new WebClient(h.app, { remoteAddress: `192.0.2.${++address}` });
const attempt = async (web: WebClient, email: string, password: string) => {
  const res = await web.submit('/sign-in', { email, password });
  const message = /govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span>\s*([^<]+)</.exec(res.body)?.[1]?.trim();
  return { status: res.statusCode, message, location: res.headers.location };
};

describe('the sign-in throttle', () => {
  it('waits longer after each failure past the free ones, then accepts the right password', async () => {
    const me = await makeMember(h.deps, org.orgId, 'viewer', 'tia.throttle@example.org', { twoFactor: false });
    const web = client();
    for (let i = 1; i < ACCOUNT_RULE.free; i++) expect((await attempt(web, me.email, 'wrong password here')).status).toBe(401);
    expect((await attempt(web, me.email, 'wrong password here')).status).toBe(401); // this one starts a 30-second wait

    const waiting = await attempt(web, me.email, PASSWORD);
    expect(waiting).toMatchObject({ status: 429, message: 'Too many failed attempts to sign in. Wait 1 minute, then try again.' });
    // From another address too: the wait belongs to the account.
    expect((await attempt(client(), me.email, PASSWORD)).status).toBe(429);

    h.clock.advance(31_000);
    expect((await attempt(web, me.email, 'wrong password here')).status).toBe(401); // the next failure: 60 seconds
    h.clock.advance(31_000);
    expect((await attempt(web, me.email, PASSWORD)).status).toBe(429);
    h.clock.advance(30_000);
    expect((await attempt(web, me.email, PASSWORD)).location).toBe('/home');

    // Signing in starts the account's count again (a new browser: this one is signed in, and its form token with it).
    const later = client();
    expect((await attempt(later, me.email, 'wrong password here')).status).toBe(401);
    expect((await attempt(later, me.email, PASSWORD)).location).toBe('/home');
  });

  it('tells the owner by email once when the waits begin, and answers an unknown address in the same words', async () => {
    const me = await makeMember(h.deps, org.orgId, 'viewer', 'owen.owner@example.org', { twoFactor: false });
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < ACCOUNT_RULE.free + 2; i++) {
      known.push(await attempt(client(), me.email, 'wrong password here'));
      unknown.push(await attempt(client(), 'no.account@example.org', 'wrong password here'));
      h.clock.advance(1_000);
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ status: 429 });
    const mail = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, me.email), eq(emailOutbox.template, 'sign_in_attempts'))),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.orgId).toBeNull();
    expect(mail[0]!.textBody).toContain(`There have been ${ACCOUNT_RULE.free} failed attempts to sign in to your Parley account`);
    expect(mail[0]!.textBody).toContain('/forgot-password');
    const [row] = await asSystem(h.deps.db, (tx) => tx.select().from(users).where(eq(users.id, me.userId)));
    expect(row!.lockedUntil).not.toBeNull(); // shown to admins as "Sign-in paused"
  });

  it('also waits per address, whichever accounts it tries', async () => {
    const web = client();
    for (let i = 0; i < ADDRESS_RULE.free; i++) await attempt(web, `guess.${i}@example.org`, 'wrong password here');
    const me = await makeMember(h.deps, org.orgId, 'viewer', 'ada.address@example.org', { twoFactor: false });
    expect((await attempt(web, me.email, PASSWORD)).status).toBe(429);
    expect((await attempt(client(), me.email, PASSWORD)).location).toBe('/home');
  });
});

describe('password hashes at a lower cost', () => {
  it('are renewed at the current cost when the person signs in', async () => {
    const me = await makeMember(h.deps, org.orgId, 'viewer', 'reh.rehash@example.org', { twoFactor: false });
    setPasswordHashCost(10);
    const old = await hashPassword(PASSWORD);
    setPasswordHashCost(12); // the harness's cost
    await asSystem(h.deps.db, (tx) => tx.update(users).set({ passwordHash: old }).where(eq(users.id, me.userId)));
    expect((await attempt(client(), me.email, PASSWORD)).location).toBe('/home');
    const [row] = await asSystem(h.deps.db, (tx) => tx.select().from(users).where(eq(users.id, me.userId)));
    expect(old).toMatch(/^scrypt\$1024\$/);
    expect(row!.passwordHash).toMatch(/^scrypt\$4096\$8\$1\$/);
    const audit = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, me.userId), eq(auditEvents.action, 'auth.password_rehashed'))),
    );
    expect(audit.length).toBeGreaterThan(0);
    expect((await attempt(client(), me.email, PASSWORD)).location).toBe('/home');
  });
});

describe('the session token', () => {
  it('is replaced when the second factor completes, and the old one is worth nothing', async () => {
    const me = await makeMember(h.deps, org.orgId, 'coordinator', 'rot.rotate@example.org');
    const web = client();
    await web.submit('/sign-in', { email: me.email, password: PASSWORD });
    const before = web.cookies.get('parley_session')!;
    h.clock.advance(30_000);
    const done = await web.submit('/sign-in/code', { code: currentTotp(me.totpSecret!, h.clock.now().getTime()) });
    expect(done.headers.location).toBe('/home');
    const after = web.cookies.get('parley_session')!;
    expect(after).not.toBe(before);
    expect((await web.get('/home')).statusCode).toBe(200);
    const rows = await asSystem(h.deps.db, (tx) => tx.select().from(sessions).where(eq(sessions.userId, me.userId)));
    expect(rows.map((r) => r.id)).toEqual([hashToken(after)]);
    expect(rows[0]!.stage).toBe('full');
    const old = await h.app.inject({ method: 'GET', url: '/home', headers: { cookie: `parley_session=${before}` } });
    expect(old.headers.location).toBe('/sign-in?next=%2Fhome');
  });
});
