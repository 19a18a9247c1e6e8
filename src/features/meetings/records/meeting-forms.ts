// Reading the meeting forms (booking, moving) into the shapes the service's schemas take, and filling the booking
// form: from what was typed, or from the query a "Find a time" result or a further-meeting request links with.
// Dates and times are typed in London time.
import { PARTY_ROLE_LABELS, type PartyRole } from '#src/domain/case-words.ts';
import { dateOf, dateParts, type FormBody, isTicked, listOf, optionalText, textOf } from '#src/http/page-form.ts';
import { attempt as attemptForm } from '#src/http/forms.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { isUuid } from '#src/lib/ids.ts';
import { londonParts, londonTime } from '#src/domain/meeting-times.ts';
import { MEETING_KIND_LABELS, MEETING_KINDS, MEETING_MODE_LABELS, MEETING_MODES, MEETING_PLACE_LABELS, MEETING_PLACES } from '#src/domain/meeting-words.ts';
import type { MeetingService } from './meetings.service.ts';
import { readTime } from '../venues/venues-hours.ts';

const t = translator('en');

export const BOOKING_ORDER = [
  'kind',
  'mode',
  'place',
  'roomId',
  'homePartyId',
  'locationText',
  'date',
  'startTime',
  'durationMinutes',
  'volunteerIds',
  'partyIds',
  'otherName',
  'otherEmail',
  'videoLink',
  'shortNoticeAgreed',
  'notes',
  'requestId',
];

/** The start as typed (date input + "HH:MM", London time) as an ISO instant, and the problems reading it. */
export function readStart(body: FormBody): { start?: string; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const date = dateOf(body, 'date', msg('Date'), { required: true });
  if (date.error) problems.date = date.error;
  const typed = textOf(body, 'startTime');
  const time = typed.trim() ? readTime(typed, 'The start time') : { error: 'Enter the start time, like 10:00' };
  if (time.error) problems.startTime = time.error;
  const start = date.value && time.value ? londonTime(date.value, time.value).toISOString() : undefined;
  return { start, problems };
}

/** Minutes as typed: the number, or the problem in words (blank is left to the schema: "Enter how long…"). */
export function readMinutes(body: FormBody, problems: FieldErrors, key = 'durationMinutes'): number | undefined {
  const typed = textOf(body, key)
    .trim()
    .replace(/\s*(minutes?|mins?)$/i, '');
  if (!typed) return undefined;
  if (/^\d{1,4}$/.test(typed)) return Number(typed);
  problems[key] = 'Enter the length in whole minutes, like 90';
  return undefined;
}

/** The booking form as the input for ZBookMeeting, with the problems found reading the date and time. */
export function readBookingForm(body: FormBody) {
  const { start, problems } = readStart(body);
  const otherName = optionalText(body, 'otherName');
  const otherEmail = optionalText(body, 'otherEmail');
  if (otherEmail && !otherName) problems.otherName = 'Enter the other person’s name';
  const input = {
    kind: optionalText(body, 'kind'),
    mode: optionalText(body, 'mode'),
    place: optionalText(body, 'place'),
    roomId: optionalText(body, 'roomId'),
    homePartyId: optionalText(body, 'homePartyId'),
    locationText: optionalText(body, 'locationText'),
    start,
    durationMinutes: readMinutes(body, problems),
    volunteerIds: listOf(body, 'volunteerIds'),
    partyIds: listOf(body, 'partyIds'),
    others: otherName ? [{ name: otherName, ...(otherEmail ? { email: otherEmail.trim() } : {}) }] : [],
    videoLink: optionalText(body, 'videoLink'),
    shortNoticeAgreed: isTicked(body, 'shortNoticeAgreed'),
    notes: optionalText(body, 'notes'),
    requestId: optionalText(body, 'requestId'),
  };
  return { input, problems };
}

/** Schema and service field names as the form's: the start is the date, the other person's fields are flat. */
export function formFields(fields: FieldErrors): FieldErrors {
  const rename: Record<string, string> = { start: 'date', 'others.0.name': 'otherName', 'others.0.email': 'otherEmail', requestId: '_' };
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    const key = rename[k] ?? k.replace(/\.\d+$/, '');
    out[key] = out[key] && out[key] !== v ? `${out[key]}. ${v}` : v;
  }
  return out;
}

/** Error summary items in the form's order, each pointing at its field. */
export function errorItems(fields: FieldErrors, order: readonly string[] = BOOKING_ORDER) {
  const keys = [...order.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !order.includes(k))];
  return keys.map((k) => (k === '_' ? { text: fields[k]! } : { text: fields[k]!, href: k === 'date' ? '#date-day' : `#${k}` }));
}

