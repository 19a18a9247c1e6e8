import { lt, or, and, ne, eq } from '#src/db/orm.ts';
import { z } from 'zod';
import { sessions } from '#src/db/schema/people.ts';
import { defineJob } from '#src/jobs/job.ts';
import { purgePasswordResets } from './password-resets.repo.ts';
import { purgeThrottles } from './throttle.repo.ts';

/**
 * Removes sessions past the absolute lifetime, half-finished sign-ins left for over an hour, password-reset links a
 * day after they expired or were used, and failed sign-in counts a day after the last failure.
 */
export const purgeSessionsJob = defineJob({
  name: 'sessions.purge',
  schema: z.object({
    maxAgeHours: z
      .number()
      .int()
      .positive()
      .default(24 * 7),
  }),
  async run(payload, { db, clock }) {
    const now = clock.now().getTime();
    await db
      .delete(sessions)
      .where(
        or(
          lt(sessions.createdAt, new Date(now - payload.maxAgeHours * 3_600_000)),
          and(ne(sessions.stage, 'full'), lt(sessions.lastSeenAt, new Date(now - 3_600_000))),
          and(eq(sessions.stage, 'full'), lt(sessions.lastSeenAt, new Date(now - 24 * 3_600_000))),
        ),
      );
    const dayAgo = new Date(now - 24 * 3_600_000);
    await purgePasswordResets(db, dayAgo);
    await purgeThrottles(db, dayAgo);
  },
});
