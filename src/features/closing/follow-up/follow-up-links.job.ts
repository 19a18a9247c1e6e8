// On the day a follow-up point falls due: the parties' check-in links go out (enqueued by startFollowUp, one per point).
import { z } from 'zod';
import { inOrg } from '#src/db/tenant.ts';
import { defineJob } from '#src/jobs/job.ts';
import { createAudit } from '#src/features/audit/audit.service.ts';
import { createCaseService } from '#src/features/cases/cases.service.ts';
import { caseMediatorFacts } from '#src/features/volunteers/assignments/case-team-facts.ts';
import { mailSettings } from '#src/features/email/mail-settings.ts';
import { sendDueLinks } from '../party-link-mail.ts';

export const followUpLinksJob = defineJob({
  name: 'follow-up-links',
  schema: z.object({ orgId: z.string().uuid(), caseId: z.string().uuid() }),
  async run(payload, ctx) {
    const cases = createCaseService({ db: ctx.db, clock: ctx.clock, audit: createAudit({ clock: ctx.clock }), mediatorFacts: caseMediatorFacts });
    await inOrg(ctx.db, payload.orgId, (tx) => sendDueLinks(tx, { clock: ctx.clock, cases, baseUrl: mailSettings().baseUrl }, payload.orgId, payload.caseId));
  },
});
