// Delivers one outbox message (see delivery.ts). Retried with back-off by the queue when the server refuses.
import { z } from 'zod';
import { defineJob } from '#src/jobs/job.ts';
import { deliverOutboxMessage } from './delivery.ts';

export const SEND_EMAIL_ATTEMPTS = 6;

export const sendEmailJob = defineJob({
  name: 'email.send',
  schema: z.object({ outboxId: z.uuid() }),
  maxAttempts: SEND_EMAIL_ATTEMPTS,
  async run(payload, ctx) {
    await deliverOutboxMessage(payload.outboxId, ctx);
  },
});
