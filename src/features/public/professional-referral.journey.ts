// Pure: the professional referral, one question group per page. Each page holds some of the form's fields (the same
// field names the one-page form had); a page is checked by parsing every answer so far with the form's own parser
// (professional-referral.form.ts) and keeping the problems on that page's fields. The answers are kept between pages
// in a server-side draft (journey-cookie.ts), and checked once more on "Check your answers" before sending.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import type { CaseKind } from '#src/domain/case-words.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { asList } from './public-forms.ts';
import { PEOPLE_ROWS, type ParsedProfessionalReferral, parseProfessionalReferral } from './professional-referral.form.ts';
import { LIST_FIELDS } from './professional-referral.options.ts';

export const PRO_JOURNEY = 'professional_referral';

const PERSON_FIELDS = ['Name', 'Role', 'Phone', 'Email', 'Postcode'];
const personFields = (row: number) => PERSON_FIELDS.map((f) => `person${row}${f}`);

const DETAILS: Record<CaseKind, { title: string; fields: string[] }> = {
  community: { title: msg('About the disagreement'), fields: ['kind'] },
  restorative_justice: {
    title: msg('About the offence'),
    fields: ['offenceType', 'sentencingStage', 'inCustody', 'establishment', 'prisonNumber', 'offenderManager', 'initiatedBy'],
  },
  send: {
    title: msg('About the decision'),
    fields: [
      'decisionType',
      'issues',
      'decisionLetterDate-day',
      'decisionLetterDate-month',
      'decisionLetterDate-year',
      'ehcPlanStatus',
      'healthProvisionSought',
    ],
  },
  social_care: { title: msg('About the social care matter'), fields: ['area', 'disputeAbout', 'legalStatus', 'capacityConcerns', 'capacityDetails'] },
};

export type ProPage = { slug: string; title: string; fields: string[] };

/** The pages, in order, for a kind of case (only "details" differs by kind). */
export function proPages(kind: CaseKind): ProPage[] {
  return [
    { slug: 'about-you', title: msg('About you'), fields: ['referrerOrganisation', 'referrerRole', 'referrerName', 'referrerEmail', 'referrerPhone'] },
    { slug: 'agreement', title: msg('The person’s agreement'), fields: ['personAgreed', 'lineManagerAware'] },
    { slug: 'person', title: msg('The person you are referring'), fields: personFields(1) },
    { slug: 'others', title: msg('The other people involved'), fields: Array.from({ length: PEOPLE_ROWS - 1 }, (_, i) => personFields(i + 2)).flat() },
    { slug: 'situation', title: msg('The situation'), fields: ['description', 'whatWouldHelp'] },
    { slug: 'details', title: DETAILS[kind].title, fields: DETAILS[kind].fields },
    { slug: 'risks', title: msg('Risks and contact'), fields: ['risks', 'safetyDetails', 'bestTimes'] },
  ];
}

/** The pages' addresses, the same for every kind of case. */
export const PRO_SLUGS = proPages('community').map((p) => p.slug);

const ZAnswer = z.union([z.string(), z.array(z.string())]);
/** The draft as saved: the case type it was started for, the answers by field, and the pages answered. */
export const ZProDraft = z.object({
  caseType: z.string(),
  answers: z.record(z.string(), ZAnswer),
  done: z.array(z.string()),
});
export type ProDraft = z.infer<typeof ZProDraft>;

/** The saved draft for this case type, or a fresh one (a draft for another case type starts again). */
export function readProDraft(stored: unknown, caseType: string): ProDraft {
  const parsed = ZProDraft.safeParse(stored ?? {});
  return parsed.success && parsed.data.caseType === caseType ? parsed.data : { caseType, answers: {}, done: [] };
}

/** The page's answers as the browser sent them: every field of the page, an unticked checkbox as nothing. */
export function pageAnswers(page: ProPage, body: unknown): Record<string, string | string[]> {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(page.fields.map((f) => [f, LIST_FIELDS.includes(f) ? asList(b[f]) : typeof b[f] === 'string' ? (b[f] as string) : '']));
}

/** The problems on this page's fields, when the answers so far (with this page's) are read as a referral. */
export function pageProblems(page: ProPage, type: { code: string; kind: CaseKind }, answers: ProDraft['answers'], today: string): FieldErrors {
  const parsed = parseProfessionalReferral(type, answers, today);
  if (parsed.ok) return {};
  return Object.fromEntries(Object.entries(parsed.fields).filter(([k]) => page.fields.includes(k)));
}

/** Every answer read as a referral, for "Check your answers" and sending. */
export const readAll = (type: { code: string; kind: CaseKind }, d: ProDraft, today: string): ParsedProfessionalReferral =>
  parseProfessionalReferral(type, d.answers, today);

/** The page a field is asked on (for a problem found on "Check your answers"). */
export const pageOfField = (pages: ProPage[], field: string) => pages.find((p) => p.fields.includes(field)) ?? pages[0]!;

/** The first page not answered yet, or undefined when every page has been. */
export const firstUnanswered = (pages: ProPage[], d: ProDraft) => pages.find((p) => !d.done.includes(p.slug))?.slug;

/** After a page: the next one, or "check" at the end (or, when changing an answer, "check" unless a page is still unanswered). */
export function nextAfter(pages: ProPage[], slug: string, d: ProDraft, change: boolean): string {
  if (change) return firstUnanswered(pages, d) ?? 'check';
  const at = pages.findIndex((p) => p.slug === slug);
  return pages[at + 1]?.slug ?? 'check';
}

export const previousOf = (pages: ProPage[], slug: string) => {
  const at = slug === 'check' ? pages.length : pages.findIndex((p) => p.slug === slug);
  return at > 0 ? pages[at - 1]!.slug : undefined;
};
