import type { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Mailer } from '#src/lib/mail-transport.ts';

export type JobContext = {
  db: Db;
  clock: Clock;
  orgId: string | null;
  /** The mail server, when one is configured (PARLEY_SMTP_URL). */
  mailer?: Mailer | null;
  /** This run's attempt (1 for the first) and how many the job has in all. */
  attempt?: number;
  maxAttempts?: number;
  /** Keeps this run's claim on the job for another lease: a job that can run longer than a lease calls it as it goes,
   * so no other worker takes the job while it is still running. */
  renewLease?: () => Promise<void>;
};

/** A job is a name, a payload schema and an idempotent run function. */
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  maxAttempts?: number;
  run(payload: z.infer<S>, ctx: JobContext): Promise<void>;
};

export const defineJob = <S extends z.ZodType>(job: JobDefinition<S>) => job;
