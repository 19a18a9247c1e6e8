// The Victims' Code clock on the RJ tab and in the home alerts: the days left in the same words as the SEND clocks,
// and the form's values (what was recorded, or what was typed when refused).
import type { Translate } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { dateParts } from '#src/http/page-form.ts';
import type { VictimsCodeClock } from './rules/victims-code.ts';

/** "3 working days left", "Due today", "Overdue by 2 working days"; once stopped, whether it was on time. */
export function victimsClockWords(t: Translate, k: VictimsCodeClock): { left: string; tag: string } {
  if (!k.running)
    return k.metOnTime ? { left: t('Information given on time'), tag: 'govuk-tag--green' } : { left: t('Information given late'), tag: 'govuk-tag--grey' };
  const days = Math.abs(k.daysLeft);
  if (k.overdue)
    return { left: t('Overdue by {days, plural, one {# working day} other {# working days}}', { days: Math.max(days, 1) }), tag: 'govuk-tag--red' };
  if (k.daysLeft === 0) return { left: t('Due today'), tag: 'govuk-tag--orange' };
  return { left: t('{days, plural, one {# working day left} other {# working days left}}', { days }), tag: 'govuk-tag--blue' };
}

type Recorded = { firstContactOn: string | null; enhancedRights: boolean; informationGivenOn: string | null; clock: VictimsCodeClock | null };

export function victimsCodeModel(t: Translate, v: Recorded, typed?: { values: Record<string, unknown>; fields: FieldErrors }) {
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const dateValues = (name: string, recorded: string | null) =>
    typed ? { day: str(typed.values[`${name}-day`]), month: str(typed.values[`${name}-month`]), year: str(typed.values[`${name}-year`]) } : dateParts(recorded);
  const first = typed ? str(typed.values.firstContact) : v.firstContactOn ? 'yes' : '';
  const enhanced = typed ? str(typed.values.enhancedRights) : v.enhancedRights ? 'yes' : '';
  return {
    clock: v.clock && {
      ...v.clock,
      ...victimsClockWords(t, v.clock),
      what:
        v.clock.workingDays === 1
          ? t('Information on restorative justice (enhanced rights: 1 working day)')
          : t('Information on restorative justice (5 working days)'),
    },
    fields: typed?.fields ?? {},
    firstItems: [
      { value: 'yes', text: t('Yes'), checked: first === 'yes' },
      { value: 'no', text: t('No, the police, probation or another service gave the first contact'), checked: first === 'no' },
    ],
    enhancedItems: [{ value: 'yes', text: t('They are entitled to enhanced rights (information within 1 working day)'), checked: enhanced === 'yes' }],
    firstContactOn: dateValues('firstContactOn', v.firstContactOn),
    informationGivenOn: dateValues('informationGivenOn', v.informationGivenOn),
  };
}
