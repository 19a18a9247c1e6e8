// Pure: the self-referral journey, one question (or a small group) per page. Which pages apply, what each
// accepts, where to go next, and how the saved answers become a referral.
import { z } from 'zod';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import { CASE_KINDS, type CaseKind, PARTY_ROLES, type PartyRole, type ServiceCaseType } from '#src/domain/case-words.ts';
import { SEND_DECISIONS, ZEmailInput, ZPhoneInput, ZPostcodeInput } from '#src/features/referrals/referrals.schemas.ts';
import { type FormValues, fromYesNo, readDateInput } from './public-forms.ts';
import { msg } from '#src/i18n/i18n.ts';
import { RJ_PAGE, rjDetails, YES_NO_UNSURE } from './self-referral.rj.ts';

export const JOURNEY = 'self_referral';
export const MAX_OTHERS = 5;

const ZPerson = z.object({
  name: z.string(),
  role: z.enum(PARTY_ROLES),
  phone: z.string().optional(),
  email: z.string().optional(),
  postcode: z.string().optional(),
});
export type OtherPerson = z.infer<typeof ZPerson>;

/** The answers as saved between pages. Read back through this schema: anything else is dropped. */
export const ZDraft = z.object({
  caseType: z.string().optional(),
  /** The kind of rules the chosen case type follows: worked out from the service's case types on every read, never saved. */
  caseKind: z.enum(CASE_KINDS).optional(),
  myRole: z.enum(PARTY_ROLES).optional(),
  decisionType: z.enum([...SEND_DECISIONS, 'not_sure']).optional(),
  decisionLetterDate: z.string().optional(),
  reportedToPolice: z.enum(YES_NO_UNSURE).optional(),
  anyoneInPrison: z.enum(YES_NO_UNSURE).optional(),
  me: z
    .object({ name: z.string(), phone: z.string().optional(), email: z.string().optional(), address: z.string().optional(), postcode: z.string().optional() })
    .optional(),
  others: z.array(ZPerson).max(MAX_OTHERS).optional(),
  description: z.string().optional(),
  whatWouldHelp: z.string().optional(),
  anyoneAtRisk: z.boolean().optional(),
  safetyDetails: z.string().optional(),
  canLeaveMessages: z.boolean().optional(),
  bestTimes: z.string().optional(),
  safeContact: z.string().optional(),
  interpreter: z.boolean().optional(),
  language: z.string().optional(),
  accessNeeds: z.string().optional(),
  consentToContact: z.boolean().optional(),
});
export type Draft = z.infer<typeof ZDraft>;
export type JourneyContext = { types: ServiceCaseType[]; caseTypes: string[]; kinds: Record<string, CaseKind>; today: string };
/** The journey's context from the case types a service offers. */
export const journeyContext = (types: ServiceCaseType[], today: string): JourneyContext => ({
  types,
  caseTypes: types.map((c) => c.code),
  kinds: Object.fromEntries(types.map((c) => [c.code, c.kind])),
  today,
});

/** The saved answers, cleaned: a case type the service no longer offers is forgotten; a single one is implied. */
export function readDraft(stored: unknown, ctx: JourneyContext): Draft {
  const parsed = ZDraft.safeParse(stored ?? {});
  const draft: Draft = parsed.success ? parsed.data : {};
  if (ctx.caseTypes.length === 1) draft.caseType = ctx.caseTypes[0];
  else if (draft.caseType && !ctx.caseTypes.includes(draft.caseType)) delete draft.caseType;
  draft.caseKind = draft.caseType ? ctx.kinds[draft.caseType] : undefined;
  return draft;
}

// How the person themselves takes part, for the case types where it matters.
export const MY_ROLES: Partial<Record<CaseKind, { value: PartyRole; text: string }[]>> = {
  restorative_justice: [
    { value: 'victim', text: msg('I was harmed by a crime or by someone’s behaviour') },
    { value: 'person_who_harmed', text: msg('I harmed someone and would like to put things right') },
    { value: 'family_member', text: msg('I was affected by what happened, for example as a family member of someone harmed') },
  ],
  send: [
    { value: 'parent', text: msg('I am the parent or carer of a child or young person') },
    { value: 'young_person', text: msg('I am a young person aged 16 to 25') },
  ],
};