/** The form's values from a link's query: start (ISO), durationMinutes, mode, place, kind, venueId, roomId, partyIds, requestId. */
export function valuesFromQuery(query: Record<string, unknown>): Record<string, string> {
  const q = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : '');
  const values: Record<string, string> = {};
  const start = Date.parse(q('start'));
  if (q('start') && !Number.isNaN(start)) {
    const at = londonParts(new Date(start));
    const parts = dateParts(at.date);
    Object.assign(values, { 'date-day': parts.day, 'date-month': parts.month, 'date-year': parts.year, startTime: at.time });
  }
  if (/^\d{1,4}$/.test(q('durationMinutes'))) values.durationMinutes = q('durationMinutes');
  for (const k of ['mode', 'place', 'kind']) if (q(k)) values[k] = q(k);
  for (const k of ['roomId', 'requestId', 'venueId']) if (isUuid(q(k))) values[k] = q(k);
  if (values.roomId && !values.place) values.place = 'venue';
  const partyIds = listOf(query as FormBody, 'partyIds')
    .flatMap((v) => v.split(','))
    .filter(isUuid);
  if (partyIds.length) values.partyIds = partyIds.join(',');
  return values;
}

type BookingChoices = Awaited<ReturnType<MeetingService['bookingForm']>>;

const options = <K extends string>(labels: Record<K, string>, values: readonly K[], selected: string | undefined) =>
  values.map((value) => ({ value, text: t(labels[value]), checked: value === selected, selected: value === selected }));

/** Everything the booking form shows, filled from values (typed, or from the link). */
export function bookingFormModel(choices: BookingChoices, values: Record<string, string>, ticked: { volunteerIds: string[]; partyIds: string[] }) {
  const room = values.roomId;
  return {
    kindItems: [{ value: '', text: t('Choose the kind of meeting') }, ...options(MEETING_KIND_LABELS, MEETING_KINDS, values.kind)],
    modeItems: options(MEETING_MODE_LABELS, MEETING_MODES, values.mode),
    placeItems: options(MEETING_PLACE_LABELS, MEETING_PLACES, values.place),
    roomItems: [
      { value: '', text: choices.rooms.length ? t('Choose a room') : t('No venues have been added yet') },
      ...choices.rooms
        .filter((r) => !values.venueId || r.venueId === values.venueId || r.id === room)
        .map((r) => ({
          value: r.id,
          text: `${r.venueName}: ${r.name} (${t('up to {n} people', { n: r.capacity })}${r.separateWaitingRoom ? `, ${t('separate waiting room')}` : ''})`,
          selected: r.id === room,
        })),
    ],
    homePartyItems: [
      { value: '', text: t('Choose whose home') },
      ...choices.parties.map((p) => ({ value: p.id, text: p.name, selected: p.id === values.homePartyId })),
    ],
    volunteerItems: choices.mediators.map((m) => ({
      value: m.volunteerId,
      text: `${m.name} (${m.role === 'lead' ? t('lead mediator') : t('co-mediator')})`,
      checked: ticked.volunteerIds.includes(m.volunteerId),
      hint: m.email ? undefined : { text: t('No email address: a letter will be ready to print in the outbox') },
    })),
    partyItems: choices.parties.map((p) => ({
      value: p.id,
      text: `${p.name} (${t(PARTY_ROLE_LABELS[p.role as PartyRole] ?? p.role)})`,
      checked: ticked.partyIds.includes(p.id),
      hint:
        p.consent === 'withdrawn'
          ? { text: t('Has withdrawn consent: cannot be invited') }
          : p.hasEmail
            ? undefined
            : p.canSendLetters === false
              ? { text: t('No email address, and their safe-contact instructions say no letters: tell them another way') }
              : p.hasAddress
                ? { text: t('No email address: a letter will be ready to print in the outbox') }
                : { text: t('No email or postal address: the letter will wait in the outbox until you add their address on the People tab') },
    })),
    isSend: choices.case.caseKind === 'send',
    sendNoticeWorkingDays: choices.sendNoticeWorkingDays,
    hasVideoTemplate: choices.hasVideoTemplate,
    values,
  };
}

/** Runs a form's service call, its refusals named as the meeting forms name their fields. */
export const attempt = <T>(reply: { status(code: number): unknown }, work: () => Promise<T>) => attemptForm(reply, work, formFields);
