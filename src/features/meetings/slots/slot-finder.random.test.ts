// The finder against the slow way: for made-up busy calendars, every time found passes checkSlot, and no earlier
// time on the step within the dates passes it — so the finder and the check keep to the same rules.
import { describe, expect, it } from 'vitest';
import { mediator, party, room, slotInput, venue } from './slot-finder.fixtures.ts';
import { checkSlot, findSlots } from './slot-finder.ts';
import type { Busy, SlotFinderInput } from './slot-finder.types.ts';

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function randomInput(seed: number): SlotFinderInput {
  const r = random(seed);
  const bookings = (n: number, inPerson: boolean): Busy[] =>
    Array.from({ length: n }, () => {
      const start = Date.UTC(2027, 2, 22 + Math.floor(r() * 14), 8 + Math.floor(r() * 11), Math.floor(r() * 4) * 15);
      return { start: new Date(start), end: new Date(start + (30 + Math.floor(r() * 5) * 30) * 60_000), inPerson: inPerson && r() < 0.6 };
    });
  const windows = () =>
    [1, 2, 3, 4, 5, 6].filter(() => r() < 0.7).map((day) => (r() < 0.5 ? { day, from: '09:00', to: '13:00' } : { day, from: '13:00', to: '21:00' }));
  const atVenue = r() < 0.5;
  return slotInput({
    from: '2027-03-22',
    to: '2027-04-04',
    now: new Date('2027-03-19T15:00:00Z'),
    durationMinutes: [45, 60, 90, 120][Math.floor(r() * 4)]!,
    mode: atVenue || r() < 0.5 ? 'in_person' : 'online',
    place: atVenue ? 'venue' : 'prison',
    policy: { dayStarts: '09:00', dayEnds: '20:00', weekends: r() < 0.5, travelMinutes: 30, sendNoticeWorkingDays: 5, stepMinutes: r() < 0.5 ? 15 : 30 },
    isSend: r() < 0.3,
    mediators: [
      mediator({ weeklyWindows: windows(), busy: bookings(6, true) }),
      mediator({ id: 'm2', name: 'Jo Example', weeklyWindows: windows(), busy: bookings(6, true) }),
    ],
    parties: [
      party({ weeklyWindows: r() < 0.3 ? [] : windows(), busy: bookings(2, false) }),
      party({ id: 'p2', name: 'Chris Example', busy: bookings(2, false) }),
    ],
    venues: [venue({ rooms: [1, 2, 3].map((i) => room({ id: `r${i}`, name: `Room ${i}`, bookings: bookings(10, false) })) })],
  });
}

describe('findSlots agrees with checkSlot', () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('seed %i', (seed) => {
    const input = randomInput(seed);
    const slots = findSlots(input);
    for (const s of slots) {
      expect(checkSlot(input, { start: new Date(s.start), end: new Date(s.end), venueId: s.venueId, roomId: s.roomId })).toEqual([]);
    }
    const stepMs = input.policy.stepMinutes * 60_000;
    const first = slots[0] ? Date.parse(slots[0].start) : Date.parse('2027-04-05T00:00:00Z');
    for (let t = Date.parse('2027-03-22T00:00:00Z'); t < first; t += stepMs) {
      expect(checkSlot(input, { start: new Date(t), end: new Date(t + input.durationMinutes * 60_000) }), new Date(t).toISOString()).not.toEqual([]);
    }
  });
});
