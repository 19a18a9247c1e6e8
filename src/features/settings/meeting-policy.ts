// A service's meeting rules: ground rules, the video link template, reminders, travel time, the hours meetings are
// offered in, SEND notice and the email templates. Stored in the service's settings under `meetings`.
import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is like 09:30');

/** One email template: a subject and a plain-text body with {placeholders} (see email/templates.ts). */
export const ZEmailTemplate = z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(5000) });
export type EmailTemplate = z.infer<typeof ZEmailTemplate>;

export const ZMeetingPolicy = z.object({
  /** The seed's defaults, read out at the start of every joint meeting; editable per service. */
  groundRules: z
    .array(z.string().trim().min(1).max(300))
    .max(20)
    .default([
      'Listen to each other without interrupting',
      'No offensive remarks or name-calling',
      'Everything said stays confidential, unless someone is at risk of serious harm',
    ]),
  /** e.g. https://meet.example.org/{room}: each online meeting gets an unguessable room. Empty: staff paste a link. */
  videoLinkTemplate: z
    .string()
    .trim()
    .max(300)
    .refine((s) => s === '' || (/^https:\/\/[^\s]+$/.test(s) && s.includes('{room}')), 'A video link template starts with https:// and contains {room}')
    .default(''),
  /** Hours before a meeting when its reminder is sent; 0 for none. */
  reminderHours: z.number().int().min(0).max(168).default(24),
  /** Minutes to allow between in-person meetings for a mediator to travel. */
  travelMinutes: z.number().int().min(0).max(240).default(30),
  /** The hours meetings are offered in, Monday to Friday and at weekends (weekend empty: none). */
  dayStarts: time.default('09:00'),
  dayEnds: time.default('20:00'),
  weekends: z.boolean().default(false),
  /** SEND: working days' notice of the meeting's date and place (rules.md #11). */
  sendNoticeWorkingDays: z.number().int().min(0).max(20).default(5),
  /** Email templates keyed by template name; missing ones use the built-in wording. */
  emailTemplates: z.record(z.string(), ZEmailTemplate).default({}),
});
export type MeetingPolicy = z.infer<typeof ZMeetingPolicy>;

export const DEFAULT_MEETING_POLICY: MeetingPolicy = ZMeetingPolicy.parse({});

/** The policy from a service's stored settings, with defaults filled in. */
export function readMeetingPolicy(settings: unknown): MeetingPolicy {
  const stored = (settings as { meetings?: unknown } | null | undefined)?.meetings ?? {};
  const parsed = ZMeetingPolicy.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_MEETING_POLICY;
}
