// Reading the SEND page's form posts into the services' inputs: GOV.UK date inputs, checkboxes and yes/no radios.
// A date that is not real is named in its own words; the zod schemas then check the rest.
import type { z } from 'zod';
import { type FormBody, dateOf, isTicked, linesOf, listOf, optionalText, textOf } from '#src/http/page-form.ts';
import { msg, type Translate } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { ZAttendee, ZCertificate, ZDutyMet, ZMias, ZSendDetails, ZSendProgress } from './send.schemas.ts';

const yesNo = (b: FormBody, key: string) => (optionalText(b, key) === 'yes' ? true : optionalText(b, key) === 'no' ? false : undefined);

type Parsed<S extends z.ZodType> = { ok: true; data: z.infer<S> } | { ok: false; fields: FieldErrors };

function parseWithDates<S extends z.ZodType>(
  schema: S,
  t: Translate,
  b: FormBody,
  dates: Record<string, string>,
  rest: Record<string, unknown>,
  required: string[] = [],
): Parsed<S> {
  const fields: FieldErrors = {};
  const values: Record<string, unknown> = { ...rest };
  for (const [key, label] of Object.entries(dates)) {
    const d = dateOf(b, key, label, { t, required: required.includes(key) });
    if (d.error) fields[key] = d.error;
    else values[key] = d.value;
  }
  const parsed = schema.safeParse(values);
  // i18n-dynamic: the schemas' messages are msg() literals
  if (!parsed.success) for (const [k, v] of Object.entries(zodFields(parsed.error))) fields[k.split('.')[0]!] ??= t(v);
  return Object.keys(fields).length || !parsed.success ? { ok: false, fields } : { ok: true, data: parsed.data };
}

export const detailsForm = (t: Translate, b: FormBody) =>
  parseWithDates(
    ZSendDetails,
    t,
    b,
    { decisionLetterOn: msg('Date of the decision letter') },
    {
      decisionType: optionalText(b, 'decisionType'),
      issues: listOf(b, 'issues'),
      requestedBy: optionalText(b, 'requestedBy'),
      childName: optionalText(b, 'childName'),
      localAuthority: optionalText(b, 'localAuthority'),
      icbs: linesOf(b, 'icbs'),
      childViewsObtained: yesNo(b, 'childViewsObtained'),
      childViewsMethod: optionalText(b, 'childViewsMethod'),
      childViewsNotReason: optionalText(b, 'childViewsNotReason'),
    },
  );

export const miasForm = (t: Translate, b: FormBody) =>
  parseWithDates(
    ZMias,
    t,
    b,
    { miasOn: msg('Date of the information and advice call'), decisionToldOn: msg('Date the adviser was told the decision') },
    { decision: optionalText(b, 'decision') },
    ['miasOn'],
  );

export const progressForm = (t: Translate, b: FormBody) =>
  parseWithDates(
    ZSendProgress,
    t,
    b,
    {
      icbNotifiedOn: msg('Date the ICBs were told'),
      adviserToldOn: msg('Date the adviser was told mediation cannot be held within 30 days'),
      mediationHeldOn: msg('Date mediation was held'),
    },
    {
      laAttendeeName: optionalText(b, 'laAttendeeName'),
      laAttendeeRole: optionalText(b, 'laAttendeeRole'),
      laAttendeeHasAuthority: yesNo(b, 'laAttendeeHasAuthority'),
      route: optionalText(b, 'route'),
      everyPartyAgreed: yesNo(b, 'everyPartyAgreed'),
      delayReason: optionalText(b, 'delayReason'),
      appealMade: yesNo(b, 'appealMade'),
    },
  );

/** #13: one more person attending. */
export function attendeeForm(t: Translate, b: FormBody): Parsed<typeof ZAttendee> {
  const r = parseWithDates(
    ZAttendee,
    t,
    b,
    {},
    { name: textOf(b, 'attendeeName').trim(), kind: optionalText(b, 'attendeeKind'), agreed: isTicked(b, 'agreed') },
  );
  return r.ok ? r : { ok: false, fields: attendeeFields(r.fields) };
}

/** The attendee rules' field names as the page's form names them (the rule names the place in the list). */
export const attendeeFields = (fields: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k === 'name' ? 'attendeeName' : k === 'kind' ? 'attendeeKind' : k.startsWith('attendees.') ? 'agreed' : k, v]),
  );

/** #18–19: when a duty was met (blank: not met). */
export const dutyForm = (t: Translate, b: FormBody) => parseWithDates(ZDutyMet, t, b, { metOn: msg('Date the duty was met') }, {});

export const certificateForm = (t: Translate, b: FormBody, issueCount: number) =>
  parseWithDates(
    ZCertificate,
    t,
    b,
    { issuedOn: msg('Date of issue') },
    {
      kind: optionalText(b, 'kind'),
      adviserName: optionalText(b, 'adviserName') ?? '',
      issueOutcomes: Array.from({ length: issueCount }, (_, i) => optionalText(b, `issueOutcomes-${i}`) ?? null),
      replacesId: optionalText(b, 'replacesId'),
      reissueReason: optionalText(b, 'reissueReason'),
    },
  );
