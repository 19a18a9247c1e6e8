// The outcome of a case: full, partial or no agreement, and what became of each issue. Recording it is the case's move
// to Outcome (features/cases lifecycle), whose gate needs a held session, an outcome per issue and, for a full or
// partial agreement, the written agreement signed by everyone. Issue outcomes left out are taken from the signed
// agreement's issues of the same wording.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { latestVersionOf, listAgreementsOfCase } from './agreements.repo.ts';
import type { OutcomeInput } from './agreements.schemas.ts';

export function createOutcomeService({ db, audit, cases }: { db: Db; audit: Audit; cases: CaseService }) {
  async function signedIssues(actor: OrgActor, caseId: string) {
    return inOrg(db, actor.orgId, async (tx) => {
      await cases.caseFor(tx, actor, caseId, 'view');
      const a = (await listAgreementsOfCase(tx, actor.orgId, caseId)).at(-1);
      const v = a ? await latestVersionOf(tx, actor.orgId, a.id) : undefined;
      return v?.status === 'signed' ? v.issues : [];
    });
  }

  return {
    /** The case's outcome now, its issues, and the issue outcomes the signed agreement gives. Audited (through the case read). */
    async get(actor: OrgActor, caseId: string) {
      const view = await cases.get(actor, caseId);
      const agreed = await signedIssues(actor, caseId);
      const move = view.moves.find((m) => m.to === 'outcome');
      const recorded = view.timeline.find((e) => e.kind === 'transition' && (e.data as { to?: string }).to === 'outcome');
      const byIssue = (recorded?.data as { issues?: { issue: string; outcome: string | null }[] } | undefined)?.issues ?? [];
      return {
        status: view.case.status,
        outcome: view.case.outcome,
        issues: view.issues.map((issue) => ({
          issue,
          outcome: byIssue.find((b) => b.issue === issue)?.outcome ?? null,
          fromAgreement: agreed.find((x) => x.issue.toLowerCase() === issue.toLowerCase())?.outcome ?? null,
        })),
        canMove: move ? move.decision : null,
      };
    },

    /** Moves the case to Outcome with the outcome and each issue's outcome; refused with the lifecycle's reasons. */
    async record(actor: OrgActor, caseId: string, input: OutcomeInput) {
      authorise(actor, 'cases.view');
      const view = await cases.get(actor, caseId);
      const agreed = await signedIssues(actor, caseId);
      const issueOutcomes = view.issues.map(
        (issue, i) => input.issueOutcomes?.[i] ?? agreed.find((x) => x.issue.toLowerCase() === issue.toLowerCase())?.outcome ?? undefined,
      );
      const done = await cases.transition(actor, caseId, { to: 'outcome', outcome: input.outcome, issueOutcomes, reason: input.reason });
      await inOrg(db, actor.orgId, (tx: Db) =>
        audit.record(tx, actor, actor.orgId, { action: 'case.outcome_recorded', entityType: 'case', entityId: caseId, detail: { outcome: input.outcome } }),
      );
      return { ...done, outcome: input.outcome, issues: view.issues.map((issue, i) => ({ issue, outcome: issueOutcomes[i] ?? null })) };
    },
  };
}
export type OutcomeService = ReturnType<typeof createOutcomeService>;
