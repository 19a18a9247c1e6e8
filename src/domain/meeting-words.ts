// The words of meetings: kinds, modes, places, statuses, responses, the shuttle permission and next steps.
// Values are stored; labels are shown (through t()).
import { msg } from '#src/i18n/i18n.ts';

export const MEETING_KINDS = ['intake_visit', 'prison_visit', 'call', 'joint', 'shuttle', 'rj_conference', 'coaching', 'mias_call', 'follow_up'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  intake_visit: msg('Intake visit'),
  prison_visit: msg('Prison visit'),
  call: msg('Phone or video call'),
  joint: msg('Joint meeting'),
  shuttle: msg('Shuttle session'),
  rj_conference: msg('Restorative justice conference'),
  coaching: msg('Conflict coaching'),
  mias_call: msg('Mediation information and advice call (SEND)'),
  follow_up: msg('Follow-up'),
};

/** Kinds that meet one party at a time; the rest bring parties together (or, for shuttle, to one place in separate rooms). */
export const ONE_PARTY_KINDS: readonly MeetingKind[] = ['intake_visit', 'prison_visit', 'call', 'coaching', 'mias_call'];

export const MEETING_MODES = ['in_person', 'online', 'phone'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = { in_person: msg('In person'), online: msg('Online (video)'), phone: msg('By phone') };

/** Where an in-person meeting happens. */
export const MEETING_PLACES = ['venue', 'home', 'prison', 'office'] as const;
export type MeetingPlace = (typeof MEETING_PLACES)[number];
export const MEETING_PLACE_LABELS: Record<MeetingPlace, string> = {
  venue: msg('At a venue'),
  home: msg('At the party’s home'),
  prison: msg('In prison (arranged through the offender manager)'),
  office: msg('At the service’s office'),
};

export const MEETING_STATUSES = ['booked', 'held', 'cancelled', 'no_show'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  booked: msg('Booked'),
  held: msg('Held'),
  cancelled: msg('Cancelled'),
  no_show: msg('Did not take place (no-show)'),
};

export const PARTICIPANT_KINDS = ['volunteer', 'party', 'staff', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** An invitee's answer, as iCalendar PARTSTAT names it. */
export const RESPONSES = ['needs_action', 'accepted', 'declined', 'tentative'] as const;
export type Response = (typeof RESPONSES)[number];
export const RESPONSE_LABELS: Record<Response, string> = {
  needs_action: msg('Not yet answered'),
  accepted: msg('Accepted'),
  declined: msg('Declined'),
  tentative: msg('Maybe'),
};

/** May what a party said in a shuttle session be passed on? */
export const SHARE_PERMISSIONS = ['no', 'yes', 'yes_in_words'] as const;
export type SharePermission = (typeof SHARE_PERMISSIONS)[number];
export const SHARE_PERMISSION_LABELS: Record<SharePermission, string> = {
  no: msg('No, not to be passed on'),
  yes: msg('Yes, as said'),
  yes_in_words: msg('Yes, in these words only'),
};

export const NEXT_STEPS = ['another_joint', 'draft_agreement', 'shuttle', 'follow_up', 'close', 'none'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  another_joint: msg('Another joint meeting'),
  draft_agreement: msg('Draft an agreement'),
  shuttle: msg('Shuttle mediation'),
  follow_up: msg('Follow-up'),
  close: msg('Close the case'),
  none: msg('No next step yet'),
};

export const REQUESTERS = ['party', 'referrer', 'mediator', 'staff'] as const;
export type Requester = (typeof REQUESTERS)[number];
export const REQUESTER_LABELS: Record<Requester, string> = {
  party: msg('A party'),
  referrer: msg('The referrer'),
  mediator: msg('A mediator'),
  staff: msg('Staff'),
};

export const REQUEST_STATUSES = ['open', 'booked', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = { open: msg('Open'), booked: msg('Meeting booked'), declined: msg('Declined') };
