// Pure: why a day has no time that fits, in words, for the "Why is there no time on …?" link. The rules are the
// finder's (slot-finder.day.ts); this file only works out which of them ruled the day out, most specific first:
// the day itself, then each person alone, then each venue alone, then everyone together.
import { dayReasons, isAway, type Person, type Prepared, personFree, serviceHours, type Venue, venueOpen, weekdayPlural } from './slot-finder.day.ts';
import { venueClosedOn, venueNotOpenOn, windowsOn } from './service-rules.ts';
import { hasRoomFor, type Interval, intersect, subtract } from './slot-finder.intervals.ts';
import { dayOptions, everyoneFree, pickDay } from './slot-finder.pick.ts';
import { londonToUtc } from './slot-finder.time.ts';
import { dayInWords, rangeInWords, timesInWords, weeklyInWords } from './slot-finder.words.ts';

function personReason(p: Prepared, person: Person, date: string, base: readonly Interval[]): string | null {
  const { policy } = p.input;
  const length = p.durationMs;
  const hours = `the service’s hours (${policy.dayStarts} to ${policy.dayEnds})`;
  const away = person.away.find((a) => a.from <= date && date <= a.to);
  if (away && isAway(person, date)) return `${person.label} is away ${rangeInWords(away.from, away.to, p.today)}`;
  let usual = base as Interval[];
  if (person.windows) {
    const windows = windowsOn(person.windows, date);
    if (!windows.length) {
      return person.isMediator
        ? `${person.label} does not usually work on ${weekdayPlural(date)}: they work ${weeklyInWords(person.weekly)}`
        : `${person.label} has said they can only meet on ${weeklyInWords(person.weekly)}`;
    }
    usual = intersect(base, windows);
    if (!hasRoomFor(usual, length)) {
      const fullDay: Interval[] = [[londonToUtc(date, p.dayStarts), londonToUtc(date, p.dayEnds)]];
      if (hasRoomFor(intersect(fullDay, windows), length)) return `${person.label}’s usual times today have already passed`;
      const inHours = intersect(fullDay, windows);
      return inHours.length
        ? `${person.label} is free on ${weekdayPlural(date)} only ${timesInWords(inHours)} within ${hours}, too short for a ${p.input.durationMinutes}-minute meeting`
        : `${person.label} is free on ${weekdayPlural(date)} only ${timesInWords(windows)}, outside ${hours}`;
    }
  }
  if (hasRoomFor(subtract(usual, person.busy), length)) return null;
  if (hasRoomFor(subtract(usual, person.booked), length)) {
    return `${person.label}’s other in-person meetings leave no ${p.input.durationMinutes}-minute time once ${policy.travelMinutes} minutes’ travel is allowed around them`;
  }
  return `${person.label} is already booked at the times they are free (${timesInWords(intersect(usual, person.booked))})`;
}

function venueReason(p: Prepared, v: Venue, date: string, base: readonly Interval[]): string | null {
  const name = v.venue.name;
  if (v.closed.has(date)) return venueClosedOn(name, date, p.today);
  if (v.open && !windowsOn(v.open, date).length) return venueNotOpenOn(name, date);
  const open = venueOpen(v, date, base);
  if (!hasRoomFor(open, p.durationMs)) return `${name} is not open long enough for a ${p.input.durationMinutes}-minute meeting within the service’s hours`;
  if (!v.rooms.some((r) => hasRoomFor(subtract(open, r.bookings), p.durationMs))) return `No room at ${name} is free and open`;
  return null;
}

function togetherReason(p: Prepared, date: string, base: readonly Interval[]): string | null {
  const minutes = p.input.durationMinutes;
  const free = everyoneFree(p, date);
  if (!free) {
    const each = p.people.map((person) => `${person.label} is free ${timesInWords(personFree(person, date, base))}`);
    return `No ${minutes}-minute time suits everyone: ${each.join('; ')}`;
  }
  if (p.atVenue && !dayOptions(p, date).length) {
    return `No room at ${p.venues.map((v) => v.venue.name).join(' or ')} is free and open when everyone is (${timesInWords(free)})`;
  }
  return null;
}

function notes(p: Prepared): string[] {
  return p.people
    .filter((person) => !person.windows)
    .map((person) =>
      person.isMediator
        ? `${person.label} has no usual working times recorded, so any time in the service’s hours was assumed`
        : `${person.label}’s times were not recorded at intake, so any time in the service’s hours was assumed`,
    );
}

/** Why no time fits on a date, most specific first; empty when a time fits. */
export function explainPrepared(p: Prepared, date: string): string[] {
  const { input } = p;
  const reasons = [...p.blockers];
  if (date < input.from || date > input.to) {
    reasons.push(`${dayInWords(date, p.today)} is outside the dates searched (${rangeInWords(input.from, input.to, p.today)})`);
  }
  reasons.push(...dayReasons(p, date));
  if (reasons.length) return reasons;
  const base = serviceHours(p, date);
  if (!base.length) return [`It is too late to meet today: the service’s meetings end at ${input.policy.dayEnds}`];
  for (const person of p.people) {
    const reason = personReason(p, person, date, base);
    if (reason) reasons.push(reason);
  }
  if (!reasons.length && p.atVenue) {
    const venueWords = p.venues.map((v) => venueReason(p, v, date, base));
    if (venueWords.every((w) => w !== null)) reasons.push(...(venueWords as string[]));
  }
  if (!reasons.length) {
    const together = togetherReason(p, date, base);
    if (together) reasons.push(together);
    else if (!pickDay(p, dayOptions(p, date), 1).length) reasons.push(`No time starting on the ${input.policy.stepMinutes}-minute step fits`);
  }
  return reasons.length ? [...reasons, ...notes(p)] : [];
}
