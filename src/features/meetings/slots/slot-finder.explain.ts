// Pure: why a day has no time that fits, in words, for the "Why is there no time on …?" link. The rules are the
// finder's (slot-finder.day.ts); this file only works out which of them ruled the day out, most specific first:
// the day itself, then each person alone, then each venue alone, then everyone together.
import { listIn } from '#src/i18n/i18n.ts';
import { dayReasons, isAway, type Person, type Prepared, personFree, serviceHours, type Venue, venueOpen, weekdayPlural } from './slot-finder.day.ts';
import { venueClosedOn, venueNotOpenOn, windowsOn } from './service-rules.ts';
import { hasRoomFor, type Interval, intersect, subtract } from './slot-finder.intervals.ts';
import { dayOptions, everyoneFree, pickDay } from './slot-finder.pick.ts';
import { londonToUtc } from './slot-finder.time.ts';
import { dayInWords, rangeInWords, timesInWords, weeklyInWords } from './slot-finder.words.ts';

function personReason(p: Prepared, person: Person, date: string, base: readonly Interval[]): string | null {
  const { policy } = p.input;
  const { t } = p;
  const length = p.durationMs;
  const hours = t('the service’s hours ({from} to {to})', { from: policy.dayStarts, to: policy.dayEnds });
  const away = person.away.find((a) => a.from <= date && date <= a.to);
  if (away && isAway(person, date)) return t('{person} is away {range}', { person: person.label, range: rangeInWords(away.from, away.to, p.today) });
  let usual = base as Interval[];
  if (person.windows) {
    const windows = windowsOn(person.windows, date);
    if (!windows.length) {
      return person.isMediator
        ? t('{person} does not usually work on {weekdays}: they work {usual}', {
            person: person.label,
            weekdays: weekdayPlural(date),
            usual: weeklyInWords(person.weekly),
          })
        : t('{person} has said they can only meet on {usual}', { person: person.label, usual: weeklyInWords(person.weekly) });
    }
    usual = intersect(base, windows);
    if (!hasRoomFor(usual, length)) {
      const fullDay: Interval[] = [[londonToUtc(date, p.dayStarts), londonToUtc(date, p.dayEnds)]];
      if (hasRoomFor(intersect(fullDay, windows), length)) return t('{person}’s usual times today have already passed', { person: person.label });
      const inHours = intersect(fullDay, windows);
      return inHours.length
        ? t('{person} is free on {weekdays} only {times} within {hours}, too short for a {minutes}-minute meeting', {
            person: person.label,
            weekdays: weekdayPlural(date),
            times: timesInWords(inHours),
            hours,
            minutes: p.input.durationMinutes,
          })
        : t('{person} is free on {weekdays} only {times}, outside {hours}', {
            person: person.label,
            weekdays: weekdayPlural(date),
            times: timesInWords(windows),
            hours,
          });
    }
  }
  if (hasRoomFor(subtract(usual, person.busy), length)) return null;
  if (hasRoomFor(subtract(usual, person.booked), length)) {
    return t('{person}’s other in-person meetings leave no {minutes}-minute time once {travel} minutes’ travel is allowed around them', {
      person: person.label,
      minutes: p.input.durationMinutes,
      travel: policy.travelMinutes,
    });
  }
  return t('{person} is already booked at the times they are free ({times})', { person: person.label, times: timesInWords(intersect(usual, person.booked)) });
}

function venueReason(p: Prepared, v: Venue, date: string, base: readonly Interval[]): string | null {
  const name = v.venue.name;
  const { t } = p;
  if (v.closed.has(date)) return venueClosedOn(name, date, p.today, t);
  if (v.open && !windowsOn(v.open, date).length) return venueNotOpenOn(name, date, t);
  const open = venueOpen(v, date, base);
  if (!hasRoomFor(open, p.durationMs))
    return t('{venue} is not open long enough for a {minutes}-minute meeting within the service’s hours', { venue: name, minutes: p.input.durationMinutes });
  if (!v.rooms.some((r) => hasRoomFor(subtract(open, r.bookings), p.durationMs))) return t('No room at {venue} is free and open', { venue: name });
  return null;
}

function togetherReason(p: Prepared, date: string, base: readonly Interval[]): string | null {
  const minutes = p.input.durationMinutes;
  const { t } = p;
  const free = everyoneFree(p, date);
  if (!free) {
    const each = p.people.map((person) => t('{person} is free {times}', { person: person.label, times: timesInWords(personFree(person, date, base)) }));
    return t('No {minutes}-minute time suits everyone: {each}', { minutes, each: each.join('; ') });
  }
  if (p.atVenue && !dayOptions(p, date).length) {
    return t('No room at {venues} is free and open when everyone is ({times})', {
      venues: (_t, locale) =>
        listIn(
          locale,
          p.venues.map((v) => v.venue.name),
          'disjunction',
          ' or ',
        ),
      times: timesInWords(free),
    });
  }
  return null;
}

function notes(p: Prepared): string[] {
  return p.people
    .filter((person) => !person.windows)
    .map((person) =>
      person.isMediator
        ? p.t('{person} has no usual working times recorded, so any time in the service’s hours was assumed', { person: person.label })
        : p.t('{person}’s times were not recorded at intake, so any time in the service’s hours was assumed', { person: person.label }),
    );
}

/** Why no time fits on a date, most specific first; empty when a time fits. */
export function explainPrepared(p: Prepared, date: string): string[] {
  const { input, t } = p;
  const reasons = [...p.blockers];
  if (date < input.from || date > input.to) {
    reasons.push(t('{day} is outside the dates searched ({range})', { day: dayInWords(date, p.today), range: rangeInWords(input.from, input.to, p.today) }));
  }
  reasons.push(...dayReasons(p, date));
  if (reasons.length) return reasons;
  const base = serviceHours(p, date);
  if (!base.length) return [t('It is too late to meet today: the service’s meetings end at {time}', { time: input.policy.dayEnds })];
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
    else if (!pickDay(p, dayOptions(p, date), 1).length) reasons.push(t('No time starting on the {step}-minute step fits', { step: input.policy.stepMinutes }));
  }
  return reasons.length ? [...reasons, ...notes(p)] : [];
}
