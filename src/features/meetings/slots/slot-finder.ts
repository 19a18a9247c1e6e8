// Pure: the slot finder. findSlots — the earliest good times for the case's mediators, the chosen parties and (at a
// venue) a free room; checkSlot — why one time does not fit (the same rules, for booking); explainDay — why a day
// has no time, in words. The rules:
//   - the service's hours (dayStarts–dayEnds, Monday to Friday, weekends when it offers them), not on bank holidays
//     in England and Wales, not in the past;
//   - SEND: not before `sendNoticeWorkingDays` working days from today unless shorter notice was agreed;
//   - no home visits while a notice suspends them, no office meetings while a notice closes the office;
//   - each mediator within their usual times, not away, not in another meeting, with `travelMinutes` between this
//     meeting and another in-person one when this one is in person too;
//   - each party within the times they gave at intake (any time in the service's hours when none were recorded), not
//     in another meeting, and not one who has withdrawn consent (then no time at all);
//   - at a venue: a room that holds everyone (with a separate waiting room for shuttle), open and not booked.
// The rules a booking also checks (SEND notice, notices, venue hours, room fit) are service-rules.ts's, shared with
// the booking rules (meeting-rules.ts) so both agree. Work is per day on sorted interval lists
// (slot-finder.intervals.ts); times are Europe/London local (slot-finder.time.ts), returned as UTC instants.
import { roomFitProblems, venueHoursProblem, windowsOn } from './service-rules.ts';
import { type Prepared, dayReasons, isAway, prepare } from './slot-finder.day.ts';
import { explainPrepared } from './slot-finder.explain.ts';
import { covers, overlaps } from './slot-finder.intervals.ts';
import { dayOptions, pickDay } from './slot-finder.pick.ts';
import { addDays, londonClock, londonToUtc, utcToLondon } from './slot-finder.time.ts';
import type { FoundSlot, SlotFinderInput, SlotToCheck } from './slot-finder.types.ts';
import { listInWords, rangeInWords, weeklyInWords } from './slot-finder.words.ts';

export type { FoundSlot, SlotFinderInput, SlotToCheck } from './slot-finder.types.ts';

/** What rules out every day for this input (withdrawn consent, no room big enough, too long a meeting). */
export function slotBlockers(input: SlotFinderInput): string[] {
  return prepare(input).blockers;
}

/** The earliest times that fit everyone, earliest first, at most `perDay` (2) a day and `limit` (10) in all. */
export function findSlots(input: SlotFinderInput): FoundSlot[] {
  const p = prepare(input);
  if (p.blockers.length || input.durationMinutes <= 0) return [];
  const limit = input.limit ?? 10;
  const perDay = input.perDay ?? 2;
  const found: FoundSlot[] = [];
  let date = input.from < p.today ? p.today : input.from;
  if (p.sendEarliest && date < p.sendEarliest) date = p.sendEarliest;
  for (; date <= input.to && found.length < limit; date = addDays(date, 1)) {
    if (dayReasons(p, date).length) continue;
    const options = dayOptions(p, date);
    if (!options.length) continue;
    for (const pick of pickDay(p, options, Math.min(perDay, limit - found.length))) {
      const slot: FoundSlot = { start: new Date(pick.start).toISOString(), end: new Date(pick.end).toISOString() };
      if (pick.venueId) slot.venueId = pick.venueId;
      if (pick.roomId) slot.roomId = pick.roomId;
      found.push(slot);
    }
  }
  return found;
}

/** Why no time fits on a date, in words; empty when the day has a time that fits. */
export function explainDay(input: SlotFinderInput, date: string): string[] {
  return explainPrepared(prepare(input), date);
}

function personReasons(p: Prepared, date: string, s: number, e: number): string[] {
  const { t } = p;
  const reasons: string[] = [];
  for (const person of p.people) {
    const away = person.away.find((a) => a.from <= date && date <= a.to);
    if (away && isAway(person, date)) reasons.push(t('{person} is away {range}', { person: person.label, range: rangeInWords(away.from, away.to, p.today) }));
    else if (person.windows && !covers(windowsOn(person.windows, date), s, e)) {
      reasons.push(
        person.isMediator
          ? t('{person} is not usually free then: they work {usual}', { person: person.label, usual: weeklyInWords(person.weekly) })
          : t('{person} has said they can only meet on {usual}', { person: person.label, usual: weeklyInWords(person.weekly) }),
      );
    } else if (overlaps(person.booked, s, e)) reasons.push(t('{person} has another meeting then', { person: person.label }));
    else if (overlaps(person.busy, s, e)) {
      reasons.push(t('{person} needs {travel} minutes to travel between in-person meetings', { person: person.label, travel: p.input.policy.travelMinutes }));
    }
  }
  return reasons;
}

function roomReasons(p: Prepared, slot: SlotToCheck, s: number, e: number): string[] {
  const { input, t } = p;
  if (!slot.roomId) {
    const free = p.venues.some((v) => !venueHoursProblem(v.venue, s, e, p.today, v.open, t) && v.rooms.some((r) => !overlaps(r.bookings, s, e)));
    return free ? [] : [t('No room at {venues} is free and open then', { venues: listInWords(input.venues.map((v) => v.name)) })];
  }
  const venue = input.venues.find((v) => v.rooms.some((r) => r.id === slot.roomId));
  const room = venue?.rooms.find((r) => r.id === slot.roomId);
  if (!venue || !room) return [t('The room chosen is not one of the venue’s rooms')];
  const where = t('{room} at {venue}', { room: room.name, venue: venue.name });
  const reasons = roomFitProblems(
    { roomName: room.name, venueName: venue.name, capacity: room.capacity, separateWaitingRoom: room.separateWaitingRoom },
    input.kind,
    p.participants,
    t,
  );
  const prepared = p.venues.find((v) => v.venue.id === venue.id);
  const closed = venueHoursProblem(venue, s, e, p.today, prepared ? prepared.open : undefined, t);
  if (closed) reasons.push(closed);
  const bookings = prepared?.rooms.find((r) => r.room.id === room.id)?.bookings;
  const booked = bookings
    ? overlaps(bookings, s, e)
    : room.bookings.some((b) => b.meetingId !== input.ignoreMeetingId && b.start.getTime() < e && s < b.end.getTime());
  if (booked) reasons.push(t('{where} is booked then', { where }));
  return reasons;
}

/** Why this time does not fit, in words (empty: it fits). The same rules as findSlots, for checking a booking. */
export function checkSlot(input: SlotFinderInput, slot: SlotToCheck): string[] {
  const p = prepare(input);
  const { t } = p;
  const reasons = [...p.blockers];
  const s = slot.start.getTime();
  const e = slot.end.getTime();
  if (!(e > s)) return [...reasons, t('The meeting must end after it starts')];
  const { date } = utcToLondon(s);
  if (s < input.now.getTime()) reasons.push(t('This time has already passed'));
  else reasons.push(...dayReasons(p, date));
  if (!covers([[londonToUtc(date, p.dayStarts), londonToUtc(date, p.dayEnds)]], s, e)) {
    reasons.push(
      t('{from} to {to} is outside the service’s hours ({dayStarts} to {dayEnds})', {
        from: londonClock(s),
        to: londonClock(e),
        dayStarts: input.policy.dayStarts,
        dayEnds: input.policy.dayEnds,
      }),
    );
  }
  reasons.push(...personReasons(p, date, s, e));
  if (p.atVenue && input.venues.length) reasons.push(...roomReasons(p, slot, s, e));
  return [...new Set(reasons)];
}
