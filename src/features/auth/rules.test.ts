// Unit tests for the pure sign-in rules.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '#src/lib/passwords.ts';
import { can, PERMISSIONS } from './permissions.ts';
import { STAFF_ROLES } from './actor.ts';
import { LOCKOUT_AFTER, LOCKOUT_SECONDS, waitAfterFailure } from './throttle.ts';
import { roleNeedsTwoFactor } from './two-factor-policy.ts';
import { checkTotp, currentTotp, newTotpSecret } from '#src/lib/totp.ts';
import { hashPassword, verifyPassword } from '#src/lib/passwords.ts';

describe('waitAfterFailure', () => {
  it('allows a few mistakes, then doubles the wait, then locks out for an hour', () => {
    const waits = Array.from({ length: 12 }, (_, i) => waitAfterFailure(i + 1));
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits.slice(2, 6)).toEqual([15, 30, 60, 120]);
    for (let i = 3; i < LOCKOUT_AFTER - 1; i++) expect(waits[i]).toBe(waits[i - 1]! * 2);
    expect(waitAfterFailure(LOCKOUT_AFTER)).toBe(LOCKOUT_SECONDS);
    expect(waitAfterFailure(50)).toBe(LOCKOUT_SECONDS);
  });
});

describe('passwordProblem (NCSC: length and a deny-list, no composition rules)', () => {
  it.each([
    ['short', 'at least 10 characters'],
    ['password123', 'too common'],
    ['qwertyuiop', 'too common'],
    ['~~~~~~~~~~~~', 'one character repeated'],
  ])('refuses %s', (pw, why) => expect(passwordProblem(pw)).toContain(why));

  it('refuses a password made of the email address', () => {
    expect(passwordProblem('kimberley.example2026', { email: 'kimberley.example@x.org' })).toContain('name or email');
  });

  it.each(['correct horse battery staple', 'all lower case words', 'ÿŵŷ Welsh letters ok', 'x'.repeat(9) + 'y'])(
    'accepts %s without composition rules',
    (pw) => {
      expect(passwordProblem(pw)).toBeUndefined();
    },
  );

  it('hashes with a salt and verifies', async () => {
    const one = await hashPassword('correct horse battery staple');
    const two = await hashPassword('correct horse battery staple');
    expect(one).not.toBe(two);
    expect(await verifyPassword('correct horse battery staple', one)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', one)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});

describe('two-factor', () => {
  it('is required for every staff role except viewer by default, and follows the service setting', () => {
    expect(STAFF_ROLES.filter((r) => roleNeedsTwoFactor(r, {}))).toEqual(['admin', 'coordinator', 'supervisor', 'mediator', 'safeguarding_lead']);
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
  it('give admins everything but the volunteer pages, and viewers only the home page (no case data)', () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can('admin', p), p).toBe(p !== 'my.work');
    expect((Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can('referrer', p))).toEqual(['referrals.create']);
    expect((Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can('viewer', p))).toEqual(['home.view']);
  });
});
