// Pure: the slot finder's working parts. `prepare` reads the input once (sorted, merged busy lists with travel time;
// weekly windows by weekday; the rooms that could hold the meeting; what rules out every day); the per-day
// functions then turn one local date into UTC intervals: the service's hours, each person's free time, each room's.
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { type Translate, translator } from '#src/i18n/i18n.ts';
import { includesDate, noticeProblems, sendEarliestDate, sendNoticeProblem, type WeeklyMinutes, weeklyByDay, windowsOn } from './service-rules.ts';
import { type Interval, intersect, normalise, subtract } from './slot-finder.intervals.ts';
import { isoWeekday, londonToUtc, minutesOf, utcToLondon } from './slot-finder.time.ts';
import type { Busy, SlotFinderInput, SlotRoom, SlotVenue } from './slot-finder.types.ts';
import { dayInWords, weekdayName } from './slot-finder.words.ts';
import { bankHolidayOn } from '../working-days.ts';

const MINUTE_MS = 60_000;

export type Person = {
  name: string;
  /** "Alex Example (mediator)" or the party's name. */
  label: string;
  isMediator: boolean;
  weekly: readonly WeeklyWindow[];
  /** Minutes after local midnight by ISO weekday (index 1–7), merged; null when no times are recorded. */
  windows: WeeklyMinutes | null;
  away: readonly { from: string; to: string }[];
  /** Taken times, with travel time around in-person meetings when this meeting is in person too. */
  busy: Interval[];
  /** Taken times without travel time, to say which of the two ruled a time out. */
  booked: Interval[];
};

export type Room = { room: SlotRoom; bookings: Interval[] };
export type Venue = { venue: SlotVenue; open: WeeklyMinutes | null; closed: ReadonlySet<string>; rooms: Room[] };

export type Prepared = {
  input: SlotFinderInput;
  /** The words of the reasons (input.t, or English). */
  t: Translate;
  durationMs: number;
  stepMs: number;
  inPerson: boolean;
  atVenue: boolean;
  today: string;
  /** The earliest start: now, on the step. */
  startMs: number;
  /** The first date a SEND meeting may be on without agreed short notice, or null. */
  sendEarliest: string | null;
  dayStarts: number;
  dayEnds: number;
  participants: number;
  people: Person[];
  /** The venues with the rooms that could hold this meeting, in order of preference (smallest room first). */
  venues: Venue[];
  /** What rules out every day (withdrawn consent, no room big enough …). */
  blockers: string[];
};

function busyLists(busy: readonly Busy[], ignore: string | undefined, travelMs: number) {
  const kept = ignore ? busy.filter((b) => b.meetingId !== ignore) : busy;
  const booked = normalise(kept.map((b) => [b.start.getTime(), b.end.getTime()] as const));
  const buffered = travelMs
    ? normalise(kept.map((b) => [b.start.getTime() - (b.inPerson ? travelMs : 0), b.end.getTime() + (b.inPerson ? travelMs : 0)] as const))
    : booked;
  return { booked, busy: buffered };
}

function roomProblems(input: SlotFinderInput, participants: number, t: Translate): { venues: Venue[]; blockers: string[] } {
  const shuttle = input.kind === 'shuttle';
  const blockers: string[] = [];
  const venues: Venue[] = [];
  for (const venue of input.venues) {
    const big = venue.rooms.filter((r) => r.capacity >= participants);
    const fit = shuttle ? big.filter((r) => r.separateWaitingRoom) : big;
    if (!venue.rooms.length) blockers.push(t('{venue} has no rooms to book', { venue: venue.name }));
    else if (!big.length) blockers.push(t('No room at {venue} holds {participants} people', { venue: venue.name, participants }));
    else if (!fit.length)
      blockers.push(
        t('No room at {venue} that holds {participants} people has a separate waiting room, which a shuttle session needs', {
          venue: venue.name,
          participants,
        }),
      );
    if (!fit.length) continue;
    const rooms = [...fit]
      .sort((a, b) => a.capacity - b.capacity || a.name.localeCompare(b.name))
      .map((room) => ({
        room,
        bookings: busyLists(
          room.bookings.map((b) => ({ ...b, inPerson: false })),
          input.ignoreMeetingId,
          0,
        ).booked,
      }));
    venues.push({ venue, open: weeklyByDay(venue.openingHours), closed: new Set(venue.closedDates), rooms });
  }
  if (!input.venues.length) return { venues, blockers: [t('There is no venue to meet at: add one, or choose another place')] };
  return { venues, blockers: venues.length ? [] : blockers };
}

