// What the RJ pages and API take: the offence category, a senior's decision, suitability, a risk assessment, custody
// details, a checklist step and the service's policy. Letters' schemas are in letters/letters.schemas.ts.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { isoDate, tooLong } from '#src/lib/zod-fields.ts';
import { OFFENCE_CATEGORIES } from './rj-policy.ts';
import { RISK_DECISIONS } from './rules/contact-gate.ts';

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, String(max)));
const needed = (max: number, label: string, missing: string) => text(max, label).min(1, missing);

export const ZOffence = z.object({ category: z.enum(OFFENCE_CATEGORIES, { error: msg('Choose the kind of offence') }) });
export type OffenceInput = z.infer<typeof ZOffence>;

export const ZSeniorDecision = z.object({
  decision: z.enum(['proceed', 'decline'], { error: msg('Say whether the case may go ahead') }),
  note: needed(2000, msg('Reason'), msg('Give the reason for the decision')),
});
export type SeniorDecisionInput = z.infer<typeof ZSeniorDecision>;

export const ZSuitability = z.object({
  partyId: z.string().uuid(msg('Choose the person assessed')),
  acknowledgesFacts: z.boolean({ error: msg('Say whether they acknowledge the basic facts') }),
  acceptsResponsibility: z.boolean().optional().describe('Asked of the person who harmed only'),
  willing: z.boolean({ error: msg('Say whether they are willing to take part') }),
  assessedOn: isoDate(msg('Date assessed')),
  notes: text(2000, msg('Notes')).optional(),
});
export type SuitabilityInput = z.infer<typeof ZSuitability>;

/** The areas a risk assessment covers (rules.md #33). */
export const RISK_AREAS = ['feelings', 'motivation', 'substances', 'mentalHealth', 'needs', 'harm', 'outcomes', 'stage'] as const;
export const RISK_AREA_LABELS: Record<(typeof RISK_AREAS)[number], string> = {
  feelings: msg('Feelings and attitudes'),
  motivation: msg('Motivation'),
  substances: msg('Substance misuse'),
  mentalHealth: msg('Mental health'),
  needs: msg('Physical and learning needs'),
  harm: msg('The harm and its impact'),
  outcomes: msg('Desired outcomes'),
  stage: msg('Stage in the justice system'),
};
export const RISK_RATINGS = ['low', 'medium', 'high'] as const;
export const RISK_RATING_LABELS: Record<(typeof RISK_RATINGS)[number], string> = { low: msg('Low'), medium: msg('Medium'), high: msg('High') };
export const RISK_DECISION_LABELS: Record<(typeof RISK_DECISIONS)[number], string> = {
  direct: msg('Direct contact is safe'),
  indirect: msg('Indirect contact only'),
  not_safe: msg('Contact is not safe'),
};

export const ZAssessment = z.object({
  partyId: z.string().uuid(msg('Choose the person assessed')),
  areas: z.object(
    Object.fromEntries(RISK_AREAS.map((a) => [a, text(2000, RISK_AREA_LABELS[a]).optional()])) as Record<
      (typeof RISK_AREAS)[number],
      z.ZodOptional<z.ZodString>
    >,
  ),
  rating: z.enum(RISK_RATINGS, { error: msg('Choose the risk rating') }),
  decision: z.enum(RISK_DECISIONS, { error: msg('Choose whether contact is safe') }),
  assessedOn: isoDate(msg('Date assessed')),
});
export type AssessmentInput = z.infer<typeof ZAssessment>;

export const ZCustody = z.object({
  establishment: needed(200, msg('Establishment'), msg('Enter the prison or establishment')),
  prisonNumber: needed(20, msg('Prison number'), msg('Enter the prison number')),
  offenderManagerName: needed(200, msg('Offender manager'), msg('Enter the offender manager’s name')),
  offenderManagerContact: needed(300, msg('Offender manager’s contact details'), msg('Enter how to reach the offender manager')),
});
export type CustodyInput = z.infer<typeof ZCustody>;

export const ZChecklistStep = z.object({
  step: needed(200, msg('Step'), msg('Choose the step')),
  done: z.boolean({ error: msg('Say whether the step is done') }),
});
export type ChecklistStepInput = z.infer<typeof ZChecklistStep>;

/** Victims' Code (rules.md #25): whether the service is the person harmed's first contact, and the clock's dates. */
export const ZVictimsCode = z.object({
  firstContact: z.boolean({ error: msg('Say whether this service is the first contact for the person harmed') }),
  firstContactOn: isoDate(msg('Date of the first contact')).optional(),
  enhancedRights: z.boolean().default(false).describe('Entitled to enhanced rights under the Code: information within 1 working day'),
  informationGivenOn: isoDate(msg('Date the information was given')).optional(),
});
export type VictimsCodeInput = z.infer<typeof ZVictimsCode>;

/** Pre-sentence RJ (rules.md #35): the court, the date sentence is deferred to, and when the report was sent. */
export const ZCourt = z.object({
  court: needed(200, msg('Court'), msg('Enter the court that deferred sentence')),
  sentenceDeferredTo: isoDate(msg('Date sentence is deferred to')),
  courtReportSentOn: isoDate(msg('Date the report was sent')).optional(),
});
export type CourtInput = z.infer<typeof ZCourt>;
