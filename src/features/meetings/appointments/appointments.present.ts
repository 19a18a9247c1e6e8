// View models for an enquiry's appointment: its details as summary rows, in words, for the enquiry pages.
import { MEETING_MODE_LABELS, type MeetingMode } from '#src/domain/meeting-words.ts';
import { whenInWords } from '#src/domain/meeting-times.ts';
import type { Translate } from '#src/i18n/i18n.ts';
import type { AppointmentRow } from './appointments.repo.ts';
import { appointmentWhere } from './appointments.service.ts';

export function appointmentSummary(t: Translate, a: AppointmentRow) {
  return {
    id: a.id,
    when: whenInWords(a.startsAt, a.endsAt),
    how: a.mode === 'in_person' ? t('At a venue') : t(MEETING_MODE_LABELS[a.mode as MeetingMode] ?? a.mode),
    where: appointmentWhere(a),
    videoLink: a.videoLink,
    staffName: a.staffName ?? '',
    cancelReason: a.cancelReason,
    cancelled: a.status === 'cancelled',
  };
}

export const ZAppointmentOutShape = (a: AppointmentRow) => ({
  id: a.id,
  enquiryId: a.enquiryId,
  enquiryReference: a.enquiryReference,
  mode: a.mode,
  venueId: a.venueId,
  venueName: a.venueName,
  phone: a.mode === 'phone' ? a.locationText : null,
  videoLink: a.videoLink,
  staffUserId: a.staffUserId,
  staffName: a.staffName,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  status: a.status,
  cancelReason: a.cancelReason,
  sequence: a.sequence,
});
