// View models for the hours pages and the report, and the report as CSV. Fields are picked one by one.
import { caseTypeNamer } from '#src/domain/case-words.ts';
import { asBody, dateOf, type FormBody, optionalText, textOf } from '#src/http/page-form.ts';
import { translator, msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { decimalHours, formatMinutes, HOUR_ACTIVITIES, HOUR_ACTIVITY_LABELS, type HourActivity, readDuration } from './hours.schemas.ts';
import type { HoursOverview, HoursReport } from './hours.service.ts';
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '../volunteer-words.ts';

const t = translator('en');

export const activityLabel = (a: string) => t(HOUR_ACTIVITY_LABELS[a as HourActivity] ?? a);
/** A case type's name (the service's own, read with the page), or "Not on a case". */
const caseTypeLabels = (types: HoursOverview['types']) => {
  const name = caseTypeNamer(t, types);
  return (c: string | null) => (c ? name(c) : t('Not on a case'));
};

export const HOURS_FORM_ORDER = ['on', 'hours', 'activity', 'caseId', 'notes'];

/** The hours form as typed, shaped for ZHoursEntry, with the problems found reading the date and the time. */
export function readHoursForm(raw: unknown): { input: Record<string, unknown>; problems: FieldErrors; typed: FormBody } {
  const body = asBody(raw);
  const on = dateOf(body, 'on', msg('Date'), { required: true });
  const duration = readDuration(textOf(body, 'hours'), textOf(body, 'minutes'));
  const problems: FieldErrors = {};
  if (on.error) problems.on = on.error;
  if (duration.error) problems.hours = duration.error;
  return {
    input: {
      on: on.value ?? '',
      minutes: duration.minutes ?? 0,
      activity: optionalText(body, 'activity'),
      caseId: optionalText(body, 'caseId'),
      notes: optionalText(body, 'notes'),
    },
    problems,
    typed: body,
  };
}

/** Field errors from the service or schema on the form's fields ("minutes" is shown on the time). */
const FIELD_OF: Record<string, string> = { minutes: 'hours', _: 'on' };
export function hoursFormFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) out[FIELD_OF[k] ?? k] ??= v;
  return out;
}

export function errorSummary(fields: FieldErrors) {
  const keys = [...HOURS_FORM_ORDER.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !HOURS_FORM_ORDER.includes(k))];
  return keys.map((k) => ({ text: fields[k]!, href: k === 'on' ? '#on-day' : `#${k}` }));
}

/** The form's choices and what to show in it. */
export function hoursFormModel(o: HoursOverview, values: Record<string, string>) {
  const caseTypeLabel = caseTypeLabels(o.types);
  return {
    values,
    activityItems: [
      { value: '', text: t('Choose an activity') },
      ...HOUR_ACTIVITIES.map((a) => ({ value: a, text: activityLabel(a), selected: values.activity === a })),
    ],
    caseItems: [
      { value: '', text: t('Not on a case') },
      ...o.caseChoices.map((c) => ({ value: c.caseId, text: `${c.reference} – ${caseTypeLabel(c.caseType)}`, selected: values.caseId === c.caseId })),
    ],
  };
}

/** Totals, hours per case and the entries, for the volunteer's page and the staff page. */
export function hoursModel(o: HoursOverview, deleteBase: string) {
  const caseTypeLabel = caseTypeLabels(o.types);
  return {
    totals: [
      { label: t('This month'), value: formatMinutes(o.totals.month) },
      { label: t('This year ({year})', { year: o.today.slice(0, 4) }), value: formatMinutes(o.totals.year) },
      { label: t('In all'), value: formatMinutes(o.totals.all) },
    ],
    perCase: o.perCase.map((c) => ({
      reference: c.reference ?? t('Not on a case'),
      type: c.caseType ? caseTypeLabel(c.caseType) : '',
      time: formatMinutes(c.minutes),
    })),
    entries: o.entries.map((e) => ({
      on: e.on,
      time: formatMinutes(e.minutes),
      activity: activityLabel(e.activity),
      caseReference: e.caseReference ?? '',
      notes: e.notes ?? '',
      recordedBy: e.recordedBy ?? '',
      deleteHref: e.canDelete ? `${deleteBase}/${e.id}/delete` : undefined,
    })),
  };
}

export function reportModel(r: HoursReport) {
  const caseTypeLabel = caseTypeLabels(r.types);
  return {
    from: r.from,
    to: r.to,
    total: formatMinutes(r.totalMinutes),
    totalDecimal: decimalHours(r.totalMinutes),
    entries: r.entries,
    volunteers: r.volunteers.map((v) => ({
      id: v.volunteerId,
      name: v.name,
      status: t(VOLUNTEER_STATUS_LABELS[v.status as VolunteerStatus] ?? v.status),
      hours: decimalHours(v.minutes),
      caseHours: decimalHours(v.caseMinutes),
      cases: v.cases,
      entries: v.entries,
    })),
    caseTypes: r.caseTypes.map((c) => ({ type: caseTypeLabel(c.caseType), hours: decimalHours(c.minutes), cases: c.cases, volunteers: c.volunteers })),
    activities: r.activities.map((a) => ({ activity: activityLabel(a.activity), hours: decimalHours(a.minutes) })),
  };
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV: one section per volunteer, then per case type, then per activity, hours as decimals. */
export function reportCsv(r: HoursReport): string {
  const m = reportModel(r);
  const rows: (string | number)[][] = [
    ['Volunteer hours report', `${r.from} to ${r.to}`],
    [],
    ['Volunteer', 'Status', 'Hours', 'Hours on cases', 'Cases', 'Entries'],
    ...m.volunteers.map((v) => [v.name, v.status, v.hours, v.caseHours, v.cases, v.entries]),
    ['Total', '', m.totalDecimal, '', '', m.entries],
    [],
    ['Case type', 'Hours', 'Cases', 'Volunteers'],
    ...m.caseTypes.map((c) => [c.type, c.hours, c.cases, c.volunteers]),
    [],
    ['Activity', 'Hours'],
    ...m.activities.map((a) => [a.activity, a.hours]),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
