// Pure: the service's rules about when and where a meeting may be, each checked ONCE here with its words — SEND
// notice, notices that suspend home visits or close the office, a venue's opening hours and closed dates, whether a
// room fits the meeting, and the kinds that meet one party. The booking rules (meeting-rules.ts) and the slot finder
// (slot-finder*.ts) both call these, so a time the finder offers passes at booking and both give the same reasons.
// Each takes a `t` for its words, English by default. Dates are "YYYY-MM-DD" and weekly windows "HH:MM", Europe/London local time; instants are UTC milliseconds.
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { type Translate, translator } from '#src/i18n/i18n.ts';
import { MEETING_KIND_LABELS, type MeetingKind, ONE_PARTY_KINDS } from '#src/domain/meeting-words.ts';
import { covers, type Interval } from './slot-finder.intervals.ts';
import { isoWeekday, londonToUtc, minutesOf, utcToLondon } from './slot-finder.time.ts';
import { dayInWords, listInWords, rangeInWords, weekdayName } from './slot-finder.words.ts';
import { addWorkingDays } from '../working-days.ts';

export type ServiceNotice = { text: string; from?: string; to?: string; homeVisitsSuspended: boolean; officeClosed?: boolean };

/** Is the date within the span (a notice, time away)? Open-ended on either side when from or to is missing. */
export const includesDate = (span: { from?: string; to?: string }, date: string) => (!span.from || span.from <= date) && (!span.to || date <= span.to);

// SEND notice ---------------------------------------------------------------------------------------------------

/** The first date a SEND meeting may be on; null when the rule does not apply (not SEND, or shorter notice agreed). */
export function sendEarliestDate(f: { isSend: boolean; shortNoticeAgreed: boolean; workingDays: number; today: string }): string | null {
  return f.isSend && !f.shortNoticeAgreed && f.workingDays > 0 ? addWorkingDays(f.today, f.workingDays) : null;
}

/** Why a meeting may not be on `date` because of the SEND notice rule (`earliest` from sendEarliestDate), or undefined. */
export function sendNoticeProblem(date: string, earliest: string | null, workingDays: number, today: string, t: Translate = translator()): string | undefined {
  if (!earliest || date >= earliest) return undefined;
  return t(
    'Too soon: a SEND meeting needs {workingDays} working {workingDays, plural, one {day’s} other {days’}} notice, so the earliest date is {date}, unless the parent or young person agrees to shorter notice',
    { workingDays, date: dayInWords(earliest, today) },
  );
}

// Notices: home visits suspended, office closed ------------------------------------------------------------------

/** Why an in-person meeting at this place may not be on `date` because of the service's notices (empty: none). */
export function noticeProblems(place: string | null, notices: readonly ServiceNotice[], date: string, today: string, t: Translate = translator()): string[] {
  if (place !== 'home' && place !== 'office') return [];
  const reasons: string[] = [];
  for (const n of notices) {
    if (!includesDate(n, date)) continue;
    if (place === 'home' && n.homeVisitsSuspended)
      reasons.push(t('Home visits are suspended {range} (notice: {notice})', { range: rangeInWords(n.from, n.to, today), notice: n.text }));
    if (place === 'office' && n.officeClosed)
      reasons.push(t('The office is closed {range} (notice: {notice})', { range: rangeInWords(n.from, n.to, today), notice: n.text }));
  }
  return reasons;
}

// Venues: opening hours and closed dates -------------------------------------------------------------------------

export type VenueHours = { name: string; openingHours: readonly WeeklyWindow[]; closedDates: readonly string[] };
/** Weekly windows as minutes after local midnight by ISO weekday (index 1–7), sorted and merged; null when none. */
export type WeeklyMinutes = [number, number][][];

/** Weekly windows by weekday, touching or overlapping ones joined; null when none are recorded. */
export function weeklyByDay(windows: readonly WeeklyWindow[]): WeeklyMinutes | null {
  if (!windows.length) return null;
  const days: WeeklyMinutes = [[], [], [], [], [], [], [], []];
  const sorted = [...windows].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  for (const w of sorted) {
    const list = days[w.day];
    const [s, e] = [minutesOf(w.from), minutesOf(w.to)];
    if (!list || e <= s) continue;
    const last = list[list.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else list.push([s, e]);
  }
  return days;
}

/** Local weekly windows (minutes) on a date as UTC intervals. */
export function windowsOn(windows: readonly [number, number][][], date: string): Interval[] {
  return (windows[isoWeekday(date)] ?? []).map(([s, e]) => [londonToUtc(date, s), londonToUtc(date, e)] as const);
}

export const venueClosedOn = (name: string, date: string, today: string, t: Translate = translator()) =>
  t('{name} is closed on {date}', { name, date: dayInWords(date, today) });
export const venueNotOpenOn = (name: string, date: string, t: Translate = translator()) =>
  t('{name} is not open on {weekday}s', { name, weekday: weekdayName(isoWeekday(date)) });

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Why the venue is not open for the whole of [s, e), or undefined. A venue without weekly hours recorded is open
 * whenever the service offers meetings. `open` is the venue's weeklyByDay when the caller has it already.
 */
export function venueHoursProblem(
  venue: VenueHours,
  s: number,
  e: number,
  today: string,
  open: WeeklyMinutes | null = weeklyByDay(venue.openingHours),
  t: Translate = translator(),
): string | undefined {
  const { date } = utcToLondon(s);
  if (venue.closedDates.includes(date)) return venueClosedOn(venue.name, date, today, t);
  if (!open || covers(windowsOn(open, date), s, e)) return undefined;
  const hours = open[isoWeekday(date)] ?? [];
  if (!hours.length) return venueNotOpenOn(venue.name, date, t);
  return t('{name} is open only {hours} on {weekday}s', {
    name: venue.name,
    hours: listInWords(hours.map(([a, b]) => t('{from} to {to}', { from: clock(a), to: clock(b) }))),
    weekday: weekdayName(isoWeekday(date)),
  });
}

// Rooms: big enough, and a separate waiting room for shuttle -----------------------------------------------------

export type RoomFit = { roomName: string; venueName: string; capacity: number; separateWaitingRoom: boolean };

/** Why this room does not suit the meeting: too small for everyone invited, or no waiting room for shuttle. */
export function roomFitProblems(room: RoomFit, kind: string, invited: number, t: Translate = translator()): string[] {
  const reasons: string[] = [];
  const where = t('{room} at {venue}', { room: room.roomName, venue: room.venueName });
  if (room.capacity < invited)
    reasons.push(
      t('{where} holds {capacity} {capacity, plural, one {person} other {people}}; {invited} {invited, plural, one {is} other {are}} invited', {
        where,
        capacity: room.capacity,
        invited,
      }),
    );
  if (kind === 'shuttle' && !room.separateWaitingRoom)
    reasons.push(t('A shuttle session needs a room with a separate waiting room; {where} has none', { where }));
  return reasons;
}

// Kinds with one party -------------------------------------------------------------------------------------------

export const isOnePartyKind = (kind: string) => (ONE_PARTY_KINDS as readonly string[]).includes(kind);

/** Why this many parties cannot be at a meeting of this kind (intake visits, calls … meet exactly one), or undefined. */
export function onePartyProblem(kind: MeetingKind, parties: number, t: Translate = translator()): string | undefined {
  if (!isOnePartyKind(kind) || parties === 1) return undefined;
  return t('{kind} is with one party: choose {parties, plural, =0 {one} other {only one}}', { kind: t(MEETING_KIND_LABELS[kind]), parties });
}
