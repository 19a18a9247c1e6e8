// Pure: how long an account waits after repeated failed sign-ins (progressive delay, then lock-out).
export const FREE_ATTEMPTS = 3;
export const LOCKOUT_AFTER = 10;
export const LOCKOUT_SECONDS = 60 * 60;

/** Seconds the account must wait after its `failures`-th consecutive failure. */
export function waitAfterFailure(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  if (failures >= LOCKOUT_AFTER) return LOCKOUT_SECONDS;
  return 15 * 2 ** (failures - FREE_ATTEMPTS);
}
