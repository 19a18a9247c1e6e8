// Pure: how long sign-in waits after repeated failures. Failures are counted per account and per client address;
// after a few free attempts each further failure doubles the wait, up to a ceiling. There is no lock-out: once the
// wait has passed, the right password is accepted again.
export type ThrottleRule = { free: number; firstWaitSeconds: number; maxWaitSeconds: number };

export const ACCOUNT_RULE: ThrottleRule = { free: 5, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };
/** An office or a college can share one address: more free attempts before it waits. */
export const ADDRESS_RULE: ThrottleRule = { free: 20, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 };
/** A day without failures starts the count again. */
export const FORGET_AFTER_MS = 24 * 3_600_000;

/** Seconds to wait after the `failures`-th consecutive failure. */
export function waitAfterFailure(failures: number, rule: ThrottleRule = ACCOUNT_RULE): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.firstWaitSeconds * 2 ** (failures - rule.free), rule.maxWaitSeconds);
}

/** The whole minutes to tell a person to wait (at least one). */
export const minutesToWait = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
