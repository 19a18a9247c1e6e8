// Expense claims. Volunteers are paid expenses only (rules.md #52): a volunteer claims mileage (miles × the
// service's rate), travel or other costs with a receipt; coordinators approve or reject with a note and mark
// approved claims paid; nobody decides their own claim. Receipts go to the claimant and the deciders only.
// Every claim, decision and receipt download is audited.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, invalid, notFound } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { newId } from '#src/lib/ids.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { checkReceipt, decideClaim, mileageAmount, receiptRequired } from './expense-rules.ts';
import { DECISIONS, type DecisionInput, type ExpenseClaimInput, ZExpenseClaim } from './expenses.schemas.ts';
import { findClaim, findReceipt, insertClaim, insertReceipt, listClaims, listClaimsOfVolunteer, totalsByMonth, updateClaimStatus } from './expenses.repo.ts';
import { casesEverAssigned } from '../assignments/my-cases.repo.ts';
import { calendarOf } from '../calendar.ts';
import { ownCaseProblem, pastDateProblem, requireMyVolunteer, throwIfProblems, volunteerFor, volunteerPolicyOf } from '../records/my-volunteer.ts';
import type { ExpenseStatus } from '../volunteer-words.ts';
import type { VolunteerRow } from '../records/volunteers.repo.ts';
import { judge, orRefuse, ownsRecord } from '#src/access/access.ts';

/** A receipt as it arrived: from the form (bytes, maybe cut off at the size limit) or the API (base64). */
export type ReceiptFile = { filename: string; bytes: Buffer; truncated?: boolean };

const by = (actor: OrgActor) => actor.label ?? actor.id;

