// A service's settings: case types offered, areas covered, notices, public texts.
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { DEFAULT_VOLUNTEER_POLICY, ZVolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { DEFAULT_MEETING_POLICY, ZMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { DEFAULT_FOLLOW_UP_POLICY, ZFollowUpPolicy } from '#src/features/settings/follow-up-policy.ts';

const prefix = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, 'A reference prefix is 2 to 6 letters, like CDM');

/** A postcode area (CT), district (ME14) or sector (TN9 1). */
export const ZPostcodePrefix = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/\s+/g, ' '))
  .refine((s) => /^[A-Z]{1,2}(\d[A-Z\d]?( \d)?)?$/.test(s), 'A postcode prefix is an area like CT, a district like ME14 or a sector like TN9 1');

export const ZNotice = z.object({
  id: z.string().min(1),
  text: z.string().trim().min(1, 'Enter the notice text').max(1000),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'From must be a date like 2026-03-27')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'To must be a date like 2026-03-27')
    .optional(),
  homeVisitsSuspended: z.boolean().default(false),
  officeClosed: z.boolean().default(false),
});
export type Notice = z.infer<typeof ZNotice>;

export const ZServiceSettings = z.object({
  twoFactorRoles: z.array(z.string()).optional(),
  referencePrefix: prefix.default('REF'),
  /** The codes of the case types the service offers now (its case types are in case_types, features/settings/case-types.ts). */
  caseTypes: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'Choose the case types the service offers'))
    .min(1, 'Offer at least one case type')
    .default(['community']),
  areas: z
    .object({
      postcodePrefixes: z.array(ZPostcodePrefix).default([]),
      localAuthorities: z.array(z.string().trim().min(1)).default([]),
    })
    .default({ postcodePrefixes: [], localAuthorities: [] }),
  notices: z.array(ZNotice).default([]),
  privacyNotice: z.string().trim().max(20000).default(''),
  signposting: z.string().trim().max(5000).default(''),
  emergencyContacts: z
    .string()
    .trim()
    .max(2000)
    .default('If anyone is in immediate danger, call 999. If you need help urgently but it is not an emergency, call 101.'),
  welcome: z.string().trim().max(5000).default(''),
  /** An admin has put away the getting-started checklist on their home page. */
  gettingStartedDismissed: z.boolean().default(false),
  /** Reports hide any count from 1 to reportThreshold − 1 ("fewer than 5"): features/reports/suppression.ts. */
  reportThreshold: z
    .number({ error: msg('Enter the threshold as a whole number from 2 to 100') })
    .int(msg('Enter the threshold as a whole number from 2 to 100'))
    .min(2, msg('Enter the threshold as a whole number from 2 to 100'))
    .max(100, msg('Enter the threshold as a whole number from 2 to 100'))
    .default(5),
  /** Training, supervision, DBS and pairing rules for volunteers. */
  volunteers: ZVolunteerPolicy.default(DEFAULT_VOLUNTEER_POLICY),
  /** Ground rules, video links, reminders, travel time, meeting hours, SEND notice and email templates. */
  meetings: ZMeetingPolicy.default(DEFAULT_MEETING_POLICY),
  /** The follow-up points per case type, in weeks after the agreement is signed, and how long parties' links work. */
  followUp: ZFollowUpPolicy.default(DEFAULT_FOLLOW_UP_POLICY),
});
export type ServiceSettings = z.infer<typeof ZServiceSettings>;

/** What an admin may change through the API (every field optional; areas replaced as a whole). */
export const ZSettingsPatch = ZServiceSettings.omit({ twoFactorRoles: true })
  .partial()
  .extend({
    volunteers: ZVolunteerPolicy.partial().optional(),
    meetings: ZMeetingPolicy.partial().optional(),
    followUp: ZFollowUpPolicy.partial().optional(),
    areas: z.object({ postcodePrefixes: z.array(ZPostcodePrefix).optional(), localAuthorities: z.array(z.string().trim().min(1)).optional() }).optional(),
  });
export type SettingsPatch = z.infer<typeof ZSettingsPatch>;

/** Settings as stored, with defaults filled in; a stored value that no longer parses falls back to its default. */
export function readSettings(stored: unknown): ServiceSettings {
  const parsed = ZServiceSettings.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  return ZServiceSettings.parse({ twoFactorRoles: (stored as { twoFactorRoles?: string[] })?.twoFactorRoles });
}

/** The settings as the API returns them (plain types: response schemas cannot hold transforms). */
export const ZServiceSettingsOut = z.object({
  referencePrefix: z.string(),
  caseTypes: z.array(z.string()),
  areas: z.object({ postcodePrefixes: z.array(z.string()), localAuthorities: z.array(z.string()) }),
  notices: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      from: z.string().optional(),
      to: z.string().optional(),
      homeVisitsSuspended: z.boolean(),
      officeClosed: z.boolean(),
    }),
  ),
  privacyNotice: z.string(),
  signposting: z.string(),
  emergencyContacts: z.string(),
  welcome: z.string(),
  reportThreshold: z.number().int().describe('Counts from 1 to reportThreshold − 1 are hidden in every report'),
  volunteers: ZVolunteerPolicy,
  meetings: ZMeetingPolicy,
});
