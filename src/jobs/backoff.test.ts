import { describe, expect, it } from 'vitest';
import { SEND_EMAIL_ATTEMPTS } from '#src/features/email/send-email.job.ts';
import { BACKOFF_CAP_MS, retryDelayMs, shortestRetrySpanMs } from './backoff.ts';

const HOUR = 3_600_000;

describe('retry back-off', () => {
  it('doubles from a minute and stops growing at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map((n) => retryDelayMs(n, 1))).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('spreads retries by up to a quarter, never beyond the cap', () => {
    expect(retryDelayMs(3, 0)).toBe(180_000);
    expect(retryDelayMs(3, 0.5)).toBe(210_000);
    for (let i = 0; i < 100; i++) expect(retryDelayMs(50)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });

  it('keeps trying to deliver an email for more than a day, however the jitter falls, so a day-long outage loses none', () => {
    // 40 attempts: 39 waits; at their shortest 6 doubling waits (47 min) then 33 of 45 min: about 25.5 hours.
    expect(shortestRetrySpanMs(SEND_EMAIL_ATTEMPTS)).toBeGreaterThan(24 * HOUR);
    expect(shortestRetrySpanMs(SEND_EMAIL_ATTEMPTS - 3)).toBeLessThan(24 * HOUR);
  });
});
