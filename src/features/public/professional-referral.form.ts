// Pure: the professional referral form as a browser sends it (flat fields, fixed rows of people, checkboxes,
// a GOV.UK date input) turned into a ProfessionalReferral, or field errors keyed by the form's own field ids.
import type { FieldErrors } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { type CaseKind, type CaseType, ROLES_BY_CASE_KIND, type ServiceCaseType } from '#src/domain/case-words.ts';
import { type ProfessionalReferral, ZCaseDetails, ZProfessionalReferral } from '#src/features/referrals/referrals.schemas.ts';
import { sendContactDeadline } from '#src/domain/send-deadline.ts';
import { asList, readDateInput, yesNo } from './public-forms.ts';

export const CASE_TYPE_SLUGS: Record<CaseType, string> = {
  community: 'community',
  restorative_justice: 'restorative-justice',
  send: 'send',
  social_care: 'social-care',
};
/** A case type's page: the built-in four keep their addresses; a service's own type is found by its code. */
export const slugOf = (code: string) => CASE_TYPE_SLUGS[code as CaseType] ?? code;
export const caseTypeOfSlug = (types: readonly ServiceCaseType[], slug: string) => types.find((c) => slugOf(c.code) === slug);

export const PEOPLE_ROWS = 4;
/** The roles offered in each row, per kind of case. None is chosen for the referrer: every row starts unselected. */
export const ROLE_CHOICES = ROLES_BY_CASE_KIND;

const PERSON_FIELDS = ['Name', 'Role', 'Phone', 'Email', 'Postcode'] as const;
export const FIELD_ORDER = [
  'referrerOrganisation',
  'referrerRole',
  'referrerName',
  'referrerEmail',
  'referrerPhone',
  'personAgreed',
  ...Array.from({ length: PEOPLE_ROWS }, (_, i) => PERSON_FIELDS.map((f) => `person${i + 1}${f}`)).flat(),
  'description',
  'whatWouldHelp',
  'risks',
  'safetyDetails',
  'kind',
  'offenceType',
  'sentencingStage',
  'inCustody',
  'establishment',
  'prisonNumber',
  'offenderManager',
  'initiatedBy',
  'decisionType',
  'issues',
  'decisionLetterDate-day',
  'ehcPlanStatus',
  'healthProvisionSought',
  'area',
  'disputeAbout',
  'legalStatus',
  'capacityConcerns',
  'capacityDetails',
  'bestTimes',
];

