// The RJ return over a period (rules.md #62), for the whole service or one of its places (an area or a local authority
// it covers, as the standard reports narrow theirs: domain/place-filter.ts): each metric from one query, through the
// published reads of the features that own the records (referrals, meetings, closing) and RJ's own tables. It counts
// every case whose type follows the restorative justice kind, whatever the type's code: a type the service adds counts
// as the built-in one does (RJ's own records are kept only on cases of that kind). Counts only, never a person. Audited
// with the period and the place chosen.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { addDays } from '#src/domain/availability.ts';
import { caseInPlace, narrowsPlace, type Place, placeDetail, placeIs } from '#src/domain/place-filter.ts';
import type { SQL } from '#src/db/orm.ts';
import { aggregateFeedback, agreementKeptCounts } from '#src/features/closing/closing-reads.ts';
import { signedAgreementsByCaseType } from '#src/features/agreements/agreement-reads.ts';
import { listParties } from '#src/features/cases/case-reads.ts';
import { heldMeetingCounts } from '#src/features/meetings/meeting-reads.ts';
import { referralCounts } from '#src/features/referrals/referral-reads.ts';
import { type PlaceChoices, type PlaceQuery, placeOf, servicePlaces } from '#src/features/settings/service-places.ts';
import { passedLetterCount } from '../letters/letters.repo.ts';
import { suitabilityInPeriod } from '../rj.repo.ts';
import type { RjDeps } from '../rj.service.ts';
import { suitabilityOutcome } from '../rules/suitability-rules.ts';
import { type Figure, type Metric, metric } from './rj-return.ts';

const RJ = { caseKind: 'restorative_justice' } as const;
const SMALLEST_SHOWN = 3;
const mean = (sum: number, n: number) => (n >= SMALLEST_SHOWN ? Math.round((100 * sum) / n) / 100 : null);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
type FeedbackSums = { responses: number; satisfactionSum: number; copeRated: number; copeBeforeSum: number; copeAfterSum: number };
/** The feedback figures of every case type of the kind together (the read gives a row per case type). */
const sumRows = (rows: FeedbackSums[]): FeedbackSums | undefined =>
  rows.length
    ? rows.reduce((t, r) => ({
        responses: t.responses + Number(r.responses),
        satisfactionSum: t.satisfactionSum + Number(r.satisfactionSum),
        copeRated: t.copeRated + Number(r.copeRated),
        copeBeforeSum: t.copeBeforeSum + Number(r.copeBeforeSum),
        copeAfterSum: t.copeAfterSum + Number(r.copeAfterSum),
      }))
    : undefined;

export function createRjReturnService(deps: Pick<RjDeps, 'db' | 'audit'>) {
  const { db, audit } = deps;

  async function suitability(tx: Db, orgId: string, from: string, toExclusive: string, caseIs?: (c: SQL) => SQL): Promise<Figure[]> {
    const rows = await suitabilityInPeriod(tx, orgId, from, toExclusive, caseIs);
    const roles = new Map<string, string>();
    for (const caseId of new Set(rows.map((r) => r.caseId))) for (const p of await listParties(tx, orgId, caseId)) roles.set(p.id, p.role);
    const outcomes = rows.map((r) => suitabilityOutcome(roles.get(r.partyId) ?? '', r));
    return [
      { label: 'suitable', value: outcomes.filter((o) => o === 'suitable').length },
      { label: 'not suitable', value: outcomes.filter((o) => o === 'not_suitable').length },
    ];
  }

  return {
    /** The places the return may be narrowed to (for the filter's choices). */
    async places(actor: OrgActor): Promise<PlaceChoices> {
      authorise(actor, 'feedback.view');
      return inOrg(db, actor.orgId, (tx) => servicePlaces(tx, actor.orgId));
    },

    /**
     * The return for the period from `from` to `to` (both days included), narrowed to the place asked for when one is:
     * it must be one of the service's (422, UNKNOWN_PLACE, naming the field, if not). The place comes back as the
     * service keeps it.
     */
    async forPeriod(actor: OrgActor, period: { from: string; to: string }, where: PlaceQuery = {}): Promise<{ place: Place; metrics: Metric[] }> {
      authorise(actor, 'feedback.view');
      const end = addDays(period.to, 1);
      return inOrg(db, actor.orgId, async (tx) => {
        const place = await placeOf(tx, actor.orgId, where);
        // Nothing more on the cases when the whole service is asked for.
        const caseIs = narrowsPlace(place) ? caseInPlace(place) : undefined;
        const referrals = await referralCounts(tx, actor.orgId, RJ, utc(period.from), utc(end), (r) => placeIs(r, place));
        const bySource = new Map<string, number>();
        const byOutcome = new Map<string, number>();
        for (const r of referrals) {
          bySource.set(r.source, (bySource.get(r.source) ?? 0) + r.count);
          const key = r.reason && r.status !== 'accepted' ? `${r.status}: ${r.reason}` : r.status;
          byOutcome.set(key, (byOutcome.get(key) ?? 0) + r.count);
        }
        const held = await heldMeetingCounts(tx, actor.orgId, RJ, ['rj_conference', 'joint'], utc(period.from), utc(end), caseIs);
        const letters = await passedLetterCount(tx, actor.orgId, utc(period.from), utc(end), caseIs);
        const made = await signedAgreementsByCaseType(tx, actor.orgId, { from: utc(period.from), toExclusive: utc(end), ...RJ }, caseIs);
        const kept = new Map(
          (await agreementKeptCounts(tx, actor.orgId, { ...RJ, from: utc(period.from), toExclusive: utc(end) }, caseIs)).map((r) => [r.answer, r.n]),
        );
        const fb = sumRows(await aggregateFeedback(tx, { orgId: actor.orgId, ...RJ, from: utc(period.from), to: utc(end), caseIs }));
        const metrics = [
          metric(
            'referrals_by_source',
            [...bySource].map(([label, value]) => ({ label, value })),
          ),
          metric(
            'referral_outcomes',
            [...byOutcome].map(([label, value]) => ({ label, value })),
          ),
          metric('suitability', await suitability(tx, actor.orgId, period.from, end, caseIs)),
          metric('completed', [
            { label: 'direct', value: held.reduce((n, r) => n + r.count, 0) },
            { label: 'indirect', value: letters },
          ]),
          metric('agreements', [
            { label: 'made', value: made.reduce((n, r) => n + r.n, 0) },
            { label: 'kept', value: kept.get('kept') ?? 0 },
            { label: 'partly kept', value: kept.get('partly') ?? 0 },
            { label: 'not kept', value: kept.get('not_kept') ?? 0 },
          ]),
          metric('satisfaction', [
            { label: 'responses', value: fb?.responses ?? 0 },
            { label: 'mean satisfaction', value: fb ? mean(fb.satisfactionSum, fb.responses) : null },
            { label: 'mean coping before', value: fb ? mean(fb.copeBeforeSum, fb.copeRated) : null },
            { label: 'mean coping after', value: fb ? mean(fb.copeAfterSum, fb.copeRated) : null },
          ]),
        ];
        // The place as the service keeps it (never the text as typed: a place not the service's was refused above).
        await audit.record(tx, actor, actor.orgId, {
          action: 'rj.return_viewed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { from: period.from, to: period.to, ...placeDetail(place) },
        });
        return { place, metrics };
      });
    },
  };
}
