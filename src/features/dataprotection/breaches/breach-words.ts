// Breaches in words: the risk, and where the ICO's clock stands.
import { type Locale, msg, type Translate } from '#src/i18n/i18n.ts';
import { momentInWords } from '#src/domain/meeting-times.ts';
import type { BreachRisk, BreachStanding } from './breach-rules.ts';

export const BREACH_RISK_LABELS: Record<BreachRisk, string> = {
  unlikely: msg('Unlikely to risk anyone’s rights (log it only)'),
  risk: msg('A risk to people’s rights (report to the ICO)'),
  high: msg('A high risk to people’s rights (report to the ICO and tell the people)'),
};

/** The clock's line and the tag's colour. */
export function clockInWords(s: BreachStanding, t: Translate, locale: Locale): { text: string; colour: string } {
  const deadline = momentInWords(s.deadline, { locale });
  switch (s.ico) {
    case 'due':
      return {
        text: t('{hours, plural, one {# hour} other {# hours}} left to report to the ICO (by {deadline})', { hours: s.hours, deadline }),
        colour: s.hours < 24 ? 'red' : 'yellow',
      };
    case 'overdue':
      return {
        text: t('The report to the ICO is overdue by {hours, plural, one {# hour} other {# hours}} (it was due by {deadline})', { hours: s.hours, deadline }),
        colour: 'red',
      };
    case 'reported':
      return { text: t('Reported to the ICO within 72 hours'), colour: 'green' };
    case 'reported_late':
      return { text: t('Reported to the ICO {hours, plural, one {# hour} other {# hours}} after the 72 hours', { hours: s.hours }), colour: 'orange' };
    default:
      return { text: t('No report to the ICO needed'), colour: 'grey' };
  }
}
