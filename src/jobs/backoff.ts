// How long a failed job waits before its next attempt: doubling from a minute, capped at an hour, with jitter so
// that many jobs failing together (a mail-server outage) do not all come back in the same second.
// The n-th retry waits min(1 h, 1 min × 2^(n−1)) × a random factor in [0.75, 1].

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 3_600_000;
const JITTER_LOW = 0.75;

/** The wait before the retry that follows failed attempt `attempt` (1 for the first attempt). `random` is in [0, 1). */
export function retryDelayMs(attempt: number, random: number = Math.random()): number {
  const nominal = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (JITTER_LOW + (1 - JITTER_LOW) * random));
}

/** The shortest time from the first attempt to the last, over `attempts` attempts (all jitter at its lowest). */
export function shortestRetrySpanMs(attempts: number): number {
  let total = 0;
  for (let n = 1; n < attempts; n++) total += retryDelayMs(n, 0);
  return total;
}
