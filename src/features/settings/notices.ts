// Pure: which of a service's notices are in force on a day (their dates include it; an open end runs on).
import type { Notice } from './settings.schemas.ts';
import { londonDate } from '#src/domain/dates-in-words.ts';

/** The service's date today, as YYYY-MM-DD in the UK (one formatter, kept: building one a call cost every page's banner). */
export const ukDateOf = (now: Date) => londonDate(now);

/** Notices whose dates include `today`, those that change how the service works (home visits, the office) first. */
export function noticesInForce(notices: readonly Notice[], today: string): Notice[] {
  const current = notices.filter((n) => (!n.from || n.from <= today) && (!n.to || n.to >= today));
  return [...current.filter((n) => n.homeVisitsSuspended || n.officeClosed), ...current.filter((n) => !n.homeVisitsSuspended && !n.officeClosed)];
}