/** Reads the input once for every day that follows. */
export function prepare(input: SlotFinderInput): Prepared {
  const { policy } = input;
  const t = input.t ?? translator();
  const stepMs = Math.max(1, policy.stepMinutes) * MINUTE_MS;
  const durationMs = input.durationMinutes * MINUTE_MS;
  const inPerson = input.mode === 'in_person';
  const atVenue = inPerson && input.place === 'venue';
  const today = utcToLondon(input.now.getTime()).date;
  const travelMs = inPerson ? policy.travelMinutes * MINUTE_MS : 0;
  const participants = input.participantCount ?? input.mediators.length + input.parties.length;
  const people: Person[] = [
    ...input.mediators.map((m) => ({
      name: m.name,
      label: t('{name} (mediator)', { name: m.name }),
      isMediator: true,
      weekly: m.weeklyWindows,
      windows: weeklyByDay(m.weeklyWindows),
      away: m.away,
      ...busyLists(m.busy, input.ignoreMeetingId, travelMs),
    })),
    ...input.parties.map((p) => ({
      name: p.name,
      label: p.name,
      isMediator: false,
      weekly: p.weeklyWindows,
      windows: weeklyByDay(p.weeklyWindows),
      away: [],
      ...busyLists(p.busy, input.ignoreMeetingId, 0),
    })),
  ];
  const blockers = input.parties
    .filter((p) => p.consentWithdrawn)
    .map((p) => t('{name} has withdrawn consent, so they cannot be booked into a meeting', { name: p.name }));
  const dayStarts = minutesOf(policy.dayStarts);
  const dayEnds = minutesOf(policy.dayEnds);
  if (input.durationMinutes > dayEnds - dayStarts) {
    blockers.push(
      t('A {minutes}-minute meeting does not fit in the service’s hours ({from} to {to})', {
        minutes: input.durationMinutes,
        from: policy.dayStarts,
        to: policy.dayEnds,
      }),
    );
  }
  const rooms = atVenue ? roomProblems(input, participants, t) : { venues: [], blockers: [] };
  blockers.push(...rooms.blockers);
  const sendEarliest = sendEarliestDate({ isSend: input.isSend, shortNoticeAgreed: input.shortNoticeAgreed, workingDays: policy.sendNoticeWorkingDays, today });
  const startMs = Math.ceil(input.now.getTime() / stepMs) * stepMs;
  return {
    input,
    t,
    durationMs,
    stepMs,
    inPerson,
    atVenue,
    today,
    startMs,
    sendEarliest,
    dayStarts,
    dayEnds,
    participants,
    people,
    venues: rooms.venues,
    blockers,
  };
}

/** Why no meeting may be on this date at all, whoever comes (empty: the day is open). */
export function dayReasons(p: Prepared, date: string): string[] {
  const { input, today, t } = p;
  const words = dayInWords(date, today);
  if (date < today) return [t('{day} has already passed', { day: words })];
  const reasons: string[] = [];
  const weekday = isoWeekday(date);
  if (weekday >= 6 && !input.policy.weekends) reasons.push(t('{day}: the service does not offer meetings at weekends', { day: words }));
  const holiday = bankHolidayOn(date);
  if (holiday) reasons.push(t('{day} is a bank holiday ({holiday})', { day: words, holiday }));
  const tooSoon = sendNoticeProblem(date, p.sendEarliest, input.policy.sendNoticeWorkingDays, today, t);
  if (tooSoon) reasons.push(tooSoon);
  if (p.inPerson && input.notices.length) reasons.push(...noticeProblems(input.place, input.notices, date, today, t));
  if (!reasons.length && date === today && !serviceHours(p, date).length) {
    reasons.push(t('It is too late to meet today: the service’s meetings end at {time}', { time: input.policy.dayEnds }));
  }
  return reasons;
}

/** The service's hours on a date, from now on. */
export function serviceHours(p: Prepared, date: string): Interval[] {
  const s = Math.max(londonToUtc(date, p.dayStarts), p.startMs);
  const e = londonToUtc(date, p.dayEnds);
  return s < e ? [[s, e]] : [];
}

export const isAway = (person: Person, date: string) => person.away.some((a) => includesDate(a, date));

/** A person's free time on a date within `within`: their usual times (all of it when none are recorded) less bookings. */
export function personFree(person: Person, date: string, within: readonly Interval[], withTravel = true): Interval[] {
  if (isAway(person, date)) return [];
  const usual = person.windows ? intersect(within, windowsOn(person.windows, date)) : (within as Interval[]);
  return subtract(usual, withTravel ? person.busy : person.booked);
}

/** When a venue is open on a date (within `within`): none on a closed date; `within` when hours are not recorded. */
export function venueOpen(v: Venue, date: string, within: readonly Interval[]): Interval[] {
  if (v.closed.has(date)) return [];
  return v.open ? intersect(within, windowsOn(v.open, date)) : (within as Interval[]);
}

export const weekdayPlural = (date: string) => `${weekdayName(isoWeekday(date))}s`;
