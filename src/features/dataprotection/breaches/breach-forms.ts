// Reading the breach forms: a date (GOV.UK date input) and a time ("14:30") into one moment in UK time, each part
// refused in words; the rest through the API's schemas.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { type FormBody, dateOf, optionalText, textOf } from '#src/http/page-form.ts';
import { londonTime } from '#src/domain/meeting-times.ts';

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** `{prefix}-day|month|year` and `{prefix}Time` as a moment, or the field's error under `prefix`. */
export function momentOf(body: FormBody, prefix: string, label: string, t: Translate, required: boolean): { value?: Date; error?: string } {
  const date = dateOf(body, prefix, label, { required, t });
  if (date.error) return { error: date.error };
  const time = textOf(body, `${prefix}Time`).trim();
  if (!date.value) return time ? { error: t('Enter the date as well as the time') } : {};
  if (!time) return { value: londonTime(date.value, '00:00') };
  const m = TIME.exec(time);
  if (!m) return { error: t('Enter the time like 14:30') };
  return { value: londonTime(date.value, `${m[1]!.padStart(2, '0')}:${m[2]}`) };
}

/** The record form as the schema takes it, or the fields it got wrong. */
export function newBreachInput(body: FormBody, t: Translate): { input: Record<string, unknown>; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const aware = momentOf(body, 'awareAt', msg('Date the service became aware'), t, true);
  if (aware.error) fields.awareAt = aware.error;
  const occurred = momentOf(body, 'occurredAt', msg('Date it happened'), t, false);
  if (occurred.error) fields.occurredAt = occurred.error;
  return {
    fields,
    input: {
      summary: textOf(body, 'summary'),
      awareAt: aware.value,
      occurredAt: occurred.value,
      risk: optionalText(body, 'risk'),
      peopleAffected: optionalText(body, 'peopleAffected'),
      actionsTaken: optionalText(body, 'actionsTaken'),
    },
  };
}

export function breachUpdateInput(body: FormBody, t: Translate): { input: Record<string, unknown>; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const reported = momentOf(body, 'reportedToIcoAt', msg('Date reported to the ICO'), t, false);
  if (reported.error) fields.reportedToIcoAt = reported.error;
  const told = momentOf(body, 'peopleToldAt', msg('Date the people were told'), t, false);
  if (told.error) fields.peopleToldAt = told.error;
  return {
    fields,
    input: {
      risk: optionalText(body, 'risk'),
      reportedToIcoAt: reported.value,
      icoReference: textOf(body, 'icoReference'),
      notReportedReason: textOf(body, 'notReportedReason'),
      peopleToldAt: told.value,
      actionsTaken: textOf(body, 'actionsTaken'),
      closed: textOf(body, 'closed') === 'yes',
    },
  };
}
