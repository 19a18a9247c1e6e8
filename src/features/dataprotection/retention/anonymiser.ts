// The retention run for one service: for each of its case types (built in or its own, each with its own period), the
// ended cases closed before the type's date (retention-rules.ts) and not on legal hold lose their people: names,
// contact details, free text, mail, the agreement's
// documents, RJ letters and custody details, and the SEND child's details go through each feature's published
// erasure module; the case type, area, dates, status, outcome, RJ decisions and SEND certificates' kinds stay for the
// reports. Works in batches, each its own transaction with one destruction-log line (what, when, under which rule;
// never the data) and one audit record, so the service stays responsive and a stopped run resumes where it was.
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import type { Actor } from '#src/access/actor.ts';
import type { Clock } from '#src/lib/clock.ts';
import { londonParts, londonTime } from '#src/domain/meeting-times.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { anonymiseCaseRecords, casesClosedBefore, partyEmailsOf } from '#src/features/cases/case-erasure.ts';
import { anonymiseReferralsOfCases } from '#src/features/referrals/referral-erasure.ts';
import { anonymiseMeetingsOfCases } from '#src/features/meetings/meeting-erasure.ts';
import { anonymiseAgreementsOfCases } from '#src/features/agreements/agreement-erasure.ts';
import { anonymiseClosingOfCases } from '#src/features/closing/closing-erasure.ts';
import { removeMailOfCases } from '#src/features/email/email-erasure.ts';
import { anonymiseRjOfCases } from '#src/features/rj/rj-erasure.ts';
import { anonymiseSendOfCases } from '#src/features/send/send-erasure.ts';
import { retentionPlan } from './retention-rules.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';
import { heldCaseIds, insertDestruction, listSchedules } from './retention.repo.ts';

export type RetentionDeps = { db: Db; clock: Clock; audit: Audit };
export type RunResult = { caseType: string; years: number; closedBefore: string; anonymised: number }[];

/** Anonymises, in one transaction, these cases of one service across every feature that holds their people. */
export async function anonymiseCases(tx: Db, orgId: string, caseIds: string[], at: Date) {
  const emails = await partyEmailsOf(tx, orgId, caseIds);
  await anonymiseReferralsOfCases(tx, orgId, caseIds);
  await anonymiseMeetingsOfCases(tx, orgId, caseIds);
  await anonymiseAgreementsOfCases(tx, orgId, caseIds);
  await anonymiseClosingOfCases(tx, orgId, caseIds);
  await anonymiseRjOfCases(tx, orgId, caseIds);
  await anonymiseSendOfCases(tx, orgId, caseIds);
  await removeMailOfCases(tx, orgId, caseIds, emails);
  await anonymiseCaseRecords(tx, orgId, caseIds, at);
}

/**
 * Cases per transaction. The embedded database has one connection: a page asked for during a batch waits for it, so
 * a batch is kept to a few hundred milliseconds (bench/dataprotection/retention.ts measures the case list meanwhile).
 */
export const RETENTION_BATCH = 50;

export async function runRetention(deps: RetentionDeps, orgId: string, ranBy: Actor, opts: { batch?: number } = {}): Promise<RunResult> {
  const batch = opts.batch ?? RETENTION_BATCH;
  const today = londonParts(deps.clock.now()).date;
  // The owner role: some of what goes (answers people gave) the app role may never change.
  const { plan, held } = await asSystem(deps.db, async (tx) => ({
    plan: retentionPlan(today, await listCaseTypes(tx, orgId), await listSchedules(tx, orgId)),
    held: await heldCaseIds(tx, orgId),
  }));
  const result: RunResult = [];
  for (const rule of plan) {
    const closedBefore = londonTime(rule.closedBefore, '00:00');
    let anonymised = 0;
    for (;;) {
      const done = await asSystem(deps.db, async (tx) => {
        const due = await casesClosedBefore(tx, orgId, rule.caseType, closedBefore, held, batch);
        if (!due.length) return 0;
        const at = deps.clock.now();
        await anonymiseCases(
          tx,
          orgId,
          due.map((c) => c.id),
          at,
        );
        await insertDestruction(tx, {
          orgId,
          runAt: at,
          caseType: rule.caseType,
          years: rule.years,
          closedBefore,
          caseCount: due.length,
          references: due.map((c) => c.reference),
          ranBy: ranBy.label ?? null,
        });
        await deps.audit.record(tx, ranBy, orgId, {
          action: 'retention.anonymised',
          entityType: 'organisation',
          entityId: orgId,
          detail: { caseType: rule.caseType, years: rule.years, closedBefore: rule.closedBefore, cases: due.length },
        });
        return due.length;
      });
      anonymised += done;
      if (done < batch) break;
    }
    result.push({ caseType: rule.caseType, years: rule.years, closedBefore: rule.closedBefore, anonymised });
  }
  return result;
}
