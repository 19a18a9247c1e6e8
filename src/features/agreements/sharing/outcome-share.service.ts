// Sharing the outcome with the referrer: each party's consent (yes or no, the day, who recorded it) is kept on the
// case, and the outcome is emailed to the referrer only when every party taking part said yes; otherwise the refusal
// names whose yes is missing. The email says the outcome and nothing about anyone's contact details. Audited.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { CONSENTING_ROLES, OUTCOME_LABELS, type Outcome } from '#src/domain/case-words.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { listIn, msg, translator } from '#src/i18n/i18n.ts';
import { AppError, inEnglish } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { missingShareConsents } from './outcome-share-rules.ts';
import type { ShareConsentInput } from './outcome-share.schemas.ts';
import { listShareConsents, saveShareConsent } from './outcome-share.repo.ts';

const t = translator('en');
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Referrer = { name: string | null; organisation: string | null; email: string | null };

function referrerOf(details: unknown): Referrer | null {
  const r = (details as { referrer?: Record<string, unknown> } | null)?.referrer;
  if (!r || typeof r !== 'object') return null;
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return { name: s(r.name), organisation: s(r.organisation), email: s(r.email) };
}

export function createOutcomeShareService({ db, clock, audit, cases }: { db: Db; clock: Clock; audit: Audit; cases: CaseService }) {
  async function state(tx: Db, actor: OrgActor, caseId: string, action: 'view' | 'work') {
    const c = await cases.caseFor(tx, actor, caseId, action);
    const parties = (await cases.partiesIn(tx, actor.orgId, caseId)).filter((p) => CONSENTING_ROLES.includes(p.role));
    const consents = await listShareConsents(tx, actor.orgId, caseId);
    const missing = missingShareConsents(parties, consents);
    return { c, parties, consents, missing, referrer: referrerOf(c.details) };
  }

  return {
    /** Each party's answer, the referrer, and whether the outcome may be sent. Audited. */
    async view(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const s = await state(tx, actor, caseId, 'view');
        await audit.record(tx, actor, actor.orgId, { action: 'outcome_share.viewed', entityType: 'case', entityId: caseId });
        return {
          outcome: s.c.outcome as Outcome | null,
          referrer: s.referrer && { name: s.referrer.name, organisation: s.referrer.organisation, hasEmail: Boolean(s.referrer.email) },
          parties: s.parties.map((p) => {
            const answer = s.consents.find((c) => c.partyId === p.id);
            return {
              id: p.id,
              name: p.name,
              consents: answer ? answer.consents : null,
              decidedOn: answer?.decidedOn ?? null,
              recordedBy: answer?.recordedBy ?? null,
              recordedAt: answer?.recordedAt ?? null,
            };
          }),
          missing: s.missing.map((p) => p.name),
        };
      });
    },

    /** Records (or changes) one party's answer. */
    async recordConsent(actor: OrgActor, caseId: string, input: ShareConsentInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const s = await state(tx, actor, caseId, 'work');
        if (!s.parties.some((p) => p.id === input.partyId))
          throw new AppError('UNPROCESSABLE', msg('Choose a person taking part in this case'), {
            reason: 'NO_SUCH_PARTY',
            fields: { partyId: msg('Choose a person taking part in this case') },
          });
        if (input.decidedOn > isoDay(clock.now()))
          throw new AppError('UNPROCESSABLE', msg('The date they answered must be today or in the past'), {
            reason: 'VALIDATION_FAILED',
            fields: { decidedOn: msg('The date they answered must be today or in the past') },
          });
        await saveShareConsent(tx, {
          id: newId(),
          orgId: actor.orgId,
          caseId,
          partyId: input.partyId,
          consents: input.consents,
          decidedOn: input.decidedOn,
          recordedBy: actor.label ?? t('Someone at the service'),
          recordedAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'outcome_share.consent_recorded',
          entityType: 'case',
          entityId: caseId,
          detail: { partyId: input.partyId, consents: input.consents, decidedOn: input.decidedOn },
        });
        return { partyId: input.partyId, consents: input.consents, decidedOn: input.decidedOn };
      });
    },

    /** Emails the outcome to the referrer; refused with the reason (no outcome, no referrer's address, whose yes is missing). */
    async sendToReferrer(actor: OrgActor, caseId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const s = await state(tx, actor, caseId, 'work');
        const refuse = (reason: string, text: string, params?: Record<string, string>) => {
          throw new AppError('CONFLICT', text, { reason, params, fields: { _: inEnglish({ text, params }) }, fieldParams: { _: { text, params } } });
        };
        if (!s.c.outcome) refuse('NO_OUTCOME', msg('Record the outcome of the case before sending it to the referrer'));
        if (!s.referrer?.email) refuse('NO_REFERRER', msg('This case has no referrer’s email address to send the outcome to'));
        if (s.missing.length)
          refuse('CONSENT_MISSING', msg('The outcome goes to the referrer only when every party has agreed. Not yet agreed: {names}'), {
            names: listIn(
              'en',
              s.missing.map((p) => p.name),
              'conjunction',
              ', ',
            ),
          });
        const now = clock.now();
        // i18n-dynamic: OUTCOME_LABELS are msg() literals (domain/case-words.ts)
        const outcome = t(OUTCOME_LABELS[s.c.outcome as Outcome] ?? s.c.outcome!);
        await queueEmail(tx, {
          orgId: actor.orgId,
          template: 'outcome_to_referrer',
          to: s.referrer!.email!,
          toName: s.referrer!.name,
          caseId,
          subject: t('The outcome of case {reference} with {service}', { reference: s.c.reference, service: actor.orgName }),
          text: t(
            'Dear {name},\n\nThank you for your referral to {service}. Everyone who took part has agreed that we may tell you the outcome of case {reference}:\n\n{outcome}\n\nIf you have any questions, reply to this email or contact {service}.',
            { name: s.referrer!.name ?? t('colleague'), service: actor.orgName, reference: s.c.reference, outcome },
          ),
          at: now,
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'outcome_share.sent',
          entityType: 'case',
          entityId: caseId,
          detail: { outcome: s.c.outcome, parties: s.parties.length },
        });
        return { sent: true as const, at: now };
      });
    },
  };
}
export type OutcomeShareService = ReturnType<typeof createOutcomeShareService>;
