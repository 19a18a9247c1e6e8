// The SEND report (rules.md #61): cases by local authority, certificates by kind, the share of mediations held within
// 30 days with the reasons for those held later, outcomes per issue, appeals that followed and reg 42 compliance. One
// query per figure (send-report.repo.ts); the 30 days are counted by the pure rule the clocks use. Like the standard
// reports, it can be narrowed to one of the service's places (an area, a local authority it covers, or both: the
// case's postcode and the local authority the lookup gave for it), for a commissioner who asks for their own figures.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { londonDate } from '#src/domain/dates-in-words.ts';
import { placeDetail } from '#src/domain/place-filter.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { type PlaceQuery, placeOf, servicePlaces } from '#src/features/settings/service-places.ts';
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
  return {
    /**
     * The SEND report (rules.md #61) for the whole service, or for the place asked for: it must be one of the
     * service's (422, UNKNOWN_PLACE, naming the field, if not). The place comes back as the service keeps it.
     */
    async report(actor: OrgActor, where: PlaceQuery = {}) {
      authorise(actor, 'send.deadlines');
      return inOrg(db, actor.orgId, async (tx) => {
        const place = await placeOf(tx, actor.orgId, where);
        const byAuthority = await reports.casesByLocalAuthority(tx, actor.orgId, place);
        const byKind = await reports.certificatesByKind(tx, actor.orgId, place);
        const held = await reports.mediationsHeld(tx, actor.orgId, place);
        const outcomes = await reports.outcomesByIssue(tx, actor.orgId, place);
        const appeals = await reports.appealsFollowed(tx, actor.orgId, place);
        const reg42 = await reports.reg42Compliance(tx, actor.orgId, londonDate(clock.now()), place);
        // The place as the service keeps it (never the text as typed: a place not the service's was refused above).
        await audit.record(tx, actor, actor.orgId, {
          action: 'send.report_viewed',
          entityType: 'org',
          entityId: actor.orgId,
          detail: placeDetail(place),
        });
        const { delays, ...mediations } = thirtyDayShare(held);
        return { place, byAuthority, byKind, mediations, delays, outcomes, appeals, reg42 };
      });
    },

    /** The places the SEND report may be narrowed to (for the filter's choices). */
    async reportPlaces(actor: OrgActor) {
      authorise(actor, 'send.deadlines');
      return inOrg(db, actor.orgId, (tx) => servicePlaces(tx, actor.orgId));
    },
  };
}
