// What every public form of a service shares: the service's page chrome, the honeypot, checkbox and date
// fields as browsers send them, the rate limit, and the confirmation handed from a POST to the page after it.
import { randomInt } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '#src/lib/clock.ts';
import { formatReference } from '#src/features/referrals/referral-reads.ts';
import { londonDate } from '#src/domain/dates-in-words.ts';

export { anonymous, type FormValues, formValues, HONEYPOT, isSpam, POST_LIMIT, type PublicService, serviceChrome, withErrors } from '#src/http/public-page.ts';

/** The form with every text field present, as a browser sends it (an empty field arrives as ''). */
export function withBlanks(body: unknown, textFields: string[]): Record<string, unknown> {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return { ...Object.fromEntries(textFields.map((k) => [k, ''])), ...b };
}

/** Checkboxes arrive as nothing, one string or several. */
export const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : typeof value === 'string' && value !== '' ? [value] : [];

export const yesNo = (value: unknown) => (value === 'yes' ? true : value === 'no' ? false : undefined);
export const fromYesNo = (value: boolean | undefined) => (value === true ? 'yes' : value === false ? 'no' : '');
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Today's date in the UK, as YYYY-MM-DD. */
export const ukToday = (clock: Clock) => londonDate(clock.now());

/**
 * A GOV.UK date input (`{id}-day`, `{id}-month`, `{id}-year`): nothing entered, a past or present date, or
 * a message that says what is wrong.
 */
export function readDateInput(body: unknown, id: string, label: string, today: string): { iso?: string; error?: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(b[`${id}-${part}`]));
  if (!day && !month && !year) return {};
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (![day, month, year].every((p) => /^\d+$/.test(p as string)) || (year as string).length !== 4) return { error: `${label} must be a real date` };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { error: `${label} must be a real date` };
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (iso > today) return { error: `${label} must be today or in the past` };
  return { iso };
}

export const dateParts = (iso: string | undefined) => {
  const [year, month, day] = (iso ?? '').split('-');
  return iso ? { day: String(Number(day)), month: String(Number(month)), year: year ?? '' } : { day: '', month: '', year: '' };
};

// The confirmation travels from the POST to the confirmation page in a short-lived signed cookie, so that
// reloading the confirmation never sends the form twice.
export type Confirmation = {
  kind: 'referral' | 'professional_referral';
  reference: string;
  urgent?: boolean;
  sendDeadline?: { deadline: string; passed: boolean };
};
const confirmationCookie = (slug: string) => `parley_sent_${slug}`;

export function setConfirmation(reply: FastifyReply, slug: string, confirmation: Confirmation, secure: boolean) {
  reply.setCookie(confirmationCookie(slug), JSON.stringify(confirmation), {
    path: `/s/${slug}`,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: 3600,
  });
}

export function readConfirmation(req: FastifyRequest, slug: string, kind: Confirmation['kind']): Confirmation | undefined {
  const raw = req.cookies[confirmationCookie(slug)];
  if (!raw) return undefined;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const parsed = JSON.parse(unsigned.value) as Confirmation;
    return parsed.kind === kind && typeof parsed.reference === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What a robot that filled the honeypot is shown: a reference of the usual shape that belongs to nothing. */
export const decoyReference = (prefix: string, clock: Clock) => formatReference(prefix, clock.now().getUTCFullYear(), randomInt(7000, 9999), 'R');
