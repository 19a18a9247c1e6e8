// Pure: times, contact details and reasons as an email says them; times in London time.
import { momentInWords, whenInWords } from '#src/domain/meeting-times.ts';
import { type Translate, translator } from '#src/i18n/i18n.ts';

const english = translator('en');

/** "Tuesday 15 December 2026, 10:00 to 11:30" (the end's date too when it falls on another day); "… at 10:00". */
export { momentInWords, whenInWords };

/** "01632 960000 or office@example.org"; the fallback when the service has given neither. */
export function contactInWords(service: { email: string | null; phone: string | null }, t: Translate = english): string {
  const [phone, email] = [service.phone?.trim(), service.email?.trim()];
  if (phone && email) return t('{phone} or {email}', { phone, email });
  return phone || email || t('the person who arranged it');
}

/** "Joint meeting" → "joint meeting", keeping capitals such as SEND later in the label. */
export const lowerFirst = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** A reason as a sentence of its own, or nothing. */
export function reasonSentence(reason: string | undefined, t: Translate = english): string {
  const r = reason?.trim();
  if (!r) return '';
  return t('The reason given: {reason}', { reason: `${r}${/[.!?]$/.test(r) ? '' : '.'}` });
}
