// The volunteer policy page: every rule the service sets for its volunteers (training, supervision, DBS, RJ
// practitioner checks, pairing and mileage). Admins change it; coordinators and supervisors read it. Saved
// through the settings service, so the page and PATCH /api/v1/settings keep the same rules.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { can } from '#src/access/permissions.ts';
import { caseTypeNamer } from '#src/domain/case-words.ts';
import type { CaseTypeChoice } from '#src/features/referrals/case-type-choices.ts';
import { asBody, type FormBody, listOf, textOf } from '#src/http/page-form.ts';
import { fieldErrorsOf } from '#src/http/forms.ts';
import { errorList } from '#src/http/views.ts';
import { msg, translator } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { type VolunteerPolicy, ZVolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { doneOf } from '#src/http/page-input.ts';

const t = translator('en');

type NumberKey = { [K in keyof VolunteerPolicy]: VolunteerPolicy[K] extends number ? K : never }[keyof VolunteerPolicy];
/** The whole-number rules in page order, with their words; the limits come from the policy's own schema. */
export const NUMBER_FIELDS: { key: NumberKey; label: string; hint: string; suffix?: string }[] = [
  {
    key: 'foundationCourseHours',
    label: msg('Foundation course hours'),
    hint: msg('The course every mediator completes first. 40 hours is the usual length.'),
    suffix: msg('hours'),
  },
  {
    key: 'supervisedCasesRequired',
    label: msg('Supervised cases before accreditation'),
    hint: msg('Cases a trainee co-mediates with an accredited mediator, each signed off by their supervisor.'),
    suffix: msg('cases'),
  },
  {
    key: 'dbsRecheckYears',
    label: msg('Years between DBS rechecks'),
    hint: msg('Counted from the certificate’s issue date, or its latest clear Update Service status check. Every 3 years is common.'),
    suffix: msg('years'),
  },
  {
    key: 'rjSupervisionWeeks',
    label: msg('Weeks between case supervision sessions'),
    hint: msg('For restorative conferencing practitioners. The practitioner code asks for at least every 12 weeks.'),
    suffix: msg('weeks'),
  },
  {
    key: 'rjObservedPerYear',
    label: msg('Observed practice sessions a year'),
    hint: msg('For restorative conferencing practitioners. The practitioner code asks for at least 1.'),
    suffix: msg('sessions'),
  },
  { key: 'cpdHoursPerYear', label: msg('CPD hours a year'), hint: msg('Expected of each accredited mediator, each calendar year.'), suffix: msg('hours') },
  { key: 'availabilityWeeks', label: msg('Weeks ahead to look for availability'), hint: msg('When suggesting pairs for a case.'), suffix: msg('weeks') },
  {
    key: 'mileagePence',
    label: msg('Mileage rate'),
    hint: msg('In pence a mile. 45p is HMRC’s approved rate for the first 10,000 miles.'),
    suffix: msg('pence'),
  },
];
const ORDER = [
  'foundationCourseHours',
  'supervisedCasesRequired',
  'dbsRecheckYears',
  'dbsRequiredFor',
  'dbsAlertDays',
  'rjSupervisionWeeks',
  'rjObservedPerYear',
  'cpdHoursPerYear',
  'availabilityWeeks',
  'preferMixedGender',
  'mileagePence',
];

const limits = (key: NumberKey) => {
  const inner = ZVolunteerPolicy.shape[key].unwrap();
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
};

const valuesOf = (p: VolunteerPolicy): Record<string, string> => ({
  ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f.key, String(p[f.key])])),
  dbsAlertDays: p.dbsAlertDays.join(', '),
  preferMixedGender: p.preferMixedGender ? 'yes' : 'no',
});

