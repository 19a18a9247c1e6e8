// View models for the venue pages, and reading the venue and room forms into the schemas' shapes. Fields are
// picked one by one; templates only display.
import { asBody, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { WEEKDAYS } from '#src/domain/availability.ts';
import { translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import type { RoomRow, VenueRow, VenueWithRooms } from './venues.repo.ts';
import { dayInWords } from '../calendar/calendar-dates.ts';
import { hoursField, openingHoursFormValues, openingHoursInWords, readClosedDates, readOpeningHoursForm } from './venues-hours.ts';

const t = translator('en');

export const VENUE_FORM_ORDER = [
  'name',
  'address',
  'postcode',
  'accessNotes',
  ...WEEKDAYS.flatMap(({ day }) => [hoursField(day, 'from'), hoursField(day, 'to')]),
  'closedDates',
];
export const ROOM_FORM_ORDER = ['name', 'capacity', 'accessNotes', 'separateWaitingRoom'];

/** Error summary items in the form's order; a problem with the hours as a whole links to Monday. */
export function formErrors(fields: FieldErrors, order: string[]) {
  const keys = [...order.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !order.includes(k))];
  const href = (k: string) => (k === 'openingHours' || k.startsWith('openingHours.') ? `#${hoursField(1, 'from')}` : k === '_' ? `#${order[0]}` : `#${k}`);
  return keys.map((k) => ({ text: fields[k]!, href: href(k) }));
}

/** The venue form as typed: the input for ZVenueInput and the problems found reading the hours and dates. */
export function readVenueForm(raw: unknown) {
  const body: FormBody = asBody(raw);
  const hours = readOpeningHoursForm((field) => textOf(body, field));
  const closed = readClosedDates(textOf(body, 'closedDates'));
  const problems: FieldErrors = { ...hours.problems, ...(closed.error ? { closedDates: closed.error } : {}) };
  return {
    input: {
      name: textOf(body, 'name'),
      address: textOf(body, 'address'),
      postcode: textOf(body, 'postcode'),
      accessNotes: optionalText(body, 'accessNotes') ?? null,
      openingHours: hours.windows,
      closedDates: closed.dates,
    },
    problems,
  };
}

/** The room form as typed: capacity as a number (NaN when not one), the waiting room as a yes/no. */
export function readRoomForm(raw: unknown) {
  const body: FormBody = asBody(raw);
  const capacity = textOf(body, 'capacity').trim();
  const waiting = textOf(body, 'separateWaitingRoom');
  return {
    name: textOf(body, 'name'),
    capacity: capacity === '' ? undefined : /^\d{1,6}$/.test(capacity) ? Number(capacity) : Number.NaN,
    accessNotes: optionalText(body, 'accessNotes') ?? null,
    separateWaitingRoom: waiting === 'yes' ? true : waiting === 'no' ? false : undefined,
  };
}

/** The venue form's fields filled from the stored venue. */
export function venueFormValues(v: VenueRow): { values: Record<string, string>; unfitDays: string[] } {
  const hours = openingHoursFormValues(v.openingHours);
  return {
    values: {
      name: v.name,
      address: v.address ?? '',
      postcode: v.postcode ?? '',
      accessNotes: v.accessNotes ?? '',
      closedDates: v.closedDates.join('\n'),
      ...hours.values,
    },
    unfitDays: hours.unfit,
  };
}

export const roomFormValues = (r: RoomRow): Record<string, string> => ({
  name: r.name,
  capacity: String(r.capacity),
  accessNotes: r.accessNotes ?? '',
  separateWaitingRoom: r.separateWaitingRoom ? 'yes' : 'no',
});

/** The per-day rows of the opening hours part of the form. */
export const hoursRows = () => WEEKDAYS.map(({ day, label }) => ({ label: t(label), from: hoursField(day, 'from'), to: hoursField(day, 'to') }));

function roomRow(r: RoomRow) {
  return {
    id: r.id,
    name: r.name,
    capacity: r.capacity,
    separateWaitingRoom: r.separateWaitingRoom ? t('Yes') : t('No'),
    accessNotes: r.accessNotes ?? '',
    archived: Boolean(r.archivedAt),
  };
}

/** One venue as the list shows it: details in words, upcoming closed dates, its rooms. */
export function venueCard(v: VenueWithRooms, today: string) {
  const upcoming = v.closedDates.filter((d) => d >= today);
  return {
    id: v.id,
    name: v.name,
    archived: Boolean(v.archivedAt),
    rows: [
      { key: { text: t('Address') }, value: { text: [v.address, v.postcode].filter(Boolean).join(', ') } },
      {
        key: { text: t('Opening hours') },
        value: { text: openingHoursInWords(v.openingHours) || t('No opening hours set: it cannot be booked until they are') },
      },
      {
        key: { text: t('Closed on') },
        value: {
          text: upcoming.length ? upcoming.slice(0, 12).map(dayInWords).join('; ') + (upcoming.length > 12 ? ' …' : '') : t('No closed dates coming up'),
        },
      },
      { key: { text: t('Access') }, value: { text: v.accessNotes || t('No access notes') } },
    ],
    rooms: v.rooms.map(roomRow),
  };
}
