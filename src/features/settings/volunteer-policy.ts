// A service's volunteer policy: training, supervision, DBS and pairing rules. Every number is the service's own
// choice (rules.md #28, #49, #54); the defaults are the common ones. Stored in the service's settings under
// `volunteers`; a stored value that no longer parses falls back to the defaults.
import { z } from 'zod';
import { CASE_TYPES } from '#src/domain/case-words.ts';
import { msg } from '#src/i18n/i18n.ts';

export const ZVolunteerPolicy = z.object({
  /** Hours of the foundation course (the 40-hour norm). */
  foundationCourseHours: z.number().int().min(1).max(500).default(40),
  /** Co-mediated cases a trainee needs signed off by their supervisor before accreditation. */
  supervisedCasesRequired: z.number().int().min(0).max(50).default(3),
  /** Years from a DBS certificate's issue (or its last clear Update Service check) to the recheck. */
  dbsRecheckYears: z.number().int().min(1).max(10).default(3),
  /**
   * The codes of the service's case types whose mediators need a current DBS check (all four built-in ones by
   * default); a type the service adds takes its kind's built-in type's choice (settings.service addCaseType).
   */
  dbsRequiredFor: z.array(z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, msg('Choose case types from the service’s case types'))).default([...CASE_TYPES]),
  /** Days before a DBS recheck when the coordinator and the volunteer are warned. */
  dbsAlertDays: z.array(z.number().int().min(1).max(365)).default([60, 30, 7]),
  /** Restorative justice practitioner code: case supervision at least every N weeks, N observed sessions a year. */
  rjSupervisionWeeks: z.number().int().min(1).max(52).default(12),
  rjObservedPerYear: z.number().int().min(0).max(12).default(1),
  /** CPD hours a year expected of an accredited mediator. */
  cpdHoursPerYear: z.number().int().min(0).max(200).default(6),
  /** How many weeks ahead to look for a pair's availability. */
  availabilityWeeks: z.number().int().min(1).max(26).default(4),
  /** Prefer pairs of mixed gender where both are recorded. */
  preferMixedGender: z.boolean().default(false),
  /** Mileage rate for expense claims, in pence a mile (HMRC approved rate). */
  mileagePence: z.number().int().min(0).max(200).default(45),
});
export type VolunteerPolicy = z.infer<typeof ZVolunteerPolicy>;

export const DEFAULT_VOLUNTEER_POLICY: VolunteerPolicy = ZVolunteerPolicy.parse({});

/** The policy from a service's stored settings, with defaults filled in. */
export function readVolunteerPolicy(settings: unknown): VolunteerPolicy {
  const stored = (settings as { volunteers?: unknown } | null | undefined)?.volunteers ?? {};
  const parsed = ZVolunteerPolicy.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_VOLUNTEER_POLICY;
}
