// What the slot finder needs to know, already read from the database (slot-inputs.repo.ts). The rules themselves
// (slot-finder.ts) are pure: the same input always gives the same times, on the page, in the API and at booking.
// Dates are "YYYY-MM-DD" and weekly windows "HH:MM", both Europe/London local time; instants are Dates (UTC).
import type { WeeklyWindow } from '#src/db/schema/volunteers.ts';
import type { MeetingKind, MeetingMode, MeetingPlace } from '#src/domain/meeting-words.ts';
import type { Translate } from '#src/i18n/i18n.ts';

/** A time someone is already taken. In-person bookings need travel time around another in-person meeting. */
export type Busy = { start: Date; end: Date; inPerson: boolean; meetingId?: string };

export type SlotMediator = {
  id: string;
  name: string;
  /** Usual working times; empty means none recorded (then free within the service's hours). */
  weeklyWindows: readonly WeeklyWindow[];
  /** Inclusive dates away. */
  away: readonly { from: string; to: string }[];
  busy: readonly Busy[];
};

export type SlotParty = {
  id: string;
  name: string;
  /** When they said at intake they can meet; empty means not recorded (then free within the service's hours). */
  weeklyWindows: readonly WeeklyWindow[];
  busy: readonly Busy[];
  consentWithdrawn: boolean;
};

export type SlotRoom = {
  id: string;
  name: string;
  capacity: number;
  separateWaitingRoom: boolean;
  bookings: readonly { start: Date; end: Date; meetingId?: string }[];
};

export type SlotVenue = {
  id: string;
  name: string;
  /** Empty means opening hours not recorded: open whenever the service offers meetings. */
  openingHours: readonly WeeklyWindow[];
  closedDates: readonly string[];
  rooms: readonly SlotRoom[];
};

export type SlotNotice = { text: string; from?: string; to?: string; homeVisitsSuspended: boolean; officeClosed?: boolean };

export type SlotPolicy = {
  dayStarts: string;
  dayEnds: string;
  weekends: boolean;
  travelMinutes: number;
  sendNoticeWorkingDays: number;
  /** Times start on the quarter hour (15) or half hour (30); must divide 60. */
  stepMinutes: number;
};

export type SlotFinderInput = {
  kind: MeetingKind;
  mode: MeetingMode;
  /** Where an in-person meeting happens; null for online and phone. */
  place: MeetingPlace | null;
  durationMinutes: number;
  /** The dates to search, inclusive. */
  from: string;
  to: string;
  now: Date;
  policy: SlotPolicy;
  isSend: boolean;
  shortNoticeAgreed: boolean;
  notices: readonly SlotNotice[];
  mediators: readonly SlotMediator[];
  parties: readonly SlotParty[];
  /** The venues to consider when place is 'venue' (one, when the venue was chosen). */
  venues: readonly SlotVenue[];
  /** How many people the room must hold; defaults to mediators + parties. */
  participantCount?: number;
  /** When moving a meeting: its own bookings do not count as busy. */
  ignoreMeetingId?: string;
  /** At most this many times (default 10), and at most perDay on one day (default 2). */
  limit?: number;
  perDay?: number;
  /** The reader's words for the reasons; English by default. */
  t?: Translate;
};

/** A time that fits: UTC instants as ISO strings, and the room when the meeting is at a venue. */
export type FoundSlot = { start: string; end: string; venueId?: string; roomId?: string };

/** A time to check: the meeting's start and end, and its room when at a venue. */
export type SlotToCheck = { start: Date; end: Date; venueId?: string | null; roomId?: string | null };
