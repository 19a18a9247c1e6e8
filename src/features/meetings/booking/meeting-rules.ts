// Pure: may a meeting be booked (or moved) at this time, in this place, with these people? Each rule that is broken
// gives its reason in words, against the form field it is about; the service gathers the facts in one transaction
// (after locking the room and the people) and refuses with every reason at once. The service's rules about days and
// places (SEND notice, notices, venue hours, room fit) are checked by service-rules.ts, as the slot finder checks them.
import { msg } from '#src/i18n/i18n.ts';
import { type CaseStatus, ENDED_STATUSES } from '#src/domain/case-words.ts';
import { londonParts, whenInWords } from '#src/domain/meeting-times.ts';
import {
  noticeProblems,
  type RoomFit,
  roomFitProblems,
  type ServiceNotice,
  sendEarliestDate,
  sendNoticeProblem,
  type VenueHours,
  venueHoursProblem,
} from '../slots/service-rules.ts';

/** The venue and room of a meeting at a venue: the venue's hours (name is the venue's), the room's size and waiting room. */
export type BookingVenue = VenueHours & Omit<RoomFit, 'venueName'>;
export type Busy = { startsAt: Date; endsAt: Date };

export type BookingFacts = {
  now: Date;
  start: Date;
  end: Date;
  kind: string;
  mode: string;
  place: string | null;
  caseKind: string;
  caseStatus: string;
  /** Everyone invited: mediators, parties and others. */
  invited: number;
  sendNoticeWorkingDays: number;
  shortNoticeAgreed: boolean;
  notices: readonly ServiceNotice[];
  venue?: BookingVenue;
  /** Chosen parties who have withdrawn their consent. */
  withdrawn: readonly { name: string }[];
  /** Other booked meetings in the room at an overlapping time. */
  roomClashes: readonly Busy[];
  /** Chosen mediators and parties already in another booked meeting at an overlapping time. */
  peopleClashes: readonly (Busy & { name: string; kind: 'volunteer' | 'party' })[];
};

export type BookingProblem = { field: string; message: string };

/** How far ahead a meeting may be booked. */
export const MAX_YEARS_AHEAD = 2;

const ENDED_WORDS: Partial<Record<CaseStatus, string>> = {
  closed: msg('This case is closed'),
  withdrawn: msg('This case was withdrawn'),
  unsuitable: msg('This case was found unsuitable for mediation'),
};

/** Why no meeting may be booked or moved on a case with this status (closed, withdrawn, unsuitable), or undefined. */
export function caseEndedProblem(status: string): string | undefined {
  if (!(ENDED_STATUSES as readonly string[]).includes(status)) return undefined;
  return `${ENDED_WORDS[status as CaseStatus] ?? 'This case has ended'}: meetings cannot be booked on it`;
}

/** The latest start that may be booked from `now`: the same date and time, MAX_YEARS_AHEAD years on. */
export function latestStart(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  return latest;
}

/** Every reason the meeting cannot be booked as asked; empty when it can. A case that has ended gives only that. */
export function bookingProblems(f: BookingFacts): BookingProblem[] {
  const ended = caseEndedProblem(f.caseStatus);
  if (ended) return [{ field: '_', message: ended }];
  const problems: BookingProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const s = f.start.getTime();
  const e = f.end.getTime();
  if (e <= s) add('durationMinutes', 'The meeting must end after it starts');
  if (s <= f.now.getTime()) add('date', 'The meeting must start in the future');
  else if (s > latestStart(f.now).getTime()) add('date', `The meeting must start within ${MAX_YEARS_AHEAD} years from today`);

  for (const p of f.withdrawn) add('partyIds', `${p.name} has withdrawn their consent, so cannot be invited to a meeting`);

  const today = londonParts(f.now).date;
  const date = londonParts(f.start).date;
  const earliest = sendEarliestDate({
    isSend: f.caseKind === 'send',
    shortNoticeAgreed: f.shortNoticeAgreed,
    workingDays: f.sendNoticeWorkingDays,
    today,
  });
  const tooSoon = sendNoticeProblem(date, earliest, f.sendNoticeWorkingDays, today);
  if (tooSoon) add('date', tooSoon);

  if (f.mode === 'in_person') for (const reason of noticeProblems(f.place, f.notices, date, today)) add('place', reason);

  if (f.venue) {
    for (const reason of roomFitProblems({ ...f.venue, venueName: f.venue.name }, f.kind, f.invited)) add('roomId', reason);
    const closed = venueHoursProblem(f.venue, s, e, today);
    if (closed) add('roomId', closed);
    for (const c of f.roomClashes)
      add('roomId', `${f.venue.roomName} at ${f.venue.name} is already booked on ${whenInWords(c.startsAt, c.endsAt, { year: false })}`);
  }

  for (const c of f.peopleClashes)
    add(
      c.kind === 'volunteer' ? 'volunteerIds' : 'partyIds',
      `${c.name} is already in another meeting on ${whenInWords(c.startsAt, c.endsAt, { year: false })}`,
    );
  return problems;
}

/** The problems as form fields: the messages about one field joined, in the order found. */
export function problemFields(problems: readonly BookingProblem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] = fields[p.field] ? `${fields[p.field]}. ${p.message}` : p.message;
  return fields;
}
