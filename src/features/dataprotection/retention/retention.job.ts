// Nightly: the retention run in every service (or in one, when an admin asks for it now).
import { z } from 'zod';
import { asSystem } from '#src/db/tenant.ts';
import { systemActor } from '#src/access/actor.ts';
import { defineJob } from '#src/jobs/job.ts';
import { createAudit } from '#src/features/audit/audit.service.ts';
import { listServiceIds } from '#src/features/email/mail-recipients.ts';
import { runRetention } from './anonymiser.ts';

export const retentionJob = defineJob({
  name: 'retention',
  schema: z.object({ orgId: z.string().uuid().optional() }),
  maxAttempts: 3,
  async run(payload, ctx) {
    const deps = { db: ctx.db, clock: ctx.clock, audit: createAudit({ clock: ctx.clock }) };
    const orgIds = payload.orgId ? [payload.orgId] : await asSystem(ctx.db, (tx) => listServiceIds(tx));
    for (const orgId of orgIds) await runRetention(deps, orgId, systemActor('retention schedule'));
  },
});
