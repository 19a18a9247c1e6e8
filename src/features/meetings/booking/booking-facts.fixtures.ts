// Test fixtures for the booking rules: a joint community meeting at a venue, nothing in its way, so each test gives
// only the times and what it is about.
import type { BookingFacts } from './meeting-rules.ts';

export function bookingFacts(over: Pick<BookingFacts, 'now' | 'start' | 'end'> & Partial<BookingFacts>): BookingFacts {
  return {
    kind: 'joint',
    mode: 'in_person',
    place: 'venue',
    caseKind: 'community',
    caseStatus: 'mediation',
    invited: 4,
    sendNoticeWorkingDays: 5,
    shortNoticeAgreed: false,
    notices: [],
    withdrawn: [],
    roomClashes: [],
    peopleClashes: [],
    ...over,
  };
}
