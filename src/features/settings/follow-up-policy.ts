// Pure: when a case's follow-up points fall. The service sets the weeks after the start (the agreement's signing, or
// the day the case entered follow-up) for each case type; rules.md #40: community follows up at 4 weeks, social care
// ends at 12.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { CASE_TYPES, type CaseType } from '#src/domain/case-words.ts';

const ZWeeks = z
  .array(
    z.number().int().min(1, msg('A follow-up point is at least 1 week after the start')).max(52, msg('A follow-up point is at most 52 weeks after the start')),
  )
  .max(6, msg('Give at most 6 follow-up points'))
  .refine((w) => w.every((x, i) => i === 0 || x > (w[i - 1] ?? 0)), msg('List the follow-up weeks from first to last, each later than the one before'));

export const DEFAULT_FOLLOW_UP_WEEKS: Record<CaseType, number[]> = {
  community: [2, 4],
  restorative_justice: [2, 6, 12],
  send: [2, 6],
  social_care: [2, 6, 12],
};

export const ZFollowUpPolicy = z.object({
  weeks: z.partialRecord(z.enum(CASE_TYPES), ZWeeks).default(DEFAULT_FOLLOW_UP_WEEKS),
  /** How long a party's check-in or feedback link works. */
  linkDays: z.number().int().min(1).max(60).default(21),
});
export type FollowUpPolicy = z.infer<typeof ZFollowUpPolicy>;
export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = { weeks: DEFAULT_FOLLOW_UP_WEEKS, linkDays: 21 };

export const weeksFor = (policy: FollowUpPolicy, caseType: string): number[] =>
  policy.weeks[caseType as CaseType] ?? DEFAULT_FOLLOW_UP_WEEKS[caseType as CaseType] ?? [4];

export type PlannedPoint = { seq: number; weeks: number; dueOn: string };

/** The follow-up points from a start date ("YYYY-MM-DD"), one per week count, in order. */
export function followUpSchedule(weeks: readonly number[], startOn: string): PlannedPoint[] {
  const start = Date.parse(`${startOn}T00:00:00Z`);
  return weeks.map((w, i) => ({ seq: i + 1, weeks: w, dueOn: new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10) }));
}
