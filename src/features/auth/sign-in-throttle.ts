// Applies the sign-in throttle (throttle.ts) with counts kept in the database (throttle.repo.ts). The account is
// keyed by a hash of the address typed, so an address without an account earns exactly the same waits and answers.
import type { Db } from '#src/db/client.ts';
import { AppError } from '#src/lib/app-error.ts';
import { hashToken } from '#src/lib/tokens.ts';
import { ACCOUNT_RULE, ADDRESS_RULE, FORGET_AFTER_MS, minutesToWait, waitAfterFailure } from './throttle.ts';
import { clearThrottle, countFailure, findWait, setWait } from './throttle.repo.ts';
import { normaliseEmail } from './users.repo.ts';

export type ThrottleKeys = { account: string; address: string | undefined };

export const throttleKeys = (email: string, ip: string | undefined): ThrottleKeys => ({
  account: `account:${hashToken(normaliseEmail(email))}`,
  address: ip ? `address:${ip}` : undefined,
});

const listed = (keys: ThrottleKeys) => [keys.account, ...(keys.address ? [keys.address] : [])];

export function waitMessage(until: Date, now: Date) {
  const minutes = minutesToWait(until, now);
  return `Too many failed attempts to sign in. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, then try again.`;
}

/** Refuses (before any password is checked) while a wait earned by the account or the address is running. */
export async function refuseWhileWaiting(tx: Db, keys: ThrottleKeys, now: Date) {
  const until = await findWait(tx, listed(keys), now);
  if (until) throw new AppError('RATE_LIMITED', waitMessage(until, now), { reason: 'SIGN_IN_THROTTLED' });
}

/** Counts a failure against the account and the address; says whether this one started the account's first wait. */
export async function countFailedAttempt(tx: Db, keys: ThrottleKeys, now: Date) {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const accountFailures = await countFailure(tx, keys.account, now, forgetBefore);
  const accountWait = waitAfterFailure(accountFailures, ACCOUNT_RULE);
  const accountWaitUntil = accountWait ? new Date(now.getTime() + accountWait * 1000) : undefined;
  if (accountWaitUntil) await setWait(tx, keys.account, accountWaitUntil);
  if (keys.address) {
    const addressWait = waitAfterFailure(await countFailure(tx, keys.address, now, forgetBefore), ADDRESS_RULE);
    if (addressWait) await setWait(tx, keys.address, new Date(now.getTime() + addressWait * 1000));
  }
  return { accountFailures, accountWaitUntil, accountWaitStarted: accountFailures === ACCOUNT_RULE.free };
}

/** A completed sign-in or a new password starts the account's count again (never the address's). */
export const clearAccountThrottle = (tx: Db, email: string) => clearThrottle(tx, throttleKeys(email, undefined).account);
