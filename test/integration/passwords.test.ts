// Changing a password, resetting one by an emailed single-use link, and an admin's reset of a member: through the
// real pages, with mail delivered to a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from '#src/db/orm.ts';
import { auditEvents } from '#src/db/schema/audit.ts';
import { emailOutbox } from '#src/db/schema/meetings.ts';
import { asSystem } from '#src/db/tenant.ts';
import { currentTotp } from '#src/lib/totp.ts';
import { makeMember, makeOrg, PASSWORD, twoFactorNotRequiredFor, signIn } from '../support/factories.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { WebClient } from '../support/web-client.ts';

const NEW_PASSWORD = 'plum tractor evening glass';
let sink: SmtpSink;
let h: Harness;
let org: { orgId: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  h = await startHarness({ smtpUrl: sink.url });
  org = await makeOrg(h.deps, 'pw', 'Password Mediation (fictional)');
  await twoFactorNotRequiredFor(h.deps, org.orgId, ['viewer']); // the viewers here stand for people without a second factor
});
afterAll(async () => {
  h?.deps.mailer?.close();
  await h?.close();
  await sink?.close();
});

const nextCode = (secret: string) => {
  h.clock.advance(30_000); // each code works once: use the next 30-second step
  return currentTotp(secret, h.clock.now().getTime());
};
const actions = (userId: string) =>
  asSystem(h.deps.db, (tx) =>
    tx.select({ action: auditEvents.action, orgId: auditEvents.orgId }).from(auditEvents).where(eq(auditEvents.entityId, userId)).orderBy(asc(auditEvents.id)),
  ).then((rows) => rows.map((r) => r.action));
const outboxTo = (address: string, template: string) =>
  asSystem(h.deps.db, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, template)))
      .orderBy(asc(emailOutbox.createdAt)),
  );
/** The reset link from the last message the SMTP server received for this address (quoted-printable undone). */
function linkReceivedBy(address: string) {
  const mail = sink.received.filter((m) => m.to.includes(address)).at(-1);
  const text = mail?.raw.replace(/=\r?\n/g, '') ?? '';
  return /\/reset-password\/([A-Za-z0-9_-]{40,})/.exec(text)?.[1];
}
const signInWith = (email: string, password: string) => new WebClient(h.app).submit('/sign-in', { email, password });