type Body = Record<string, unknown>;
const text = (b: Body, k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
const orUndefined = (v: string) => v || undefined;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The case-type questions, from the form's fields. */
function detailsOf(caseKind: CaseKind, b: Body, today: string): { details: Record<string, unknown>; fields: FieldErrors } {
  const fields: FieldErrors = {};
  switch (caseKind) {
    case 'community':
      if (!text(b, 'kind')) fields.kind = 'Select what the disagreement is between';
      return { details: { kind: orUndefined(text(b, 'kind')) }, fields };
    case 'restorative_justice': {
      const inCustody = yesNo(b.inCustody);
      if (inCustody && !text(b, 'establishment')) fields.establishment = 'Enter the prison or establishment where the person who harmed is held';
      return {
        details: {
          offenceType: orUndefined(text(b, 'offenceType')),
          sentencingStage: orUndefined(text(b, 'sentencingStage')),
          inCustody,
          establishment: inCustody ? orUndefined(text(b, 'establishment')) : undefined,
          prisonNumber: inCustody ? orUndefined(text(b, 'prisonNumber')) : undefined,
          offenderManager: orUndefined(text(b, 'offenderManager')),
          initiatedBy: orUndefined(text(b, 'initiatedBy')),
        },
        fields,
      };
    }
    case 'send': {
      const letter = readDateInput(b, 'decisionLetterDate', 'The date of the decision letter', today);
      if (letter.error) fields['decisionLetterDate-day'] = letter.error;
      if (!text(b, 'decisionType')) fields.decisionType = 'Select the decision being disputed';
      return {
        details: {
          decisionType: orUndefined(text(b, 'decisionType')),
          issues: asList(b.issues),
          decisionLetterDate: letter.iso,
          ehcPlanStatus: orUndefined(text(b, 'ehcPlanStatus')),
          healthProvisionSought: orUndefined(text(b, 'healthProvisionSought')),
        },
        fields,
      };
    }
    case 'social_care':
      if (!text(b, 'area')) fields.area = 'Select children and families or adult social care';
      return {
        details: {
          area: orUndefined(text(b, 'area')),
          disputeAbout: asList(b.disputeAbout),
          legalStatus: orUndefined(text(b, 'legalStatus')),
          capacityConcerns: yesNo(b.capacityConcerns),
          capacityDetails: orUndefined(text(b, 'capacityDetails')),
        },
        fields,
      };
  }
}

/** The rows of people that were filled in; a row is blank when it has no name, phone, email or postcode. */
function peopleOf(b: Body) {
  const fields: FieldErrors = {};
  const rows: { row: number; person: Record<string, unknown> }[] = [];
  for (let row = 1; row <= PEOPLE_ROWS; row++) {
    const [name, role, phone, email, postcode] = PERSON_FIELDS.map((f) => text(b, `person${row}${f}`));
    if (!name && !phone && !email && !postcode) continue;
    if (!name)
      fields[`person${row}Name`] = row === 1 ? 'Enter the name of the person you are referring' : `Enter the name of person ${row}, or clear their details`;
    if (!role) fields[`person${row}Role`] = `Select the role of person ${row}`;
    rows.push({ row, person: { name, role: role || undefined, phone, email, postcode, isReferredPerson: row === 1 } });
  }
  if (!rows.some((r) => r.row === 1)) fields.person1Name = 'Enter the name of the person you are referring';
  if (!rows.some((r) => r.row > 1)) fields.person2Name ??= 'Enter at least one other person involved, such as the other party';
  return { rows, fields };
}

/** A field path of the referral (zod) as the id of the form field that holds it. */
function fieldId(path: string, rows: { row: number }[]) {
  const parts = path.split('.');
  if (parts[0] === 'referrer' && parts[1]) return `referrer${capitalise(parts[1])}`;
  if (parts[0] === 'parties' && parts[1] !== undefined) return `person${rows[Number(parts[1])]?.row ?? 1}${capitalise(parts[2] ?? 'name')}`;
  if (parts[0] === 'details' && parts[1]) return parts[1] === 'decisionLetterDate' ? 'decisionLetterDate-day' : parts[1];
  return path;
}

export type ParsedProfessionalReferral =
  | { ok: true; input: ProfessionalReferral; sendDeadline?: { deadline: string; passed: boolean } }
  | { ok: false; fields: FieldErrors };

export function parseProfessionalReferral(type: { code: string; kind: CaseKind }, body: unknown, today: string): ParsedProfessionalReferral {
  const b = (body ?? {}) as Body;
  const caseType = type.code;
  const { details, fields: detailFields } = detailsOf(type.kind, b, today);
  const { rows, fields: peopleFields } = peopleOf(b);
  const risks = asList(b.risks);
  const personAgreed = b.personAgreed === 'yes';
  const candidate = {
    caseType,
    description: text(b, 'description'),
    whatWouldHelp: orUndefined(text(b, 'whatWouldHelp')),
    consentToContact: personAgreed,
    personAgreed,
    lineManagerAware: b.lineManagerAware === 'yes',
    referrer: {
      organisation: text(b, 'referrerOrganisation'),
      role: text(b, 'referrerRole'),
      name: text(b, 'referrerName'),
      email: text(b, 'referrerEmail'),
      phone: text(b, 'referrerPhone'),
    },
    parties: rows.map((r) => r.person),
    risks,
    urgent: risks.includes('anyone_at_risk'),
    anyoneAtRisk: risks.includes('anyone_at_risk'),
    safetyDetails: orUndefined(text(b, 'safetyDetails')),
    bestTimes: orUndefined(text(b, 'bestTimes')),
    details,
  };
  const parsed = ZProfessionalReferral.safeParse(candidate);
  const parsedDetails = ZCaseDetails[type.kind].safeParse(details);
  const fields: FieldErrors = {};
  // consentToContact follows personAgreed here, so its message would only repeat that one.
  if (!parsed.success)
    for (const [path, message] of Object.entries(zodFields(parsed.error))) if (path !== 'consentToContact') fields[fieldId(path, rows)] ??= message;
  if (!parsedDetails.success)
    for (const [path, message] of Object.entries(zodFields(parsedDetails.error))) fields[fieldId(`details.${path}`, rows)] ??= message;
  Object.assign(fields, detailFields, peopleFields);
  if (!candidate.referrer.email) fields.referrerEmail = 'Enter the referrer’s email address';
  if (Object.keys(fields).length > 0 || !parsed.success) return { ok: false, fields: orderFields(fields) };
  const letter = details.decisionLetterDate as string | undefined;
  return { ok: true, input: parsed.data, sendDeadline: letter ? sendDeadlineOf(letter, today) : undefined };
}

const sendDeadlineOf = (letter: string, today: string) => {
  const { deadline, passed } = sendContactDeadline(letter, today);
  return { deadline, passed };
};

/** Field errors from the referral service (details.x, parties.0.name …) as the form's field ids. */
export const formFieldsOf = (fields: FieldErrors) => orderFields(Object.fromEntries(Object.entries(fields).map(([k, v]) => [fieldId(k, []), v])));

function orderFields(fields: FieldErrors): FieldErrors {
  const keys = [...FIELD_ORDER.filter((k) => fields[k]), ...Object.keys(fields).filter((k) => !FIELD_ORDER.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, fields[k]!]));
}
