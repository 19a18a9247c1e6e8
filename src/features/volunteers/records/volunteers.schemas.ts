// Zod inputs for volunteer records: the same shapes serve the pages (after the form is read) and the API.
import { notARealDate, tooLong } from '#src/lib/zod-fields.ts';
import { ZPreferredLanguage } from '#src/i18n/languages.ts';
import { msg } from '#src/i18n/i18n.ts';
import { z } from 'zod';
import { parsePostcode } from '#src/lib/normalise.ts';
import { awayPeriodProblem, isRealDate, ZWeeklyWindow } from '#src/domain/availability.ts';
import { VOLUNTEER_STATUSES } from '../volunteer-words.ts';

/** Optional text: blank means "not given" (null), so an edit can clear it. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, String(max)))
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

const realDate = (label: string) => z.string().refine((v) => isRealDate(v), notARealDate(label));

export const ZVolunteerQuery = z.object({
  status: z.enum(VOLUNTEER_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(120).optional(),
});
export type VolunteerQuery = z.infer<typeof ZVolunteerQuery>;

const fields = {
  name: z.string().trim().min(1, 'Enter their name').max(120, 'Name must be 120 characters or fewer'),
  email: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter an email address in the correct format, like name@example.org')
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v?.toLowerCase())),
  phone: z
    .string()
    .trim()
    .max(30, 'Phone number must be 30 characters or fewer')
    .refine((v) => v === '' || v.replace(/\D/g, '').length >= 6, 'Enter a phone number, like 01632 960 001 or 07700 900 982')
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
  address: optionalText(500, msg('Address')),
  postcode: z
    .string()
    .trim()
    .refine((v) => v === '' || parsePostcode(v) !== undefined, 'Enter a real postcode, like CT1 2AB')
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v)),
  languages: z.array(z.string().trim().min(1).max(60, 'Each language must be 60 characters or fewer')).max(20, 'List at most 20 languages').optional(),
  gender: optionalText(60, msg('Gender')),
  /** The language Parley writes to them in (meeting invitations, DBS alerts, their calendar feed): en or cy. */
  preferredLanguage: ZPreferredLanguage.optional(),
  travelMiles: z
    .number({ error: 'Enter how far they will travel in whole miles, like 10' })
    .int('Enter how far they will travel in whole miles, like 10')
    .min(0, 'Miles cannot be less than 0')
    .max(500, 'Enter 500 miles or fewer')
    .optional(),
  maxActiveCases: z
    .number({ error: 'Enter the most cases they will take at once, like 3' })
    .int('Enter the most cases they will take at once, like 3')
    .min(0, 'Maximum active cases cannot be less than 0')
    .max(30, 'Enter 30 cases or fewer')
    .optional(),
  employer: optionalText(200, msg('Employer')),
  employedByLocalAuthority: optionalText(200, msg('Local authority')),
  notes: optionalText(5000, msg('Notes')),
};

export const ZVolunteerCreate = z.object(fields);
export type VolunteerCreate = z.infer<typeof ZVolunteerCreate>;

export const ZVolunteerPatch = z.object({
  ...fields,
  name: fields.name.optional(),
  supervisorUserId: z.string().uuid('Choose a supervisor').nullable().optional(),
});
export type VolunteerPatch = z.infer<typeof ZVolunteerPatch>;

export const ZStatusChange = z.object({
  status: z.enum(VOLUNTEER_STATUSES, { error: 'Choose the new status' }),
  on: realDate(msg('Date of the change')),
  note: z.string().trim().max(2000, 'Note must be 2,000 characters or fewer').optional(),
  supervisorUserId: z.string().uuid('Choose a supervisor').optional(),
});
export type StatusChangeInput = z.infer<typeof ZStatusChange>;

export const ZSupervisor = z.object({ supervisorUserId: z.string().uuid('Choose a supervisor').nullable() });

export const ZAwayInput = z
  .object({
    id: z.string().uuid().optional(),
    from: z.string({ error: 'Enter the first day away' }),
    to: z.string({ error: 'Enter the last day away' }),
    reason: z.string().trim().max(200, 'Reason must be 200 characters or fewer').optional(),
  })
  .superRefine((p, ctx) => {
    const problem = awayPeriodProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
  });
export type AwayInput = z.infer<typeof ZAwayInput>;

export const ZAvailability = z.object({
  weekly: z.array(ZWeeklyWindow).max(50, 'List at most 50 weekly windows'),
  away: z.array(ZAwayInput).max(100, 'List at most 100 periods away'),
});
export type AvailabilityInput = z.infer<typeof ZAvailability>;

export const CONNECTION_KINDS = ['person', 'address', 'organisation'] as const;
export const CONNECTION_KIND_LABELS: Record<(typeof CONNECTION_KINDS)[number], string> = {
  person: msg('A person'),
  address: msg('An address'),
  organisation: msg('An organisation'),
};
export const ZConnection = z.object({
  kind: z.enum(CONNECTION_KINDS, { error: 'Choose whether the connection is to a person, an address or an organisation' }),
  text: z.string().trim().min(1, 'Say who or what they are connected to').max(300, 'Connection must be 300 characters or fewer'),
});
export type ConnectionInput = z.infer<typeof ZConnection>;

/** Languages typed in a form: separated by commas or lines. */
export function splitLanguages(text: string): string[] {
  return text
    .split(/[,\n\r]+/)
    .map((l) => l.trim())
    .filter(Boolean);
}