/** How another person may be involved, by case type (and by how the person referring is involved). */
export function otherRoles(d: Draft): { value: PartyRole; text: string }[] {
  switch (d.caseKind) {
    case 'restorative_justice':
      return [
        ...(d.myRole === 'family_member'
          ? [
              { value: 'victim' as const, text: msg('They were harmed') },
              { value: 'person_who_harmed' as const, text: msg('They caused the harm') },
            ]
          : [
              d.myRole === 'person_who_harmed'
                ? { value: 'victim' as const, text: msg('They were harmed') }
                : { value: 'person_who_harmed' as const, text: msg('They caused the harm') },
            ]),
        { value: 'family_member', text: msg('They are a family member of someone involved') },
        { value: 'supporter', text: msg('They support me') },
      ];
    case 'send':
      return [
        { value: 'local_authority', text: msg('The local authority (council)') },
        { value: 'health_body', text: msg('A health service') },
        d.myRole === 'young_person'
          ? { value: 'parent', text: msg('My parent or carer') }
          : { value: 'young_person', text: msg('My child or the young person') },
        { value: 'supporter', text: msg('They support me') },
      ];
    case 'social_care':
      return [
        { value: 'staff_member', text: msg('They work for the council or a care provider') },
        { value: 'service_user', text: msg('They receive care or support') },
        { value: 'family_member', text: msg('They are a family member') },
        { value: 'party', text: msg('Someone else in the disagreement') },
      ];
    default:
      return [
        { value: 'party', text: msg('They are part of the disagreement') },
        { value: 'family_member', text: msg('They are a family member') },
        { value: 'supporter', text: msg('They support me') },
      ];
  }
}

type Parsed = { ok: true; draft: Draft } | { ok: false; fields: FieldErrors };
export type QuestionPage = {
  slug: string;
  title: string;
  /** The field to link to from check your answers and from errors. */
  applies(d: Draft, ctx: JourneyContext): boolean;
  complete(d: Draft): boolean;
  parse(body: unknown, d: Draft, ctx: JourneyContext): Parsed;
  values(d: Draft): FormValues;
};