export function createExpenseService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  async function submit(tx: Db, actor: OrgActor, v: VolunteerRow, input: ExpenseClaimInput, receipt: ReceiptFile | undefined) {
    const valid = ZExpenseClaim.safeParse(input);
    if (!valid.success) throw invalid(zodFields(valid.error));
    const { today } = calendarOf(clock);
    const policy = await volunteerPolicyOf(tx, actor.orgId);
    const amountPence = input.kind === 'mileage' ? mileageAmount(input.miles ?? 0, policy.mileagePence) : (input.amountPence ?? 0);
    const checked = receipt ? checkReceipt(receipt) : undefined;
    throwIfProblems(
      {
        kind: input.kind === 'mileage' && policy.mileagePence === 0 ? 'This service does not pay mileage; claim fares or parking as travel' : undefined,
        on: pastDateProblem(input.on, today),
        caseId: await ownCaseProblem(tx, actor.orgId, v.id, input.caseId),
        receipt:
          checked && !checked.ok
            ? checked.message
            : !checked && receiptRequired(input.kind, amountPence)
              ? 'Add a receipt: travel and other claims over £10 need one'
              : undefined,
      },
      'There is a problem with the claim',
    );

    const id = newId();
    const now = clock.now();
    await insertClaim(tx, {
      id,
      orgId: actor.orgId,
      volunteerId: v.id,
      caseId: input.caseId ?? null,
      kind: input.kind,
      on: input.on,
      description: input.description,
      miles: input.kind === 'mileage' ? (input.miles ?? null) : null,
      amountPence,
      status: 'submitted',
      createdAt: now,
    });
    if (checked?.ok && receipt)
      await insertReceipt(tx, {
        id: newId(),
        orgId: actor.orgId,
        claimId: id,
        filename: checked.filename,
        contentType: checked.contentType,
        content: receipt.bytes.toString('base64'),
        createdAt: now,
      });
    await audit.record(tx, actor, actor.orgId, {
      action: 'expense.submitted',
      entityType: 'expense_claim',
      entityId: id,
      detail: { volunteerId: v.id, kind: input.kind, amountPence, receipt: Boolean(checked?.ok) },
    });
    return { id, amountPence, status: 'submitted' as ExpenseStatus };
  }

  return {
    /** What the claim form needs: the volunteer's cases and the mileage rate. */
    async claimForm(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await requireMyVolunteer(tx, actor);
        const policy = await volunteerPolicyOf(tx, actor.orgId);
        return { volunteer: { id: v.id, name: v.name }, caseChoices: await casesEverAssigned(tx, actor.orgId, v.id), mileagePence: policy.mileagePence };
      });
    },

    async submitMine(actor: OrgActor, input: ExpenseClaimInput, receipt?: ReceiptFile) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => submit(tx, actor, await requireMyVolunteer(tx, actor), input, receipt));
    },

    /** A claim for a volunteer: the volunteer themself, or staff with volunteers.manage on their behalf. */
    async submitFor(actor: OrgActor, volunteerId: string, input: ExpenseClaimInput, receipt?: ReceiptFile) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await volunteerFor(tx, actor, volunteerId, 'claim_expenses');
        return submit(tx, actor, v, input, receipt);
      });
    },

    async mine(actor: OrgActor) {
      authorise(actor, 'my.work');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await requireMyVolunteer(tx, actor);
        const claims = await listClaimsOfVolunteer(tx, actor.orgId, v.id);
        await audit.record(tx, actor, actor.orgId, { action: 'expense.own_claims_viewed', entityType: 'volunteer', entityId: v.id });
        return { volunteer: { id: v.id, name: v.name }, claims };
      });
    },

    async ofVolunteer(actor: OrgActor, volunteerId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await volunteerFor(tx, actor, volunteerId, 'read_claims');
        const claims = await listClaimsOfVolunteer(tx, actor.orgId, v.id);
        await audit.record(tx, actor, actor.orgId, {
          action: ownsRecord(actor, v.userId) ? 'expense.own_claims_viewed' : 'expense.claims_viewed',
          entityType: 'volunteer',
          entityId: v.id,
        });
        return { volunteer: { id: v.id, name: v.name }, claims };
      });
    },

    /** The service's claims of one status (or all) and the totals by month. */
    async queue(actor: OrgActor, status: ExpenseStatus | undefined) {
      authorise(actor, 'expenses.approve');
      return inOrg(db, actor.orgId, async (tx) => ({
        claims: await listClaims(tx, actor.orgId, status),
        totals: await totalsByMonth(tx, actor.orgId),
      }));
    },

    /** One claim for the people who decide claims, with each decision and whether it can be made now (and why not). */
    async claim(actor: OrgActor, claimId: string) {
      authorise(actor, 'expenses.approve');
      return inOrg(db, actor.orgId, async (tx) => {
        const claim = await findClaim(tx, actor.orgId, claimId);
        if (!claim) throw notFound(msg('That expense claim was not found'));
        await audit.record(tx, actor, actor.orgId, { action: 'expense.claim_viewed', entityType: 'expense_claim', entityId: claim.id });
        const view = { status: claim.status as ExpenseStatus, claimantUserId: claim.volunteerUserId };
        return { claim, isOwnClaim: claim.volunteerUserId === actor.id, decisions: DECISIONS.map((d) => ({ decision: d, ...decideClaim(view, actor.id, d) })) };
      });
    },

    /** Approve or reject a waiting claim, or mark an approved one paid; 409 with the reasons otherwise. */
    async decide(actor: OrgActor, claimId: string, input: DecisionInput) {
      authorise(actor, 'expenses.approve');
      return inOrg(db, actor.orgId, async (tx) => {
        const claim = await findClaim(tx, actor.orgId, claimId);
        if (!claim) throw notFound(msg('That expense claim was not found'));
        const decision = decideClaim({ status: claim.status as ExpenseStatus, claimantUserId: claim.volunteerUserId }, actor.id, input.decision);
        if (!decision.allowed) {
          const own = claim.volunteerUserId === actor.id;
          throw new AppError(own ? 'FORBIDDEN' : 'CONFLICT', decision.reasons.join('. '), {
            reason: own ? 'OWN_CLAIM' : 'CLAIM_NOT_DECIDABLE',
            fields: { decision: decision.reasons.join('. ') },
          });
        }
        const updated = await updateClaimStatus(tx, actor.orgId, claim.id, claim.status, {
          status: input.decision,
          decidedBy: by(actor),
          decidedAt: clock.now(),
          decisionNote: input.note ?? null,
        });
        if (!updated) throw new AppError('CONFLICT', msg('Someone else decided this claim at the same time; reload the page'), { reason: 'CLAIM_CHANGED' });
        await audit.record(tx, actor, actor.orgId, {
          action: `expense.${input.decision}`,
          entityType: 'expense_claim',
          entityId: claim.id,
          detail: { from: claim.status, to: input.decision, amountPence: claim.amountPence, volunteerId: claim.volunteerId },
        });
        return { id: claim.id, status: input.decision as ExpenseStatus };
      });
    },

    /** The receipt file, for the claimant and the people who decide claims only. Audited. */
    async receipt(actor: OrgActor, claimId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const claim = await findClaim(tx, actor.orgId, claimId);
        if (!claim) throw notFound(msg('That expense claim was not found'));
        orRefuse(judge(actor, 'expense_claim', 'read_receipt', { claimantUserId: claim.volunteerUserId }));
        const file = await findReceipt(tx, actor.orgId, claim.id);
        if (!file) throw notFound(msg('A receipt for that claim was not found'));
        await audit.record(tx, actor, actor.orgId, { action: 'expense.receipt_downloaded', entityType: 'expense_claim', entityId: claim.id });
        return { filename: file.filename, contentType: file.contentType, bytes: Buffer.from(file.content, 'base64') };
      });
    },
  };
}
export type ExpenseService = ReturnType<typeof createExpenseService>;
