// The SEND report (rules.md #61): cases by local authority, certificates by kind, the share of mediations held within
// 30 days with the reasons for those held later, outcomes per issue, appeals that followed and reg 42 compliance. One
// query per figure (send-report.repo.ts); the 30 days are counted by the pure rule the clocks use.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { londonDate } from '#src/domain/dates-in-words.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Clock } from '#src/lib/clock.ts';
import { mediationDeadline } from './send-clocks.ts';
import type { SendIssue } from './send-words.ts';
import * as reports from './send-report.repo.ts';

type Held = Awaited<ReturnType<typeof reports.mediationsHeld>>[number];
const heldLate = (h: Held) => Boolean(h.toldOn && h.heldOn && h.heldOn > mediationDeadline(h.toldOn, h.issues as SendIssue[], h.icbNotifiedOn));

/** The mediations held, how many within the 30 days, and the reasons recorded for the others (none recorded: null). */
export function thirtyDayShare(held: readonly Held[]) {
  const late = held.filter(heldLate);
  const reasons = new Map<string | null, number>();
  for (const h of late) reasons.set(h.delayReason?.trim() || null, (reasons.get(h.delayReason?.trim() || null) ?? 0) + 1);
  return {
    held: held.length,
    within30Days: held.filter((h) => h.toldOn && h.heldOn && !heldLate(h)).length,
    delays: [...reasons].map(([reason, n]) => ({ reason, n })).sort((a, b) => b.n - a.n || (a.reason ?? '').localeCompare(b.reason ?? '')),
  };
}

export function createSendReport({ db, audit, clock }: { db: Db; audit: Audit; clock: Clock }) {
  return async function report(actor: OrgActor) {
    authorise(actor, 'send.deadlines');
    return inOrg(db, actor.orgId, async (tx) => {
      const byAuthority = await reports.casesByLocalAuthority(tx, actor.orgId);
      const byKind = await reports.certificatesByKind(tx, actor.orgId);
      const held = await reports.mediationsHeld(tx, actor.orgId);
      const outcomes = await reports.outcomesByIssue(tx, actor.orgId);
      const appeals = await reports.appealsFollowed(tx, actor.orgId);
      const reg42 = await reports.reg42Compliance(tx, actor.orgId, londonDate(clock.now()));
      await audit.record(tx, actor, actor.orgId, { action: 'send.report_viewed', entityType: 'org', entityId: actor.orgId });
      const { delays, ...mediations } = thirtyDayShare(held);
      return { byAuthority, byKind, mediations, delays, outcomes, appeals, reg42 };
    });
  };
}
