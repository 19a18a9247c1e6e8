// Pure: whether an appointment with an enquirer can be booked as asked, every problem named by its field. A slot
// must be in the future and end the same day; at a venue it needs an open venue of the service, by phone a number to
// ring (the enquirer's, unless another is typed), online a link (pasted, or made from the service's template).
import { msg } from '#src/i18n/i18n.ts';
import type { FieldErrors } from '#src/lib/app-error.ts';
import { londonParts } from '#src/domain/meeting-times.ts';

export const APPOINTMENT_MODES = ['in_person', 'phone', 'online'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/** What the enquirer's email and the calendar call it (a meeting kind's place in the invitation's wording). */
export const APPOINTMENT_KIND_LABELS: Record<AppointmentMode, string> = {
  in_person: msg('Meeting about your enquiry'),
  phone: msg('Phone call about your enquiry'),
  online: msg('Video call about your enquiry'),
};

export type AppointmentAsk = {
  mode: AppointmentMode;
  start: Date;
  durationMinutes: number;
  venueId?: string | undefined;
  phone?: string | undefined;
  videoLink?: string | undefined;
  staffUserId: string;
};

export type AppointmentFacts = {
  now: Date;
  venues: { id: string; archived: boolean }[];
  staff: { userId: string; active: boolean }[];
  enquirerPhone: string | null;
  hasVideoTemplate: boolean;
  alreadyBooked: boolean;
};

/** Every reason the appointment cannot be booked, by field; none when it can. */
export function appointmentProblems(ask: AppointmentAsk, facts: AppointmentFacts): FieldErrors {
  const problems: FieldErrors = {};
  if (facts.alreadyBooked) problems._ = msg('This enquiry has an appointment already: cancel it before booking another');
  if (ask.start.getTime() <= facts.now.getTime()) problems.date = msg('The appointment must be in the future');
  else {
    const end = new Date(ask.start.getTime() + ask.durationMinutes * 60_000);
    if (londonParts(end).date !== londonParts(ask.start).date && londonParts(end).time !== '00:00')
      problems.durationMinutes = msg('The appointment must end on the day it starts');
  }
  if (!facts.staff.some((s) => s.userId === ask.staffUserId && s.active)) problems.staffUserId = msg('Choose who from the service will see them');
  if (ask.mode === 'in_person') {
    if (!ask.venueId) problems.venueId = msg('Choose the venue');
    else if (!facts.venues.some((v) => v.id === ask.venueId && !v.archived)) problems.venueId = msg('Choose one of the service’s open venues');
  }
  if (ask.mode === 'phone' && !ask.phone?.trim() && !facts.enquirerPhone?.trim()) problems.phone = msg('Enter the phone number to ring: the enquiry gave none');
  if (ask.mode === 'online' && !ask.videoLink?.trim() && !facts.hasVideoTemplate)
    problems.videoLink = msg('Paste the link to the video call: this service has no video link template');
  return problems;
}
