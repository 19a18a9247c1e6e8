// iCalendar (RFC 5545) for invitations, changes, cancellations and each volunteer's feed. One UID per meeting for
// its whole life; SEQUENCE rises with every change, so a calendar replaces the old copy instead of adding another.
// An invitation lists only its own recipient as attendee: parties never see each other's addresses.
import ical, { ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type IcsEvent = {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
  /** When the event last changed (DTSTAMP); defaults to now. */
  stamp?: Date;
};

export type IcsPerson = { name: string; email: string };

const PRODUCT = { company: 'Parley', product: 'Parley case management', language: 'EN' };

const STATUS_OF: Record<string, ICalAttendeeStatus> = {
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  tentative: ICalAttendeeStatus.TENTATIVE,
  needs_action: ICalAttendeeStatus.NEEDSACTION,
};

/**
 * An invitation (REQUEST) or cancellation (CANCEL) for one recipient, from the service as organiser. A reply is asked
 * for only when the organiser's address reads replies (`askReply`): calendars send their accept or decline there.
 */
export function invitationIcs(
  event: IcsEvent,
  organiser: IcsPerson,
  attendee: IcsPerson & { response?: string },
  method: 'REQUEST' | 'CANCEL',
  askReply = true,
) {
  const cal = ical({ prodId: PRODUCT, method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  cal.createEvent({
    ...eventData(event, method === 'CANCEL'),
    organizer: { name: organiser.name, email: organiser.email },
    attendees: [
      {
        name: attendee.name,
        email: attendee.email,
        rsvp: method === 'REQUEST' && askReply,
        status: STATUS_OF[attendee.response ?? 'needs_action'] ?? ICalAttendeeStatus.NEEDSACTION,
      },
    ],
  });
  return cal.toString();
}

/** A subscribable calendar of many events (no METHOD: a published feed, not a request). */
export function feedIcs(name: string, events: IcsEvent[]) {
  const cal = ical({ prodId: PRODUCT, name, ttl: 60 * 15 });
  for (const e of events) cal.createEvent(eventData(e, Boolean(e.cancelled)));
  return cal.toString();
}

function eventData(e: IcsEvent, cancelled: boolean) {
  return {
    id: e.uid,
    sequence: e.sequence,
    stamp: e.stamp ?? new Date(),
    start: e.start,
    end: e.end,
    summary: e.summary,
    description: e.description ?? null,
    location: e.location ?? null,
    url: e.url ?? null,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}
