// Test fixtures for the slot finder: a small service with one mediator pair, two parties and a venue, all free by
// default, so each test adds only what it is about. Names are made up.
import type { SlotFinderInput, SlotMediator, SlotParty, SlotRoom, SlotVenue } from './slot-finder.types.ts';

export const WEEKDAYS_ALL_DAY = [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' }));

export function mediator(over: Partial<SlotMediator> = {}): SlotMediator {
  return { id: 'm1', name: 'Alex Example', weeklyWindows: WEEKDAYS_ALL_DAY, away: [], busy: [], ...over };
}

export function party(over: Partial<SlotParty> = {}): SlotParty {
  return { id: 'p1', name: 'Sam Example', weeklyWindows: [], busy: [], consentWithdrawn: false, ...over };
}

export function room(over: Partial<SlotRoom> = {}): SlotRoom {
  return { id: 'r1', name: 'Room 1', capacity: 6, separateWaitingRoom: false, bookings: [], ...over };
}

export function venue(over: Partial<SlotVenue> = {}): SlotVenue {
  return { id: 'v1', name: 'Riverside Hall', openingHours: [], closedDates: [], rooms: [room()], ...over };
}

/** Friday 4 December 2026, 10:00 in London: an online 60-minute joint meeting for the week after. */
export function slotInput(over: Partial<SlotFinderInput> = {}): SlotFinderInput {
  return {
    kind: 'joint',
    mode: 'online',
    place: null,
    durationMinutes: 60,
    from: '2026-12-07',
    to: '2026-12-18',
    now: new Date('2026-12-04T10:00:00Z'),
    policy: { dayStarts: '09:00', dayEnds: '20:00', weekends: false, travelMinutes: 30, sendNoticeWorkingDays: 5, stepMinutes: 15 },
    isSend: false,
    shortNoticeAgreed: false,
    notices: [],
    mediators: [mediator(), mediator({ id: 'm2', name: 'Jo Example' })],
    parties: [party(), party({ id: 'p2', name: 'Chris Example' })],
    venues: [],
    ...over,
  };
}

export const at = (iso: string) => new Date(iso);
export const busy = (start: string, end: string, inPerson = false) => ({ start: at(start), end: at(end), inPerson });
