// Unit tests for the pure sign-in rules.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '#src/lib/password-strength.ts';
import { can, PERMISSIONS } from '#src/access/permissions.ts';
import { STAFF_ROLES } from '#src/access/actor.ts';
import { ACCOUNT_RULE, ADDRESS_RULE, waitAfterFailure } from './throttle.ts';
import { loadConfig } from '#src/config.ts';
import { roleNeedsTwoFactor } from './two-factor-policy.ts';
import { checkTotp, currentTotp, newTotpSecret } from '#src/lib/totp.ts';
import { currentHashParameters, hashPassword, needsRehash, PRODUCTION_COST, setPasswordHashCost, verifyPassword } from '#src/lib/passwords.ts';

describe('waitAfterFailure', () => {
  it('allows a few mistakes, then doubles the wait up to a ceiling, and never locks for good', () => {
    const waits = Array.from({ length: 30 }, (_, i) => waitAfterFailure(i + 1, ACCOUNT_RULE));
    expect(waits.slice(0, ACCOUNT_RULE.free - 1).every((w) => w === 0)).toBe(true);
    expect(waits.slice(ACCOUNT_RULE.free - 1, ACCOUNT_RULE.free + 3)).toEqual([30, 60, 120, 240]);
    expect(Math.max(...waits)).toBe(ACCOUNT_RULE.maxWaitSeconds);
    expect(waitAfterFailure(1000, ACCOUNT_RULE)).toBe(15 * 60);
  });

  it('gives an address more free attempts than an account (people share an office address)', () => {
    expect(waitAfterFailure(ACCOUNT_RULE.free, ADDRESS_RULE)).toBe(0);
    expect(waitAfterFailure(ADDRESS_RULE.free, ADDRESS_RULE)).toBe(30);
  });
});

describe('passwordProblem (NCSC: length and guessability, no composition rules)', () => {
  it.each([
    ['short', 'at least 10 characters'],
    ['password123', 'too easy to guess'],
    ['qwertyuiop', 'too easy to guess'],
    ['~~~~~~~~~~~~', 'too easy to guess'],
    ['letmein2026', 'similar to a commonly used password'],
    ['Passw0rd!!', 'similar to a commonly used password'],
    ['iloveyou12', 'too easy to guess'],
  ])('refuses %s and says why in words', (pw, why) => expect(passwordProblem(pw)).toContain(why));

  it('refuses a password made of the email address', () => {
    expect(passwordProblem('kimberley.example2026', { email: 'kimberley.example@x.org' })).toContain('name or email');
  });

  it.each(['correct horse battery staple', 'all lower case words', 'ÿŵŷ Welsh letters ok', 'plum tractor evening glass'])(
    'accepts %s without composition rules',
    (pw) => {
      expect(passwordProblem(pw)).toBeUndefined();
    },
  );
});

describe('password hashes', () => {
  it("are made at OWASP's scrypt cost (N = 2^17, r = 8, p = 1) unless the configuration says otherwise", async () => {
    setPasswordHashCost();
    expect(currentHashParameters()).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(loadConfig({ PARLEY_SECRET: 'x'.repeat(32) }).passwordHashCost).toBe(PRODUCTION_COST);
    expect(await hashPassword('correct horse battery staple')).toMatch(/^scrypt\$131072\$8\$1\$/);
  });

  it('are salted, verify, and are due for renewal when the cost rises', async () => {
    setPasswordHashCost(12);
    const one = await hashPassword('correct horse battery staple');
    const two = await hashPassword('correct horse battery staple');
    expect(one).not.toBe(two);
    expect(await verifyPassword('correct horse battery staple', one)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', one)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(needsRehash(one)).toBe(false);
    setPasswordHashCost(13);
    expect(needsRehash(one)).toBe(true);
    expect(await verifyPassword('correct horse battery staple', one)).toBe(true);
    setPasswordHashCost();
  });
});

describe('two-factor', () => {
  it('is required for every staff role by default (a viewer reads cases too), and follows the service setting', () => {
    expect(STAFF_ROLES.filter((r) => roleNeedsTwoFactor(r, {}))).toEqual([
      'admin',
      'coordinator',
      'supervisor',
      'mediator',
      'safeguarding_lead',
      'viewer',
      'commissioner',
    ]);
    expect(roleNeedsTwoFactor('viewer', { twoFactorRoles: ['admin'] })).toBe(false);
    expect(roleNeedsTwoFactor('admin', { twoFactorRoles: [] })).toBe(false);
    expect(roleNeedsTwoFactor('viewer', { twoFactorRoles: ['viewer'] })).toBe(true);
  });

  it('accepts the current code and one step either side, and nothing else', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 22, 9, 0, 10);
    expect(checkTotp(secret, currentTotp(secret, now), now)).toBe(true);
    expect(checkTotp(secret, currentTotp(secret, now - 30_000), now)).toBe(true);
    expect(checkTotp(secret, currentTotp(secret, now - 90_000), now)).toBe(false);
    expect(checkTotp(secret, 'abcdef', now)).toBe(false);
  });
});

describe('permissions', () => {
  it('give admins everything but the volunteer pages and a referrer’s own list, and viewers reads of cases and referrals only', () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can('admin', p), p).toBe(p !== 'my.work' && p !== 'referrals.own');
    expect((Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can('referrer', p))).toEqual(['referrals.create', 'referrals.own']);
    expect((Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can('viewer', p))).toEqual(['home.view', 'referrals.view', 'cases.view']);
  });
});
