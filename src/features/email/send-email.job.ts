// Delivers one outbox message (see delivery.ts). Retried with back-off by the queue when the server refuses:
// 40 attempts over at least 25.5 hours (jobs/backoff.ts), so a mail server down for a day loses no email.
import { z } from 'zod';
import { defineJob } from '#src/jobs/job.ts';
import { deliverOutboxMessage, SEND_EMAIL_ATTEMPTS } from './delivery.ts';

export { SEND_EMAIL_ATTEMPTS };

export const sendEmailJob = defineJob({
  name: 'email.send',
  schema: z.object({ outboxId: z.uuid() }),
  maxAttempts: SEND_EMAIL_ATTEMPTS,
  async run(payload, ctx) {
    await deliverOutboxMessage(payload.outboxId, ctx);
  },
});