const required = (message: string, max: number, label: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`);
const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .default('');
const yesNoField = (message: string) => z.enum(['yes', 'no'], { error: message });
const blankToUndefined = (v: string | undefined) => (v ? v : undefined);

function page<S extends z.ZodType>(
  def: Omit<QuestionPage, 'parse'> & {
    schema: (d: Draft, ctx: JourneyContext) => S;
    save: (d: Draft, data: z.infer<S>, body: unknown, ctx: JourneyContext) => Parsed;
  },
): QuestionPage {
  return {
    ...def,
    parse(body, d, ctx) {
      const result = def.schema(d, ctx).safeParse(body ?? {});
      return result.success ? def.save(d, result.data, body, ctx) : { ok: false, fields: zodFields(result.error) };
    },
  };
}

const ZAboutYou = z
  .object({
    name: required('Enter your name', 120, 'Your name'),
    phone: ZPhoneInput,
    email: ZEmailInput,
    address: optional(500, 'Address'),
    postcode: ZPostcodeInput,
  })
  .refine((v) => v.phone || v.email || v.address, {
    path: ['phone'],
    message: 'Enter a phone number, an email address or a postal address so that we can contact you',
  });

export const ZOtherPerson = (d: Draft) =>
  z.object({
    name: required('Enter their name, or a description such as ‘neighbour at number 12’', 120, 'Their name'),
    role: z.enum(otherRoles(d).map((r) => r.value) as [PartyRole, ...PartyRole[]], { error: 'Select how they are involved' }),
    phone: ZPhoneInput,
    email: ZEmailInput,
    postcode: ZPostcodeInput,
  });

export const PAGES: QuestionPage[] = [
  page({
    slug: 'help',
    title: msg('What kind of help do you need?'),
    applies: (_d, ctx) => ctx.caseTypes.length > 1,
    complete: (d) => Boolean(d.caseType),
    schema: (_d, ctx) => z.object({ caseType: z.enum(ctx.caseTypes as [string, ...string[]], { error: 'Select the kind of help you need' }) }),
    save: (d, data, _body, ctx) => ({
      ok: true,
      draft:
        d.caseType === data.caseType
          ? d
          : {
              ...d,
              caseType: data.caseType,
              caseKind: ctx.kinds[data.caseType],
              myRole: undefined,
              decisionType: undefined,
              decisionLetterDate: undefined,
              reportedToPolice: undefined,
              anyoneInPrison: undefined,
            },
    }),
    values: (d) => ({ caseType: d.caseType ?? '' }),
  }),
  page({
    slug: 'your-role',
    title: msg('How are you involved?'),
    applies: (d) => Boolean(d.caseKind && MY_ROLES[d.caseKind]),
    complete: (d) => Boolean(d.myRole && MY_ROLES[d.caseKind!]?.some((r) => r.value === d.myRole)),
    schema: (d) =>
      z.object({ myRole: z.enum((MY_ROLES[d.caseKind!] ?? []).map((r) => r.value) as [PartyRole, ...PartyRole[]], { error: 'Select how you are involved' }) }),
    save: (d, data) => ({ ok: true, draft: { ...d, myRole: data.myRole } }),
    values: (d) => ({ myRole: d.myRole ?? '' }),
  }),
  RJ_PAGE,
  page({
    slug: 'send-decision',
    title: msg('Which decision do you disagree with?'),
    applies: (d) => d.caseKind === 'send',
    complete: (d) => Boolean(d.decisionType),
    schema: () => z.object({ decisionType: z.enum([...SEND_DECISIONS, 'not_sure'], { error: 'Select the decision you disagree with, or ‘I am not sure’' }) }),
    save: (d, data, body, ctx) => {
      const letter = readDateInput(body, 'decisionLetterDate', 'The date of the letter', ctx.today);
      if (letter.error) return { ok: false, fields: { 'decisionLetterDate-day': letter.error } };
      return { ok: true, draft: { ...d, decisionType: data.decisionType, decisionLetterDate: letter.iso } };
    },
    values: (d) => {
      const [year = '', month = '', day = ''] = (d.decisionLetterDate ?? '').split('-');
      return {
        decisionType: d.decisionType ?? '',
        'decisionLetterDate-day': day ? String(Number(day)) : '',
        'decisionLetterDate-month': month ? String(Number(month)) : '',
        'decisionLetterDate-year': year,
      };
    },
  }),
  page({
    slug: 'about-you',
    title: msg('About you'),
    applies: () => true,
    complete: (d) => Boolean(d.me?.name),
    schema: () => ZAboutYou,
    save: (d, data) => ({
      ok: true,
      draft: {
        ...d,
        me: {
          name: data.name,
          phone: blankToUndefined(data.phone),
          email: blankToUndefined(data.email),
          address: blankToUndefined(data.address),
          postcode: blankToUndefined(data.postcode),
        },
      },
    }),
    values: (d) => ({
      name: d.me?.name ?? '',
      phone: d.me?.phone ?? '',
      email: d.me?.email ?? '',
      address: d.me?.address ?? '',
      postcode: d.me?.postcode ?? '',
    }),
  }),
  // The people page is a small loop of its own (list, add, change, remove): see self-referral-people.routes.ts.
  {
    slug: 'people',
    title: msg('The other people involved'),
    applies: () => true,
    complete: (d) => (d.others?.length ?? 0) > 0,
    parse: () => ({ ok: false, fields: {} }),
    values: () => ({}),
  },
  page({
    slug: 'what-is-happening',
    title: msg('What is happening?'),
    applies: () => true,
    complete: (d) => Boolean(d.description),
    schema: () => z.object({ description: required('Tell us what is happening', 10000, 'What is happening') }),
    save: (d, data) => ({ ok: true, draft: { ...d, description: data.description } }),
    values: (d) => ({ description: d.description ?? '' }),
  }),
  page({
    slug: 'what-would-help',
    title: msg('What would help?'),
    applies: () => true,
    complete: (d) => Boolean(d.whatWouldHelp),
    schema: () => z.object({ whatWouldHelp: required('Tell us what would help. If you are not sure, say so', 5000, 'What would help') }),
    save: (d, data) => ({ ok: true, draft: { ...d, whatWouldHelp: data.whatWouldHelp } }),
    values: (d) => ({ whatWouldHelp: d.whatWouldHelp ?? '' }),
  }),
  page({
    slug: 'safety',
    title: msg('Is anyone at risk of harm now?'),
    applies: () => true,
    complete: (d) => d.anyoneAtRisk !== undefined,
    schema: () => z.object({ anyoneAtRisk: yesNoField('Select yes if anyone is at risk of harm now'), safetyDetails: optional(5000, 'What is happening') }),
    save: (d, data) => ({
      ok: true,
      draft: { ...d, anyoneAtRisk: data.anyoneAtRisk === 'yes', safetyDetails: data.anyoneAtRisk === 'yes' ? blankToUndefined(data.safetyDetails) : undefined },
    }),
    values: (d) => ({ anyoneAtRisk: fromYesNo(d.anyoneAtRisk), safetyDetails: d.safetyDetails ?? '' }),
  }),
  page({
    slug: 'contact',
    title: msg('Contacting you safely'),
    applies: () => true,
    complete: (d) => d.canLeaveMessages !== undefined,
    schema: () =>
      z.object({
        canLeaveMessages: yesNoField('Select yes if we can leave you a message'),
        bestTimes: optional(500, 'Best times to contact you'),
        safeContact: optional(1000, 'How to contact you safely'),
      }),
    save: (d, data) => ({
      ok: true,
      draft: {
        ...d,
        canLeaveMessages: data.canLeaveMessages === 'yes',
        bestTimes: blankToUndefined(data.bestTimes),
        safeContact: blankToUndefined(data.safeContact),
      },
    }),
    values: (d) => ({ canLeaveMessages: fromYesNo(d.canLeaveMessages), bestTimes: d.bestTimes ?? '', safeContact: d.safeContact ?? '' }),
  }),
  page({
    slug: 'needs',
    title: msg('Access, language and interpreters'),
    applies: () => true,
    complete: (d) => d.interpreter !== undefined,
    schema: () =>
      z
        .object({
          interpreter: yesNoField('Select yes if you need an interpreter'),
          language: optional(100, 'Language'),
          accessNeeds: optional(800, 'Support you need'),
        })
        .refine((v) => v.interpreter === 'no' || v.language, { path: ['language'], message: 'Enter the language you need an interpreter for' }),
    save: (d, data) => ({
      ok: true,
      draft: {
        ...d,
        interpreter: data.interpreter === 'yes',
        language: data.interpreter === 'yes' ? data.language : undefined,
        accessNeeds: blankToUndefined(data.accessNeeds),
      },
    }),
    values: (d) => ({ interpreter: fromYesNo(d.interpreter), language: d.language ?? '', accessNeeds: d.accessNeeds ?? '' }),
  }),
  page({
    slug: 'consent',
    title: msg('Agreeing to be contacted'),
    applies: () => true,
    complete: (d) => d.consentToContact === true,
    schema: () => z.object({ consentToContact: z.literal('yes', { error: 'Confirm that we may contact you about your referral' }) }),
    save: (d) => ({ ok: true, draft: { ...d, consentToContact: true } }),
    values: (d) => ({ consentToContact: d.consentToContact ? 'yes' : '' }),
  }),
];

export const pageFor = (slug: string) => PAGES.find((p) => p.slug === slug);
const applicable = (d: Draft, ctx: JourneyContext) => PAGES.filter((p) => p.applies(d, ctx));

/** The first page still to answer, or undefined when everything needed has been answered. */
export const firstIncomplete = (d: Draft, ctx: JourneyContext) => applicable(d, ctx).find((p) => !p.complete(d))?.slug;

/** True when a page comes after one still unanswered (so it cannot be shown yet). */
export function isAhead(slug: string, d: Draft, ctx: JourneyContext) {
  const pages = applicable(d, ctx).map((p) => p.slug);
  const gap = firstIncomplete(d, ctx);
  return gap !== undefined && pages.indexOf(slug) > pages.indexOf(gap);
}

export function nextSlug(slug: string, d: Draft, ctx: JourneyContext): string {
  const pages = applicable(d, ctx).map((p) => p.slug);
  return pages[pages.indexOf(slug) + 1] ?? 'check';
}

export function previousSlug(slug: string, d: Draft, ctx: JourneyContext): string | undefined {
  const pages = applicable(d, ctx).map((p) => p.slug);
  const at = slug === 'check' ? pages.length : pages.indexOf(slug);
  return at > 0 ? pages[at - 1] : undefined;
}

/** The saved answers as a self-referral (checked by ZSelfReferral and the referral service). */
export function toSelfReferral(d: Draft) {
  const needs = [d.interpreter && d.language ? `Interpreter: ${d.language}` : '', d.accessNeeds ?? ''].filter(Boolean).join('. ');
  const me = d.me ?? { name: '' };
  return {
    caseType: d.caseType,
    description: d.description ?? '',
    whatWouldHelp: d.whatWouldHelp,
    consentToContact: d.consentToContact === true,
    urgent: d.anyoneAtRisk === true,
    anyoneAtRisk: d.anyoneAtRisk,
    safetyDetails: d.safetyDetails,
    bestTimes: d.bestTimes,
    risks: d.anyoneAtRisk ? ['anyone_at_risk' as const] : [],
    details:
      d.caseKind === 'send'
        ? { decisionType: d.decisionType === 'not_sure' ? undefined : d.decisionType, decisionLetterDate: d.decisionLetterDate }
        : d.caseKind === 'restorative_justice'
          ? rjDetails(d)
          : {},
    parties: [
      {
        name: me.name,
        role: (d.caseKind && MY_ROLES[d.caseKind] ? d.myRole : undefined) ?? 'party',
        phone: me.phone,
        email: me.email,
        address: me.address,
        postcode: me.postcode,
        safeContact: d.safeContact,
        canLeaveMessages: d.canLeaveMessages,
        needs: needs || undefined,
        isReferredPerson: true,
      },
      ...(d.others ?? []).map((o) => ({ name: o.name, role: o.role, phone: o.phone, email: o.email, postcode: o.postcode })),
    ],
  };
}
