import { lt, or, and, ne, eq } from '#src/db/orm.ts';
import { z } from 'zod';
import { sessions } from '#src/db/schema/people.ts';
import { defineJob } from '#src/jobs/job.ts';

/** Removes sessions past the absolute lifetime, and half-finished sign-ins left for over an hour. */
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
  },
});
