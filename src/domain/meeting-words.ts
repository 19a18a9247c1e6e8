// The words of meetings: kinds, modes, places, statuses, responses, the shuttle permission and next steps.
// Values are stored; labels are shown (through t()).

export const MEETING_KINDS = ['intake_visit', 'prison_visit', 'call', 'joint', 'shuttle', 'rj_conference', 'coaching', 'mias_call', 'follow_up'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  intake_visit: 'Intake visit',
  prison_visit: 'Prison visit',
  call: 'Phone or video call',
  joint: 'Joint meeting',
  shuttle: 'Shuttle session',
  rj_conference: 'Restorative justice conference',
  coaching: 'Conflict coaching',
  mias_call: 'Mediation information and advice call (SEND)',
  follow_up: 'Follow-up',
};

/** Kinds that meet one party at a time; the rest bring parties together (or, for shuttle, to one place in separate rooms). */
export const ONE_PARTY_KINDS: readonly MeetingKind[] = ['intake_visit', 'prison_visit', 'call', 'coaching', 'mias_call'];

export const MEETING_MODES = ['in_person', 'online', 'phone'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = { in_person: 'In person', online: 'Online (video)', phone: 'By phone' };

/** Where an in-person meeting happens. */
export const MEETING_PLACES = ['venue', 'home', 'prison', 'office'] as const;
export type MeetingPlace = (typeof MEETING_PLACES)[number];
export const MEETING_PLACE_LABELS: Record<MeetingPlace, string> = {
  venue: 'At a venue',
  home: 'At the party’s home',
  prison: 'In prison (arranged through the offender manager)',
  office: 'At the service’s office',
};

export const MEETING_STATUSES = ['booked', 'held', 'cancelled', 'no_show'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  booked: 'Booked',
  held: 'Held',
  cancelled: 'Cancelled',
  no_show: 'Did not take place (no-show)',
};

export const PARTICIPANT_KINDS = ['volunteer', 'party', 'staff', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** An invitee's answer, as iCalendar PARTSTAT names it. */
export const RESPONSES = ['needs_action', 'accepted', 'declined', 'tentative'] as const;
export type Response = (typeof RESPONSES)[number];
export const RESPONSE_LABELS: Record<Response, string> = { needs_action: 'Not yet answered', accepted: 'Accepted', declined: 'Declined', tentative: 'Maybe' };

/** May what a party said in a shuttle session be passed on? */
export const SHARE_PERMISSIONS = ['no', 'yes', 'yes_in_words'] as const;
export type SharePermission = (typeof SHARE_PERMISSIONS)[number];
export const SHARE_PERMISSION_LABELS: Record<SharePermission, string> = {
  no: 'No, not to be passed on',
  yes: 'Yes, as said',
  yes_in_words: 'Yes, in these words only',
};

export const NEXT_STEPS = ['another_joint', 'draft_agreement', 'shuttle', 'follow_up', 'close', 'none'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  another_joint: 'Another joint meeting',
  draft_agreement: 'Draft an agreement',
  shuttle: 'Shuttle mediation',
  follow_up: 'Follow-up',
  close: 'Close the case',
  none: 'No next step yet',
};

export const REQUESTERS = ['party', 'referrer', 'mediator', 'staff'] as const;
export type Requester = (typeof REQUESTERS)[number];
export const REQUESTER_LABELS: Record<Requester, string> = { party: 'A party', referrer: 'The referrer', mediator: 'A mediator', staff: 'Staff' };

export const REQUEST_STATUSES = ['open', 'booked', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = { open: 'Open', booked: 'Meeting booked', declined: 'Declined' };
