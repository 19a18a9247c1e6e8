// Pure: the times that fit on one day. Everyone's free time is intersected person by person (stopping as soon as
// nothing long enough is left), then each possible room's free time is worked out, and the day's times picked.
import { earliestStart, hasRoomFor, type Interval, subtract } from './slot-finder.intervals.ts';
import { personFree, type Prepared, serviceHours, venueOpen } from './slot-finder.day.ts';

/** Where the meeting could be and when: one option without a venue, else one per free room. */
export type Option = { free: Interval[]; venueId?: string; roomId?: string };
export type Pick = { start: number; end: number; venueId?: string; roomId?: string };

const SPREAD_MS = 3 * 60 * 60_000;

/** The times on a date when everyone is free for the meeting, or null when there is none. */
export function everyoneFree(p: Prepared, date: string): Interval[] | null {
  let free = serviceHours(p, date);
  for (const person of p.people) {
    if (!hasRoomFor(free, p.durationMs)) return null;
    free = personFree(person, date, free);
  }
  return hasRoomFor(free, p.durationMs) ? free : null;
}

/** Each possible room that is open and free for the meeting within `free`, in order of preference. */
export function roomOptions(p: Prepared, date: string, free: readonly Interval[]): Option[] {
  const options: Option[] = [];
  for (const v of p.venues) {
    const open = venueOpen(v, date, free);
    if (!hasRoomFor(open, p.durationMs)) continue;
    for (const { room, bookings } of v.rooms) {
      const roomFree = subtract(open, bookings);
      if (hasRoomFor(roomFree, p.durationMs)) options.push({ free: roomFree, venueId: v.venue.id, roomId: room.id });
    }
  }
  return options;
}

/** The options for a date: where everyone is free, and (at a venue) a room is too. */
export function dayOptions(p: Prepared, date: string): Option[] {
  const free = everyoneFree(p, date);
  if (!free) return [];
  return p.atVenue ? roomOptions(p, date, free) : [{ free }];
}

/** The earliest start at or after `from` among the options; the first option wins a tie. */
function earliest(p: Prepared, options: readonly Option[], from: number): Pick | null {
  let best: Pick | null = null;
  for (const o of options) {
    const t = earliestStart(o.free, from, p.durationMs, p.stepMs);
    if (t !== null && (!best || t < best.start)) best = { start: t, end: t + p.durationMs, venueId: o.venueId, roomId: o.roomId };
  }
  return best;
}

/**
 * Up to `count` times on one day: the earliest, then one at least three hours later when the day allows (else the
 * next that does not overlap), so the choices on a day differ.
 */
export function pickDay(p: Prepared, options: readonly Option[], count: number): Pick[] {
  const picks: Pick[] = [];
  let last = earliest(p, options, Number.NEGATIVE_INFINITY);
  while (last && picks.length < count) {
    picks.push(last);
    const after: number = last.start;
    last = earliest(p, options, after + Math.max(p.durationMs, SPREAD_MS)) ?? earliest(p, options, after + p.durationMs);
  }
  return picks;
}
