// Appointments with someone who made an enquiry, before there is a case: book one (a time, at a venue, by phone or
// by video, with a member of staff), see it, cancel it. Booking and cancelling email the enquirer an invitation or a
// cancellation with its .ics through the meetings' own mail (the same templates, one UID for the appointment's life,
// SEQUENCE raised when it is cancelled); the appointment shows on the service's calendar. Every step is audited;
// booking and cancelling need referrals.triage, seeing one referrals.view.
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { listMembers } from '#src/features/people/people-reads.ts';
import { findEnquiry } from '#src/features/referrals/referral-reads.ts';
import { type MeetingPolicy, readMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import type { SettingsService } from '#src/features/settings/settings.service.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { newRoomToken } from '../booking/meeting-booking.ts';
import { whereInWords } from '../meeting-text.ts';
import { type MeetingChange, queueMeetingMail } from '../records/meeting-mail.ts';
import { listVenuesWithRooms } from '../venues/venues.repo.ts';
import { APPOINTMENT_KIND_LABELS, type AppointmentMode, appointmentProblems } from './appointment-rules.ts';
import { type AppointmentRow, bookedAppointmentsOf, cancelAppointment, insertAppointment, listAppointmentsOfEnquiry } from './appointments.repo.ts';
import type { BookAppointment, CancelAppointment } from './appointments.schemas.ts';

/** Staff who may see an enquirer: the service's own people, not outside readers. */
const STAFF_ROLES = new Set(['admin', 'coordinator', 'supervisor', 'safeguarding_lead']);

export type AppointmentDeps = { db: Db; clock: Clock; audit: Audit; settings: SettingsService };

const by = (actor: OrgActor) => actor.label ?? actor.id;
const refused = (fields: Record<string, string>) =>
  new AppError('UNPROCESSABLE', Object.values(fields)[0] ?? msg('The appointment cannot be booked'), { reason: 'APPOINTMENT_REFUSED', fields });

/** Where, as the invitation and the pages say it (the venue and its address, the number to ring, or online). */
export const appointmentWhere = (a: Pick<AppointmentRow, 'mode' | 'venueName' | 'venueAddress' | 'locationText'>) =>
  whereInWords({
    mode: a.mode,
    place: a.mode === 'in_person' ? 'venue' : null,
    venueName: a.venueName,
    venueAddress: a.venueAddress,
    roomName: null,
    locationText: a.locationText,
  });

export function createAppointmentService({ db, clock, audit, settings }: AppointmentDeps) {
  async function loadEnquiry(tx: Db, actor: OrgActor, id: string) {
    const enquiry = await findEnquiry(tx, actor.orgId, id);
    if (!enquiry) throw notFound(msg('That enquiry was not found'));
    return enquiry;
  }

  async function staffOf(tx: Db, orgId: string) {
    return (await listMembers(tx, orgId))
      .filter((m) => STAFF_ROLES.has(m.role))
      .map((m) => ({ userId: m.userId, name: m.name, active: m.status === 'active' }));
  }

  async function mailEnquirer(
    tx: Db,
    orgId: string,
    policy: MeetingPolicy,
    change: MeetingChange,
    enquiry: { name: string; email: string | null; reference: string | null },
    a: AppointmentRow,
    reason?: string,
  ) {
    if (!enquiry.email?.trim()) return 0;
    const org = await findOrgById(tx, orgId);
    const outcome = await queueMeetingMail(tx, {
      orgId,
      service: { name: org?.name ?? 'Parley', email: org?.email ?? null, phone: org?.phone ?? null },
      policy,
      change,
      meeting: {
        id: a.id,
        caseId: null,
        caseReference: enquiry.reference ?? '',
        kind: 'appointment',
        kindLabel: APPOINTMENT_KIND_LABELS[a.mode as AppointmentMode],
        mode: a.mode,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        icsUid: a.icsUid,
        sequence: a.sequence,
        where: appointmentWhere(a),
        videoLink: a.videoLink,
      },
      recipients: [{ participantId: a.id, name: enquiry.name, email: enquiry.email, response: 'needs_action' }],
      ...(reason ? { reason } : {}),
    });
    return outcome.emails;
  }

  return {
    /** The enquiry, its appointments (the booked one first, if any) and what the booking form offers. Audited. */
    async forEnquiry(actor: OrgActor, enquiryId: string) {
      authorise(actor, 'referrals.view');
      const policy = readMeetingPolicy(await settings.forWork(actor.orgId));
      return inOrg(db, actor.orgId, async (tx) => {
        const enquiry = await loadEnquiry(tx, actor, enquiryId);
        const appointments = await listAppointmentsOfEnquiry(tx, actor.orgId, enquiryId);
        const venues = (await listVenuesWithRooms(tx, actor.orgId)).map((v) => ({ id: v.id, name: v.name }));
        await audit.record(tx, actor, actor.orgId, { action: 'enquiry.appointments_viewed', entityType: 'enquiry', entityId: enquiryId });
        return {
          enquiry,
          booked: appointments.find((a) => a.status === 'booked'),
          past: appointments.filter((a) => a.status !== 'booked'),
          venues,
          staff: (await staffOf(tx, actor.orgId)).filter((s) => s.active),
          hasVideoTemplate: Boolean(policy.videoLinkTemplate),
          now: clock.now(),
        };
      });
    },

    /** The booked appointment of each of these enquiries, by enquiry id (for the enquiries list). */
    async bookedFor(actor: OrgActor, enquiryIds: string[]) {
      authorise(actor, 'referrals.view');
      if (!enquiryIds.length) return new Map<string, AppointmentRow>();
      return inOrg(db, actor.orgId, async (tx) => new Map((await bookedAppointmentsOf(tx, actor.orgId, enquiryIds)).map((a) => [a.enquiryId, a])));
    },

    /** Books the appointment, or refuses (422) with every problem by field; emails the enquirer with an .ics. */
    async book(actor: OrgActor, enquiryId: string, input: BookAppointment) {
      authorise(actor, 'referrals.triage');
      const policy = readMeetingPolicy(await settings.forWork(actor.orgId));
      return inOrg(db, actor.orgId, async (tx) => {
        const enquiry = await loadEnquiry(tx, actor, enquiryId);
        const now = clock.now();
        const start = new Date(input.start);
        const venues = (await listVenuesWithRooms(tx, actor.orgId, { includeArchived: true })).map((v) => ({ id: v.id, archived: Boolean(v.archivedAt) }));
        const existing = await listAppointmentsOfEnquiry(tx, actor.orgId, enquiryId);
        const problems = appointmentProblems(
          { ...input, start },
          {
            now,
            venues,
            staff: await staffOf(tx, actor.orgId),
            enquirerPhone: enquiry.phone,
            hasVideoTemplate: Boolean(policy.videoLinkTemplate),
            alreadyBooked: existing.some((a) => a.status === 'booked'),
          },
        );
        if (Object.keys(problems).length) throw refused(problems);
        const id = newId();
        const videoLink = input.mode === 'online' ? input.videoLink?.trim() || (policy.videoLinkTemplate ?? '').replaceAll('{room}', newRoomToken()) : null;
        await insertAppointment(tx, {
          id,
          orgId: actor.orgId,
          enquiryId,
          mode: input.mode,
          venueId: input.mode === 'in_person' ? (input.venueId ?? null) : null,
          locationText: input.mode === 'phone' ? input.phone?.trim() || enquiry.phone : null,
          videoLink,
          staffUserId: input.staffUserId,
          startsAt: start,
          endsAt: new Date(start.getTime() + input.durationMinutes * 60_000),
          status: 'booked',
          icsUid: `${id}@parley`,
          sequence: 0,
          createdBy: by(actor),
          createdAt: now,
          updatedAt: now,
        });
        const booked = (await listAppointmentsOfEnquiry(tx, actor.orgId, enquiryId)).find((a) => a.id === id)!;
        await audit.record(tx, actor, actor.orgId, {
          action: 'enquiry.appointment_booked',
          entityType: 'enquiry',
          entityId: enquiryId,
          detail: { appointmentId: id, mode: input.mode, startsAt: start.toISOString(), staffUserId: input.staffUserId },
        });
        const emails = await mailEnquirer(tx, actor.orgId, policy, 'invitation', enquiry, booked);
        return { appointment: booked, emails };
      });
    },

    /** Cancels the booked appointment with the reason; the enquirer is emailed the cancellation. */
    async cancel(actor: OrgActor, enquiryId: string, input: CancelAppointment) {
      authorise(actor, 'referrals.triage');
      const policy = readMeetingPolicy(await settings.forWork(actor.orgId));
      return inOrg(db, actor.orgId, async (tx) => {
        const enquiry = await loadEnquiry(tx, actor, enquiryId);
        const booked = (await listAppointmentsOfEnquiry(tx, actor.orgId, enquiryId)).find((a) => a.status === 'booked');
        if (!booked) throw new AppError('CONFLICT', msg('This enquiry has no booked appointment to cancel'), { reason: 'NO_APPOINTMENT' });
        const now = clock.now();
        if (!(await cancelAppointment(tx, actor.orgId, booked.id, { cancelReason: input.reason, sequence: booked.sequence + 1, updatedAt: now })))
          throw new AppError('CONFLICT', msg('The appointment changed meanwhile: look again'), { reason: 'CHANGED_MEANWHILE' });
        const after = { ...booked, status: 'cancelled', cancelReason: input.reason, sequence: booked.sequence + 1 };
        await audit.record(tx, actor, actor.orgId, {
          action: 'enquiry.appointment_cancelled',
          entityType: 'enquiry',
          entityId: enquiryId,
          detail: { appointmentId: booked.id },
        });
        const emails = await mailEnquirer(tx, actor.orgId, policy, 'cancelled', enquiry, after, input.reason);
        return { appointment: after, emails };
      });
    },
  };
}
export type AppointmentService = ReturnType<typeof createAppointmentService>;
