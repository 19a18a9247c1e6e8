// The find-a-time page's view model: the search form (GOV.UK date inputs, no JavaScript), the times found with
// their "Book this time" links, and the days without a time with their "Why?" links. Picked field by field.
import { type DateAnswer, dateOf, dateParts, type FormBody, isTicked, listOf, textOf } from '#src/http/page-form.ts';
import { PARTY_ROLE_LABELS, type PartyRole } from '#src/domain/case-words.ts';
import { msg, type Translate, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { MEETING_KIND_LABELS, MEETING_KINDS, MEETING_MODE_LABELS, MEETING_MODES, MEETING_PLACE_LABELS, MEETING_PLACES } from '#src/domain/meeting-words.ts';
import { addDays, isoWeekday, londonClock, utcToLondon } from './slot-finder.time.ts';
import { dayInWords } from './slot-finder.words.ts';
import type { SlotService } from './slots.service.ts';
import { DEFAULT_SEARCH_DAYS, type SlotQueryInput } from './slots.schemas.ts';
type Choices = Awaited<ReturnType<SlotService['choices']>>;
type Search = Awaited<ReturnType<SlotService['suggest']>>;

/** The page's field ids for the API's field names. */
const FIELD_IDS: Record<string, string> = { from: 'from-day', to: 'to-day' };
const ORDER = ['kind', 'mode', 'place', 'venueId', 'durationMinutes', 'from-day', 'to-day', 'partyIds', 'shortNoticeAgreed'];

export const pageFields = (fields: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(fields).map(([k, v]) => [FIELD_IDS[k] ?? k, v]));

export function errorList(fields: FieldErrors) {
  const keys = [...ORDER.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !ORDER.includes(k))];
  return keys.map((k) => ({ text: fields[k]!, href: `#${k === '_' || k === 'date' ? 'durationMinutes' : k}` }));
}

/** True when the form was sent (it always carries durationMinutes). */
export const isSearch = (query: FormBody) => 'durationMinutes' in query;

/** The search as typed: what to ask the service, and the date inputs' own problems. */
export function readSearch(query: FormBody, t: Translate = translator()): { raw: SlotQueryInput; problems: FieldErrors; explain?: string } {
  const from: DateAnswer = dateOf(query, 'from', msg('The first date'), { t });
  const to: DateAnswer = dateOf(query, 'to', msg('The last date'), { t });
  const problems: FieldErrors = {};
  if (from.error) problems['from-day'] = from.error;
  if (to.error) problems['to-day'] = to.error;
  const explain = textOf(query, 'explain');
  return {
    raw: {
      durationMinutes: textOf(query, 'durationMinutes'),
      from: from.value,
      to: to.value,
      kind: textOf(query, 'kind'),
      mode: textOf(query, 'mode'),
      place: textOf(query, 'place'),
      venueId: textOf(query, 'venueId'),
      partyIds: listOf(query, 'partyIds'),
      shortNoticeAgreed: isTicked(query, 'shortNoticeAgreed') ? 'true' : '',
    },
    problems,
    explain: /^\d{4}-\d{2}-\d{2}$/.test(explain) ? explain : undefined,
  };
}

