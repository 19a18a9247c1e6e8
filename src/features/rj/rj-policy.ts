// The service's restorative justice policy: which offence categories need extra care and which are taken only when
// the person harmed asks (rules.md #32), how long a risk assessment stays current (#33), and the prison-visit
// checklist (#36, configurable because the steps vary by establishment). Stored in rj_policies, read with defaults.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';

export const OFFENCE_CATEGORIES = [
  'domestic_abuse',
  'sexual_offence',
  'hate_crime',
  'stalking',
  'trafficking',
  'child_sexual_exploitation',
  'violence',
  'property',
  'other',
] as const;
export type OffenceCategory = (typeof OFFENCE_CATEGORIES)[number];
export const OFFENCE_CATEGORY_LABELS: Record<OffenceCategory, string> = {
  domestic_abuse: msg('Domestic abuse'),
  sexual_offence: msg('Sexual offence'),
  hate_crime: msg('Hate crime'),
  stalking: msg('Stalking or harassment'),
  trafficking: msg('Human trafficking or modern slavery'),
  child_sexual_exploitation: msg('Child sexual exploitation'),
  violence: msg('Other violence against the person'),
  property: msg('Burglary, theft or damage'),
  other: msg('Another offence'),
};

export const ZRjPolicy = z.object({
  /** Categories that need extra care (RJC Code D): shown on the case, and the assessment reminds of it. */
  extraCare: z.array(z.enum(OFFENCE_CATEGORIES)),
  /** Categories taken only when the person harmed asks: otherwise held for a senior decision. */
  victimInitiatedOnly: z.array(z.enum(OFFENCE_CATEGORIES)),
  /** How many days a risk assessment stays current. */
  assessmentValidDays: z.number().int().min(1).max(730),
  /** The steps before a prison visit, in order. */
  prisonChecklist: z.array(z.string().trim().min(1).max(200)).max(20),
});
export type RjPolicy = z.infer<typeof ZRjPolicy>;

export const DEFAULT_RJ_POLICY: RjPolicy = {
  extraCare: ['domestic_abuse', 'sexual_offence', 'hate_crime', 'stalking', 'trafficking', 'child_sexual_exploitation'],
  victimInitiatedOnly: ['domestic_abuse', 'sexual_offence'],
  assessmentValidDays: 90,
  prisonChecklist: [msg('Security clearance for both facilitators'), msg('Governor approval'), msg('Visit booked with the prison')],
};

/** The stored policy over the defaults; a stored value that no longer fits the shape falls back to the default. */
export function readRjPolicy(stored: Record<string, unknown> | undefined): RjPolicy {
  const merged = { ...DEFAULT_RJ_POLICY, ...(stored ?? {}) };
  const parsed = ZRjPolicy.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_RJ_POLICY;
}