describe('changing a password when signed in', () => {
  it('asks for the current password and a code, explains a weak password, and ends the other sessions', async () => {
    const me = await makeMember(h.deps, org.orgId, 'coordinator', 'cam.change@example.org');
    const web = await signIn(h, me);
    const elsewhere = await signIn(h, me);
    const page = await web.get('/account/password');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="code"');

    const wrongCurrent = await web.post('/account/password', {
      currentPassword: 'not the password at all',
      code: currentTotp(me.totpSecret!, h.clock.now().getTime()),
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.body).toContain('govuk-error-summary');
    expect(wrongCurrent.body).toContain('Enter your current password correctly');
    expect(wrongCurrent.body).not.toContain(NEW_PASSWORD);

    const wrongCode = await web.post('/account/password', {
      currentPassword: PASSWORD,
      code: '000000',
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrongCode.statusCode).toBe(422);
    expect(wrongCode.body).toContain('The code is not correct – check your authenticator app, or enter a backup code');

    const weak = await web.post('/account/password', {
      currentPassword: PASSWORD,
      code: nextCode(me.totpSecret!),
      newPassword: 'letmein2026',
      confirmPassword: 'letmein2026',
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('Password is too easy to guess. This is similar to a commonly used password.');
    expect(weak.body).toContain('href="#newPassword"');

    const mismatch = await web.post('/account/password', {
      currentPassword: PASSWORD,
      code: nextCode(me.totpSecret!),
      newPassword: NEW_PASSWORD,
      confirmPassword: 'plum tractor',
    });
    expect(mismatch.body).toContain('The passwords do not match');

    const done = await web.post('/account/password', {
      currentPassword: PASSWORD,
      code: nextCode(me.totpSecret!),
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(done.headers.location).toBe('/account?changed=password');
    expect((await web.get('/account?changed=password')).body).toContain('Your password has been changed');
    expect((await elsewhere.get('/home')).headers.location).toBe('/sign-in?next=%2Fhome');
    expect((await signInWith(me.email, PASSWORD)).statusCode).toBe(401);
    expect((await signInWith(me.email, NEW_PASSWORD)).headers.location).toMatch(/^\/sign-in\/code/);
    expect(await actions(me.userId)).toContain('auth.password_changed');
    expect(await outboxTo(me.email, 'password_changed')).toHaveLength(1);
  });

  it('does not ask a person without two-factor for a code', async () => {
    const viewer = await makeMember(h.deps, org.orgId, 'viewer', 'val.viewer@example.org', { twoFactor: false });
    const web = await signIn(h, viewer);
    expect((await web.get('/account/password')).body).not.toContain('name="code"');
    const done = await web.post('/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.headers.location).toBe('/account?changed=password');
  });
});

describe('resetting a forgotten password by an emailed link', () => {
  it('answers the same for an unknown address, emails a single-use link, and ends every session when used', async () => {
    const me = await makeMember(h.deps, org.orgId, 'mediator', 'rey.reset@example.org');
    const session = await signIn(h, me);
    const anon = new WebClient(h.app);
    const known = await anon.submit('/forgot-password', { email: me.email });
    const unknown = await anon.submit('/forgot-password', { email: 'nobody.here@example.org' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    const page = (body: string) => body.replace(/nonce="[^"]+"/g, 'nonce=""');
    expect(page(unknown.body).replaceAll('nobody.here@example.org', me.email)).toBe(page(known.body));
    expect(await outboxTo('nobody.here@example.org', 'password_reset')).toHaveLength(0);

    const [queued] = await outboxTo(me.email, 'password_reset');
    expect(queued?.orgId).toBeNull(); // no service's staff can read the link in their outbox
    await h.deps.worker.runOnce();
    const token = linkReceivedBy(me.email);
    expect(token).toBeDefined();

    const form = await anon.get(`/reset-password/${token}`);
    expect(form.statusCode).toBe(200);
    const weak = await anon.post(`/reset-password/${token}`, { password: 'Passw0rd!!', confirmPassword: 'Passw0rd!!' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('Password is too easy to guess');
    const done = await anon.post(`/reset-password/${token}`, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your password has been changed');

    expect((await session.get('/home')).headers.location).toBe('/sign-in?next=%2Fhome');
    const again = await new WebClient(h.app).get(`/reset-password/${token}`);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('has expired or has already been used');
    expect((await signInWith(me.email, NEW_PASSWORD)).headers.location).toMatch(/^\/sign-in\/code/);
    expect(await actions(me.userId)).toEqual(expect.arrayContaining(['auth.password_reset_sent', 'auth.password_reset']));
  });

  it('stops working after 30 minutes, and a newer link replaces an older one', async () => {
    const me = await makeMember(h.deps, org.orgId, 'mediator', 'exa.expiry@example.org');
    const anon = new WebClient(h.app);
    await anon.submit('/forgot-password', { email: me.email });
    await h.deps.worker.runOnce();
    const first = linkReceivedBy(me.email)!;
    h.clock.advance(29 * 60_000);
    expect((await anon.get(`/reset-password/${first}`)).statusCode).toBe(200);
    h.clock.advance(2 * 60_000);
    expect((await anon.get(`/reset-password/${first}`)).statusCode).toBe(404);
    const late = await anon.post(`/reset-password/${first}`, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(late.statusCode).toBe(404);

    await anon.submit('/forgot-password', { email: me.email });
    await h.deps.worker.runOnce();
    const second = linkReceivedBy(me.email)!;
    // Asking again at once sends nothing (a stranger cannot fill someone's inbox); after two minutes it does.
    const sent = () => sink.received.filter((m) => m.to.includes(me.email)).length;
    const before = sent();
    expect((await anon.submit('/forgot-password', { email: me.email })).body).toContain('Check your email');
    await h.deps.worker.runOnce();
    expect(sent()).toBe(before);
    h.clock.advance(2 * 60_000 + 1_000);
    await anon.submit('/forgot-password', { email: me.email });
    await h.deps.worker.runOnce();
    const third = linkReceivedBy(me.email)!;
    expect(sent()).toBe(before + 1);
    expect((await anon.get(`/reset-password/${second}`)).statusCode).toBe(404);
    expect((await anon.get(`/reset-password/${third}`)).statusCode).toBe(200);
    expect((await signInWith(me.email, PASSWORD)).statusCode).toBe(303); // nothing changed until a link is used
  });
});

describe("an admin's reset of a member", () => {
  it('emails the member the link (never shown to the admin); others may not', async () => {
    const admin = await makeMember(h.deps, org.orgId, 'admin', 'ada.admin@example.org');
    const member = await makeMember(h.deps, org.orgId, 'mediator', 'mel.member@example.org');
    const web = await signIn(h, admin);
    await web.get('/people');
    expect(web.last!.body).toContain(`/people/${member.userId}/reset-password`);
    const res = await web.post(`/people/${member.userId}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('We have emailed mel member a link to set a new password');
    await h.deps.worker.runOnce();
    const token = linkReceivedBy(member.email)!;
    expect(res.body).not.toContain(token);
    const audit = await asSystem(h.deps.db, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, member.userId), eq(auditEvents.action, 'auth.password_reset_sent'))),
    );
    expect(audit).toMatchObject([{ orgId: org.orgId, actorId: admin.userId }]);

    const done = await new WebClient(h.app).submit(`/reset-password/${token}`, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.statusCode).toBe(200);

    const mediator = await signIn(h, await makeMember(h.deps, org.orgId, 'mediator', 'med.other@example.org'));
    await mediator.get('/home');
    expect((await mediator.post(`/people/${member.userId}/reset-password`)).statusCode).toBe(403);

    const other = await makeOrg(h.deps, 'pw-other', 'Other Mediation (fictional)');
    const otherAdmin = await signIn(h, await makeMember(h.deps, other.orgId, 'admin', 'oli.admin@example.org'));
    await otherAdmin.get('/people');
    expect((await otherAdmin.post(`/people/${member.userId}/reset-password`)).statusCode).toBe(404);
  });
});
