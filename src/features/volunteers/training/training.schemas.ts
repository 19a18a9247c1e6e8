// Inputs for training courses, training records, accreditations and DBS checks — the same schemas for the
// pages (after the form is read into this shape) and the API.
import { fieldMessage, msg, worded, wordedLower } from '#src/i18n/i18n.ts';
import { enterThe, notARealDate } from '#src/lib/zod-fields.ts';
import { z } from 'zod';
import { isRealDate } from '#src/http/page-form.ts';
import { AREAS, DBS_LEVELS, DBS_WORKFORCES } from '../volunteer-words.ts';

const isoDate = (label: string) =>
  z
    .string({ error: enterThe(label) })
    .min(1, enterThe(label))
    .regex(/^\d{4}-\d{2}-\d{2}$/, notARealDate(label))
    .refine(isRealDate, notARealDate(label));
const notes = z.string().trim().max(5000, 'Notes must be 5,000 characters or fewer').optional();
const hours = (label: string, max: number) =>
  z
    .number({ error: fieldMessage(msg('Enter the {label} as a number, like 1.5'), { label: wordedLower(label) }) })
    .positive(fieldMessage(msg('{label} must be more than 0'), { label: worded(label) }))
    .max(max, fieldMessage(msg('{label} must be {max} or fewer'), { label: worded(label), max: String(max) }));

export const ZCourse = z.object({
  name: z.string({ error: 'Enter the course name' }).trim().min(1, 'Enter the course name').max(200, 'The course name must be 200 characters or fewer'),
  hours: hours(msg('Course hours'), 500),
  foundation: z.boolean({ error: 'Say whether this is the foundation course' }),
  area: z.enum(AREAS, { error: 'Choose an accreditation area from the list' }).optional(),
});
export type CourseInput = z.infer<typeof ZCourse>;

export const ZCourseRecord = z.object({
  kind: z.literal('course'),
  courseId: z.string({ error: 'Choose the course' }).uuid('Choose the course'),
  on: isoDate(msg('Date completed')),
  notes,
});
export const ZCpdRecord = z.object({
  kind: z.literal('cpd'),
  title: z.string({ error: 'Enter what the CPD was' }).trim().min(1, 'Enter what the CPD was').max(200, 'The CPD title must be 200 characters or fewer'),
  hours: hours(msg('CPD hours'), 100),
  on: isoDate(msg('Date')),
  notes,
});
export const ZSessionRecord = z.object({
  kind: z.enum(['supervision', 'observed_practice'], { error: 'Choose case supervision or observed practice' }),
  on: isoDate(msg('Date')),
  notes,
});
export const ZTrainingRecord = z.discriminatedUnion('kind', [ZCourseRecord, ZCpdRecord, ZSessionRecord], {
  error: 'Say what kind of record this is: course, cpd, supervision or observed_practice',
});
export type TrainingRecordInput = z.infer<typeof ZTrainingRecord>;

export const ZAccreditation = z.object({
  area: z.enum(AREAS, { error: 'Choose the area of accreditation' }),
  accreditedOn: isoDate(msg('Date accredited')),
  expiresOn: isoDate(msg('Expiry date')).optional(),
});
export type AccreditationInput = z.infer<typeof ZAccreditation>;

export const ZRevoke = z.object({
  reason: z
    .string({ error: 'Give the reason for revoking' })
    .trim()
    .min(1, 'Give the reason for revoking')
    .max(1000, 'The reason must be 1,000 characters or fewer'),
});

export const ZAccredit = z.object({ note: z.string().trim().max(1000, 'The note must be 1,000 characters or fewer').optional() });

/** A DBS certificate number: 12 digits, typed with or without spaces. */
export const ZCertificateNumber = z
  .string({ error: 'Enter the certificate number' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'Enter the certificate number')
      .regex(/^\d{12}$/, 'A DBS certificate number is 12 digits, like 001234567890'),
  );

export const ZDbsCheck = z.object({
  level: z.enum(DBS_LEVELS, { error: 'Choose the level of check' }),
  workforce: z.enum(DBS_WORKFORCES, { error: 'Choose the workforce the check is for' }),
  certificateNumber: ZCertificateNumber,
  issuedOn: isoDate(msg('Issue date')),
  updateService: z.boolean({ error: 'Say whether they subscribe to the DBS Update Service' }),
});
export type DbsCheckInput = z.infer<typeof ZDbsCheck>;

export const ZStatusCheck = z.object({
  on: isoDate(msg('Date of the status check')),
  result: z.enum(['no_change', 'new_information'], { error: 'Choose the result of the status check' }),
});
export type StatusCheckInput = z.infer<typeof ZStatusCheck>;