/** The form's values: as typed, or the defaults (a 60-minute joint meeting at a venue in the next four weeks). */
export function formValues(query: FormBody, choices: Choices): Record<string, string> {
  if (isSearch(query)) {
    const keep = ['durationMinutes', 'kind', 'mode', 'place', 'venueId', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'];
    return Object.fromEntries(keep.map((k) => [k, textOf(query, k)]));
  }
  const from = dateParts(choices.today);
  const to = dateParts(addDays(choices.today, DEFAULT_SEARCH_DAYS - 1));
  return {
    durationMinutes: '60',
    kind: 'joint',
    mode: 'in_person',
    place: 'venue',
    venueId: '',
    ...{ 'from-day': from.day, 'from-month': from.month, 'from-year': from.year },
    ...{ 'to-day': to.day, 'to-month': to.month, 'to-year': to.year },
  };
}

/** The query string of a search, for the links that repeat it. */
function searchQuery(s: Search): URLSearchParams {
  const q = s.query;
  const from = dateParts(q.from);
  const to = dateParts(q.to);
  const params = new URLSearchParams({
    kind: q.kind,
    mode: q.mode,
    place: q.place ?? '',
    venueId: q.venueId ?? '',
    durationMinutes: String(q.durationMinutes),
  });
  for (const [k, v] of Object.entries({
    'from-day': from.day,
    'from-month': from.month,
    'from-year': from.year,
    'to-day': to.day,
    'to-month': to.month,
    'to-year': to.year,
  }))
    params.set(k, v);
  for (const id of q.partyIds ?? []) params.append('partyIds', id);
  if (q.shortNoticeAgreed) params.set('shortNoticeAgreed', 'yes');
  return params;
}

function bookLink(s: Search, slot: Search['slots'][number]): string {
  const q = s.query;
  const params = new URLSearchParams({ start: slot.start, durationMinutes: String(q.durationMinutes), mode: q.mode, kind: q.kind });
  if (q.place) params.set('place', q.place);
  if (slot.venueId) params.set('venueId', slot.venueId);
  if (slot.roomId) params.set('roomId', slot.roomId);
  if (q.partyIds?.length) params.set('partyIds', q.partyIds.join(','));
  if (q.shortNoticeAgreed) params.set('shortNoticeAgreed', 'yes');
  return `/cases/${s.case.id}/meetings/new?${params.toString()}`;
}

/** The times found, the days without one (with "Why?" links) and, when asked, one day's reasons. */
export function resultsModel(t: Translate, s: Search, today: string) {
  const repeat = searchQuery(s).toString();
  const base = `/cases/${s.case.id}/meetings/find-a-time`;
  const where = (slot: Search['slots'][number]) => {
    const venue = s.venues.find((v) => v.id === slot.venueId);
    const room = venue?.rooms.find((r) => r.id === slot.roomId);
    if (venue && room) return `${room.name}, ${venue.name}`;
    return s.query.place ? t(MEETING_PLACE_LABELS[s.query.place]) : t(MEETING_MODE_LABELS[s.query.mode]);
  };
  const skipWeekends = !s.weekends;
  return {
    slots: s.slots.map((slot) => {
      const day = dayInWords(utcToLondon(Date.parse(slot.start)).date, today);
      const time = `${londonClock(Date.parse(slot.start))} to ${londonClock(Date.parse(slot.end))}`;
      return { day, time, where: where(slot), href: bookLink(s, slot), hidden: t('on {day} at {time}', { day, time: londonClock(Date.parse(slot.start)) }) };
    }),
    reasons: s.reasons,
    weekendsSkipped: skipWeekends && s.datesWithout.some((d) => isoWeekday(d) >= 6),
    datesWithout: s.datesWithout
      .filter((d) => !(skipWeekends && isoWeekday(d) >= 6))
      .map((d) => ({ date: d, text: t('Why is there no time on {day}?', { day: dayInWords(d, today) }), href: `${base}?${repeat}&explain=${d}#why` })),
    explained: s.explained
      ? { heading: t('Why there is no time on {day}', { day: dayInWords(s.explained.date, today) }), reasons: s.explained.reasons }
      : undefined,
  };
}

/** The form's choices, with what was chosen ticked. */
export function formModel(t: Translate, choices: Choices, values: Record<string, string>, query: FormBody) {
  const searched = isSearch(query);
  const ticked = searched ? listOf(query, 'partyIds') : choices.parties.filter((p) => !p.consentWithdrawn).map((p) => p.id);
  const options = <K extends string>(labels: Record<K, string>, keys: readonly K[], selected: string) =>
    keys.map((value) => ({ value, text: t(labels[value]), checked: value === selected, selected: value === selected }));
  return {
    kindItems: options(MEETING_KIND_LABELS, MEETING_KINDS, values.kind ?? ''),
    modeItems: options(MEETING_MODE_LABELS, MEETING_MODES, values.mode ?? ''),
    placeItems: options(MEETING_PLACE_LABELS, MEETING_PLACES, values.place ?? ''),
    venueItems: [{ value: '', text: t('Any venue') }, ...choices.venues.map((v) => ({ value: v.id, text: v.name, selected: v.id === values.venueId }))],
    partyItems: choices.parties.map((p) => ({
      value: p.id,
      text: p.name,
      checked: !p.consentWithdrawn && ticked.includes(p.id),
      disabled: p.consentWithdrawn,
      hint: { text: p.consentWithdrawn ? t('Withdrew consent, so cannot be booked into a meeting') : t(PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role) },
    })),
    shortNoticeItems: [
      { value: 'yes', text: t('The parent or young person agreed to less than the usual notice'), checked: searched && isTicked(query, 'shortNoticeAgreed') },
    ],
    isSend: choices.case.isSend,
    noMediators: choices.mediators.length === 0,
    values,
  };
}
