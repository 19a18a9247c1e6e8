// The restorative justice questions of the self-referral (one group on one page): whether what happened was reported
// to the police and whether anyone involved is in prison, each with "not sure"; and how the answers become the
// referral's RJ details (who asked, reported, in custody), which the RJ case starts from.
import { z } from 'zod';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { msg } from '#src/i18n/i18n.ts';
import type { FormValues } from './public-forms.ts';

export const YES_NO_UNSURE = ['yes', 'no', 'not_sure'] as const;
export type YesNoUnsure = (typeof YES_NO_UNSURE)[number];
export const YES_NO_UNSURE_LABELS: Record<YesNoUnsure, string> = { yes: msg('Yes'), no: msg('No'), not_sure: msg('I am not sure') };

type RjAnswers = { caseKind?: string; myRole?: string; reportedToPolice?: YesNoUnsure; anyoneInPrison?: YesNoUnsure };

const ZRjQuestions = z.object({
  reportedToPolice: z.enum(YES_NO_UNSURE, { error: 'Select whether what happened was reported to the police, or ‘I am not sure’' }),
  anyoneInPrison: z.enum(YES_NO_UNSURE, { error: 'Select whether anyone involved is in prison, or ‘I am not sure’' }),
});

/** The page's definition, in the journey's shape (see PAGES in self-referral.journey.ts). */
export const RJ_PAGE = {
  slug: 'what-happened',
  title: msg('About what happened'),
  applies: (d: RjAnswers) => d.caseKind === 'restorative_justice',
  complete: (d: RjAnswers) => Boolean(d.reportedToPolice && d.anyoneInPrison),
  parse<D extends RjAnswers>(body: unknown, d: D): { ok: true; draft: D } | { ok: false; fields: FieldErrors } {
    const r = ZRjQuestions.safeParse(body ?? {});
    return r.success ? { ok: true, draft: { ...d, ...r.data } } : { ok: false, fields: zodFields(r.error) };
  },
  values: (d: RjAnswers): FormValues => ({ reportedToPolice: d.reportedToPolice ?? '', anyoneInPrison: d.anyoneInPrison ?? '' }),
};

/** Who started the referral, as the RJ rules read it (#32): someone affected counts as neither party. */
const INITIATED_BY: Record<string, 'victim' | 'person_who_harmed' | 'other'> = {
  victim: 'victim',
  person_who_harmed: 'person_who_harmed',
  family_member: 'other',
};

/** The referral's RJ details from the answers. */
export function rjDetails(d: RjAnswers) {
  return {
    initiatedBy: d.myRole ? INITIATED_BY[d.myRole] : undefined,
    reportedToPolice: d.reportedToPolice,
    inCustody: d.anyoneInPrison === 'yes' ? true : d.anyoneInPrison === 'no' ? false : undefined,
  };
}