/** The form as a policy, and the problems found in what was typed (keyed by field). */
export function readPolicyForm(b: FormBody, caseTypes?: readonly string[]): { policy: Partial<VolunteerPolicy>; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const policy: Partial<VolunteerPolicy> = {};
  for (const f of NUMBER_FIELDS) {
    const text = textOf(b, f.key).trim();
    const { min, max } = limits(f.key);
    const n = Number(text);
    if (text === '') fields[f.key] = t('Enter the {label}', { label: f.label.toLowerCase() });
    else if (!/^\d+$/.test(text) || n < min || n > max) fields[f.key] = t('{label} must be a whole number from {min} to {max}', { label: f.label, min, max });
    else policy[f.key] = n;
  }
  const ticked = listOf(b, 'dbsRequiredFor');
  if (caseTypes && ticked.some((c) => !caseTypes.includes(c))) fields.dbsRequiredFor = t('Choose case types from the service’s case types');
  else policy.dbsRequiredFor = ticked;
  const days = textOf(b, 'dbsAlertDays')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!days.length) fields.dbsAlertDays = t('Enter at least one number of days, like 60, 30, 7');
  else if (days.length > 5 || days.some((d) => !/^\d+$/.test(d) || Number(d) < 1 || Number(d) > 365))
    fields.dbsAlertDays = t('Enter up to 5 whole numbers of days from 1 to 365, separated by commas, like 60, 30, 7');
  else policy.dbsAlertDays = [...new Set(days.map(Number))].sort((a, c) => c - a);
  const mixed = textOf(b, 'preferMixedGender');
  if (mixed !== 'yes' && mixed !== 'no') fields.preferMixedGender = t('Say whether to prefer pairs of mixed gender');
  else policy.preferMixedGender = mixed === 'yes';
  return { policy, fields };
}

/** The case types the DBS question offers: those offered now, those on a case, and those already needing a check (so
 * none is dropped unseen when the form is saved). */
const dbsChoices = (types: CaseTypeChoice[], required: readonly string[]) => types.filter((c) => c.offered || c.inUse || required.includes(c.code));

export function registerVolunteerPolicyPages(app: FastifyInstance, deps: Pick<Deps, 'settings' | 'training'>) {
  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; dbsRequiredFor?: string[]; fields?: FieldErrors } = {},
  ) {
    const { policy, types } = await deps.training.policyPage(req.actor!);
    const values = extra.values ?? valuesOf(policy);
    const required = extra.dbsRequiredFor ?? policy.dbsRequiredFor;
    const typeName = caseTypeNamer(t, types);
    const shown = dbsChoices(types, policy.dbsRequiredFor);
    const fields = extra.fields ?? {};
    const errors = errorList(fields, ORDER);
    return reply.page('volunteers/policy/views/volunteer-policy.njk', {
      pageTitle: t('Volunteer policy'),
      canChange: can(req.actor!.role, 'settings.manage'),
      numberFields: NUMBER_FIELDS.map((f) => ({ ...f, ...limits(f.key), value: values[f.key] ?? '' })),
      caseTypeItems: shown.map((c) => ({ value: c.code, text: typeName(c.code), checked: required.includes(c.code) })),
      requiredLabels: shown.filter((c) => required.includes(c.code)).map((c) => typeName(c.code)),
      values,
      fields,
      errors: errors.length ? errors : undefined,
      flash: doneOf(req) === 'saved' && !errors.length ? msg('Volunteer policy saved.') : undefined,
    });
  }

  app.get('/volunteers/policy', (req, reply) => render(req, reply));

  app.post('/volunteers/policy', { config: { permission: 'settings.manage' } }, async (req, reply) => {
    const body = asBody(req.body);
    const { types } = await deps.training.policyPage(req.actor!);
    const { policy, fields } = readPolicyForm(
      body,
      types.map((c) => c.code),
    );
    const typed = Object.fromEntries(ORDER.map((k) => [k, textOf(body, k)]));
    let problems = fields;
    if (!Object.keys(problems).length) {
      try {
        await deps.settings.update(req.actor!, { volunteers: policy });
        return reply.redirect('/volunteers/policy?done=saved', 303);
      } catch (err) {
        const found = fieldErrorsOf(err);
        if (!found) throw err;
        problems = Object.fromEntries(Object.entries(found).map(([k, v]) => [k.replace(/^volunteers\./, '').split('.')[0]!, v]));
      }
    }
    return render(req, reply.status(422), { values: typed, dbsRequiredFor: listOf(body, 'dbsRequiredFor'), fields: problems });
  });
}
