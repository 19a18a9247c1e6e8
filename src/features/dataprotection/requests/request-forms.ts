// Reading the request forms: the dates (GOV.UK date inputs) checked as real dates, the rest through the API's schemas.
import { msg, type Translate } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { type FormBody, dateOf, optionalText, textOf } from '#src/http/page-form.ts';

export function newRequestInput(body: FormBody, t: Translate): { input: Record<string, unknown>; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const received = dateOf(body, 'receivedOn', msg('Date the request was received'), { required: true, t });
  if (received.error) fields.receivedOn = received.error;
  const starts = dateOf(body, 'startsOn', msg('Date the month runs from'), { t });
  if (starts.error) fields.startsOn = starts.error;
  return {
    fields,
    input: {
      kind: optionalText(body, 'kind'),
      requesterName: textOf(body, 'requesterName'),
      requesterContact: optionalText(body, 'requesterContact'),
      receivedOn: received.value,
      startsOn: starts.value,
    },
  };
}

/** Extending, completing or refusing, as the API's update takes it. */
export function requestUpdateInput(body: FormBody): Record<string, unknown> {
  const action = textOf(body, 'action');
  if (action === 'extend') return { action, reason: textOf(body, 'reason') };
  return { action, outcome: textOf(body, 'outcome'), refusalReason: action === 'refuse' ? optionalText(body, 'refusalReason') : undefined };
}
