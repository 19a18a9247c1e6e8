// View models for the calendar pages: the week as a list per day, the month as a table of weeks, the links to the
// previous, next and current week or month (keeping the filters), and the filter form's choices.
import { msg, translator } from '#src/i18n/i18n.ts';
import { addDays } from '#src/domain/availability.ts';
import { dayInWords, monthInWords, monthWeeks, londonDateOf, nextMonthStart, previousMonthStart } from './calendar-dates.ts';
import type { CalendarQuery } from './calendar.schemas.ts';
import type { CalendarEntry } from './calendar.service.ts';
import { clockTime } from '#src/domain/meeting-times.ts';
import { kindInWords, namesInWords } from '../meeting-text.ts';
import { MEETING_STATUS_LABELS, type MeetingStatus } from '#src/domain/meeting-words.ts';

const t = translator('en');

export type CalendarView = {
  view: 'week' | 'month';
  today: string;
  date: string;
  range: { first: string; next: string };
  meetings: CalendarEntry[];
  venues: { id: string; name: string; archived: boolean }[];
  volunteers?: { id: string; name: string }[];
};

const STATUS_CLASS: Record<string, string> = { cancelled: 'moj-badge--red', held: 'moj-badge--green', no_show: 'moj-badge--grey' };

/** Where, for a calendar: never a party's name, address or phone number, nor a video link. */
export function calendarPlace(m: Pick<CalendarEntry, 'mode' | 'place' | 'venueName' | 'roomName'>): string {
  if (m.mode === 'online') return t('Online (video call)');
  if (m.mode === 'phone') return t('By phone');
  if (m.place === 'venue') return m.venueName ? `${m.venueName}${m.roomName ? ` (${m.roomName})` : ''}` : t('A venue');
  if (m.place === 'home') return t('Home visit');
  if (m.place === 'prison') return t('Prison visit');
  if (m.place === 'office') return t('The service’s office');
  return t('In person');
}

function entryRow(m: CalendarEntry) {
  const status = m.status === 'booked' ? undefined : t(MEETING_STATUS_LABELS[m.status as MeetingStatus] ?? m.status);
  return {
    time: t('{start} to {end}', { start: clockTime(m.startsAt), end: clockTime(m.endsAt) }),
    start: clockTime(m.startsAt),
    // i18n-dynamic: kindLabel is one of APPOINTMENT_KIND_LABELS' msg() literals
    kind: m.kindLabel ? t(m.kindLabel) : t(kindInWords(m.kind)),
    caseReference: m.caseReference,
    href: m.href ?? `/cases/${m.caseId}/meetings/${m.id}`,
    where: calendarPlace(m),
    mediators: namesInWords(m.mediators) || t('No mediators invited'),
    status,
    statusClass: STATUS_CLASS[m.status] ?? '',
    cancelled: m.status === 'cancelled',
  };
}

/** The address of a calendar page with these choices (empty ones left out). */
export function calendarHref(base: string, q: Partial<CalendarQuery> & { view: 'week' | 'month' }, date: string): string {
  const params = new URLSearchParams({ view: q.view, date });
  if (q.volunteerId) params.set('volunteerId', q.volunteerId);
  if (q.venueId) params.set('venueId', q.venueId);
  if (q.cancelled) params.set('cancelled', 'show');
  return `${base}?${params}`;
}

/** Everything the calendar template shows, for the service's calendar (base /calendar) or a volunteer's own. */
export function calendarModel(cal: CalendarView, q: CalendarQuery, base: string) {
  const byDay = new Map<string, ReturnType<typeof entryRow>[]>();
  for (const m of cal.meetings) {
    const day = londonDateOf(m.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), entryRow(m)]);
  }
  const isWeek = cal.view === 'week';
  const previous = isWeek ? addDays(cal.range.first, -7) : previousMonthStart(cal.date);
  const next = isWeek ? cal.range.next : nextMonthStart(cal.date);
  const here = { ...q, view: cal.view };
  const days = Array.from({ length: 7 }, (_, i) => addDays(cal.range.first, i)).map((date) => ({
    date,
    heading: dayInWords(date),
    isToday: date === cal.today,
    entries: byDay.get(date) ?? [],
  }));
  const cell = (date: string | null) =>
    date ? { date, day: Number(date.slice(8)), label: dayInWords(date), isToday: date === cal.today, entries: byDay.get(date) ?? [] } : null;
  return {
    isWeek,
    heading: isWeek ? t('Week of {day}', { day: dayInWords(cal.range.first) }) : monthInWords(cal.date),
    count: cal.meetings.length,
    links: {
      previous: { href: calendarHref(base, here, previous), text: isWeek ? t('Previous week') : t('Previous month') },
      next: { href: calendarHref(base, here, next), text: isWeek ? t('Next week') : t('Next month') },
      today: { href: calendarHref(base, here, cal.today), text: isWeek ? t('This week') : t('This month') },
      week: { href: calendarHref(base, { ...here, view: 'week' }, cal.date), current: isWeek },
      month: { href: calendarHref(base, { ...here, view: 'month' }, cal.date), current: !isWeek },
      clear: `${base}?view=${cal.view}&date=${cal.date}`,
    },
    days: isWeek ? days : [],
    weeks: isWeek ? [] : monthWeeks(cal.date).map((week) => week.map(cell)),
    weekdays: [msg('Monday'), msg('Tuesday'), msg('Wednesday'), msg('Thursday'), msg('Friday'), msg('Saturday'), msg('Sunday')].map((d) => t(d)),
    filters: {
      view: cal.view,
      date: cal.date,
      cancelled: Boolean(q.cancelled),
      volunteerItems: cal.volunteers
        ? [{ value: '', text: t('All volunteers') }, ...cal.volunteers.map((v) => ({ value: v.id, text: v.name, selected: v.id === q.volunteerId }))]
        : undefined,
      venueItems: [
        { value: '', text: t('All places') },
        ...cal.venues.map((v) => ({ value: v.id, text: v.archived ? t('{name} (archived)', { name: v.name }) : v.name, selected: v.id === q.venueId })),
      ],
      isFiltered: Boolean(q.volunteerId || q.venueId || q.cancelled),
    },
  };
}
