import { describe, expect, it } from 'vitest';
import { at, busy, mediator, party, room, slotInput, venue } from './slot-finder.fixtures.ts';
import { checkSlot, explainDay, findSlots, slotBlockers } from './slot-finder.ts';
import type { SlotFinderInput } from './slot-finder.types.ts';

const starts = (input: SlotFinderInput) => findSlots(input).map((s) => s.start);
const days = (input: SlotFinderInput) => [...new Set(findSlots(input).map((s) => s.start.slice(0, 10)))];

describe('findSlots: the basics', () => {
  it('offers the earliest times, two a day spread apart, ten in all, earliest first', () => {
    const slots = findSlots(slotInput());
    expect(slots).toHaveLength(10);
    expect(slots[0]).toEqual({ start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T10:00:00.000Z' });
    expect(slots[1]?.start).toBe('2026-12-07T12:00:00.000Z');
    expect(days(slotInput())).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
    const sorted = [...slots].sort((a, b) => a.start.localeCompare(b.start));
    expect(slots).toEqual(sorted);
  });

  it('honours limit and perDay', () => {
    expect(findSlots(slotInput({ limit: 3, perDay: 1 })).map((s) => s.start.slice(0, 10))).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
  });

  it('starts on the step and never in the past', () => {
    const input = slotInput({ from: '2026-12-04', now: at('2026-12-04T10:07:00Z') });
    expect(findSlots(input)[0]?.start).toBe('2026-12-04T10:15:00.000Z');
    expect(starts(slotInput({ from: '2026-12-01', now: at('2026-12-04T10:07:00Z'), policy: { ...slotInput().policy, stepMinutes: 30 } }))[0]).toBe(
      '2026-12-04T10:30:00.000Z',
    );
  });

  it('skips weekends unless the service offers them, and stays within the service’s hours', () => {
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '08:00', to: '22:00' }));
    const people = { mediators: [mediator({ weeklyWindows: allWeek })], parties: [party()] };
    const weekend = { from: '2026-12-12', to: '2026-12-13' };
    expect(findSlots(slotInput({ ...people, ...weekend }))).toEqual([]);
    const open = slotInput({ ...people, ...weekend, policy: { ...slotInput().policy, weekends: true, dayEnds: '18:00' } });
    expect(starts(open)).toEqual(['2026-12-12T09:00:00.000Z', '2026-12-12T12:00:00.000Z', '2026-12-13T09:00:00.000Z', '2026-12-13T12:00:00.000Z']);
    const late = findSlots({ ...open, durationMinutes: 120, perDay: 5 });
    expect(late.every((s) => s.end <= `${s.start.slice(0, 10)}T18:00:00.000Z`)).toBe(true);
    expect(explainDay(slotInput(weekend), '2026-12-12')).toEqual(['Saturday 12 December: the service does not offer meetings at weekends']);
  });

  it('returns nothing for a meeting longer than the service’s day, and says why', () => {
    const input = slotInput({ durationMinutes: 12 * 60 });
    expect(findSlots(input)).toEqual([]);
    expect(slotBlockers(input)).toEqual(['A 720-minute meeting does not fit in the service’s hours (09:00 to 20:00)']);
  });
});

describe('bank holidays (England and Wales)', () => {
  const christmas = slotInput({ from: '2026-12-24', to: '2026-12-31', perDay: 1 });

  it('skips Christmas Day and the Boxing Day substitute, Monday 28 December 2026', () => {
    expect(days(christmas)).toEqual(['2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31']);
    expect(explainDay(christmas, '2026-12-25')).toEqual(['Friday 25 December is a bank holiday (Christmas Day)']);
    expect(explainDay(christmas, '2026-12-28')).toEqual(['Monday 28 December is a bank holiday (Boxing Day (substitute day))']);
  });

  it('skips Good Friday and Easter Monday 2027, and the Spring bank holiday', () => {
    expect(days(slotInput({ from: '2027-03-26', to: '2027-03-30', now: at('2027-03-01T10:00:00Z') }))).toEqual(['2027-03-30']);
    expect(days(slotInput({ from: '2027-05-31', to: '2027-06-01', now: at('2027-05-01T10:00:00Z') }))).toEqual(['2027-06-01']);
    expect(explainDay(slotInput({ from: '2027-05-31', to: '2027-06-01', now: at('2027-05-01T10:00:00Z') }), '2027-05-31')).toEqual([
      'Monday 31 May is a bank holiday (Spring bank holiday)',
    ]);
  });

  it('says so for the bank holiday even when checking one time', () => {
    expect(checkSlot(christmas, { start: at('2026-12-25T10:00:00Z'), end: at('2026-12-25T11:00:00Z') })).toEqual([
      'Friday 25 December is a bank holiday (Christmas Day)',
    ]);
  });
});

describe('British Summer Time', () => {
  it('turns local 09:00 into 08:00 UTC in summer and 09:00 UTC in winter, across the October change', () => {
    const input = slotInput({ from: '2026-10-23', to: '2026-10-26', now: at('2026-10-01T10:00:00Z'), perDay: 1 });
    expect(starts(input)).toEqual(['2026-10-23T08:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });

  it('and across the March change (Sunday 28 March 2027), also on the day itself', () => {
    const sunday = [{ day: 7, from: '09:00', to: '12:00' }, ...[1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '12:00' }))];
    const input = slotInput({
      from: '2027-03-25',
      to: '2027-03-30',
      now: at('2027-03-01T10:00:00Z'),
      perDay: 1,
      policy: { ...slotInput().policy, weekends: true },
      mediators: [mediator({ weeklyWindows: sunday })],
    });
    expect(starts(input)).toEqual(['2027-03-25T09:00:00.000Z', '2027-03-28T08:00:00.000Z', '2027-03-30T08:00:00.000Z']);
  });

  it('keeps a busy time in UTC: an 08:00–09:00 UTC booking in July is 09:00–10:00 local', () => {
    const input = slotInput({
      from: '2027-07-05',
      to: '2027-07-05',
      now: at('2027-07-01T10:00:00Z'),
      mediators: [mediator({ busy: [busy('2027-07-05T08:00:00Z', '2027-07-05T09:00:00Z')] })],
      parties: [],
    });
    expect(starts(input)[0]).toBe('2027-07-05T09:00:00.000Z');
  });
});

describe('SEND notice', () => {
  const send = slotInput({ isSend: true, from: '2026-12-04', perDay: 1 });

  it('needs five working days’ notice: from Friday 4 December the earliest date is Friday 11 December', () => {
    expect(days(send)[0]).toBe('2026-12-11');
    expect(explainDay(send, '2026-12-10')).toEqual([
      'Too soon: a SEND meeting needs 5 working days’ notice, so the earliest date is Friday 11 December, unless the parent or young person agrees to shorter notice',
    ]);
    expect(checkSlot(send, { start: at('2026-12-08T10:00:00Z'), end: at('2026-12-08T11:00:00Z') })[0]).toMatch(/^Too soon/);
  });

  it('counts bank holidays out of the notice', () => {
    const input = slotInput({ isSend: true, from: '2026-12-21', to: '2027-01-15', now: at('2026-12-21T10:00:00Z'), perDay: 1 });
    expect(days(input)[0]).toBe('2026-12-30');
  });

  it('allows shorter notice when it was agreed, and follows the service’s number of days', () => {
    expect(days({ ...send, shortNoticeAgreed: true })[0]).toBe('2026-12-04');
    expect(days({ ...send, policy: { ...send.policy, sendNoticeWorkingDays: 2 } })[0]).toBe('2026-12-08');
  });
});

describe('notices', () => {
  const notice = { text: 'Home visits paused while staff are unwell', from: '2026-12-01', to: '2026-12-14', homeVisitsSuspended: true };

  it('allows no home visit while they are suspended, but other places as usual', () => {
    const home = slotInput({ mode: 'in_person', place: 'home', notices: [notice], perDay: 1 });
    expect(days(home)[0]).toBe('2026-12-15');
    expect(explainDay(home, '2026-12-08')).toEqual(['Home visits are suspended from 1 to 14 December (notice: Home visits paused while staff are unwell)']);
    expect(days({ ...home, place: 'prison' })[0]).toBe('2026-12-07');
    expect(days({ ...home, mode: 'online', place: null })[0]).toBe('2026-12-07');
  });

  it('treats a notice without an end as running until further notice', () => {
    const home = slotInput({ mode: 'in_person', place: 'home', notices: [{ ...notice, to: undefined }] });
    expect(findSlots(home)).toEqual([]);
    expect(explainDay(home, '2026-12-08')[0]).toBe(
      'Home visits are suspended from 1 December until further notice (notice: Home visits paused while staff are unwell)',
    );
  });

  it('allows no office meeting while the office is closed', () => {
    const office = slotInput({
      mode: 'in_person',
      place: 'office',
      notices: [{ text: 'Office move', from: '2026-12-07', to: '2026-12-08', homeVisitsSuspended: false, officeClosed: true }],
    });
    expect(days(office)[0]).toBe('2026-12-09');
  });
});

describe('mediators and parties', () => {
  it('leaves out the days a mediator is away, and says so', () => {
    const input = slotInput({ mediators: [mediator({ away: [{ from: '2026-12-07', to: '2026-12-09' }] })], perDay: 1 });
    expect(days(input)[0]).toBe('2026-12-10');
    expect(explainDay(input, '2026-12-08')).toEqual([
      'Alex Example (mediator) is away from 7 to 9 December',
      'Sam Example’s times were not recorded at intake, so any time in the service’s hours was assumed',
      'Chris Example’s times were not recorded at intake, so any time in the service’s hours was assumed',
    ]);
  });

  it('keeps to the times a party gave at intake', () => {
    const evenings = [2, 4].map((day) => ({ day, from: '17:00', to: '21:00' }));
    const input = slotInput({ mediators: [mediator({ weeklyWindows: [] })], parties: [party({ weeklyWindows: evenings })] });
    expect(starts({ ...input, perDay: 1 })).toEqual([
      '2026-12-08T17:00:00.000Z',
      '2026-12-10T17:00:00.000Z',
      '2026-12-15T17:00:00.000Z',
      '2026-12-17T17:00:00.000Z',
    ]);
    expect(starts(input).slice(0, 2)).toEqual(['2026-12-08T17:00:00.000Z', '2026-12-08T18:00:00.000Z']);
    expect(explainDay(input, '2026-12-07')[0]).toBe('Sam Example has said they can only meet on Tuesday and Thursday evenings');
  });

  it('says when a mediator does not work that day', () => {
    const input = slotInput({ mediators: [mediator({ weeklyWindows: [1, 3].map((day) => ({ day, from: '09:00', to: '13:00' })) })], parties: [] });
    expect(explainDay(input, '2026-12-08')).toEqual(['Alex Example (mediator) does not usually work on Tuesdays: they work Monday and Wednesday mornings']);
  });

  it('avoids everyone’s other meetings', () => {
    const input = slotInput({
      mediators: [mediator({ busy: [busy('2026-12-07T09:00:00Z', '2026-12-07T10:30:00Z')] })],
      parties: [party({ busy: [busy('2026-12-07T10:30:00Z', '2026-12-07T11:00:00Z')] })],
    });
    expect(starts(input).slice(0, 2)).toEqual(['2026-12-07T11:00:00.000Z', '2026-12-07T14:00:00.000Z']);
  });

  it('allows travel time around a mediator’s in-person meetings when this one is in person too', () => {
    const booked = [busy('2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z', true)];
    const input = slotInput({ mediators: [mediator({ busy: booked })], parties: [], perDay: 1, to: '2026-12-07' });
    expect(starts(input)).toEqual(['2026-12-07T10:00:00.000Z']);
    expect(starts({ ...input, mode: 'in_person', place: 'prison' })).toEqual(['2026-12-07T10:30:00.000Z']);
    const online = [busy('2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z', false)];
    expect(starts({ ...input, mode: 'in_person', place: 'prison', mediators: [mediator({ busy: online })] })).toEqual(['2026-12-07T10:00:00.000Z']);
    const check = checkSlot({ ...input, mode: 'in_person', place: 'prison' }, { start: at('2026-12-07T10:00:00Z'), end: at('2026-12-07T11:00:00Z') });
    expect(check).toEqual(['Alex Example (mediator) needs 30 minutes to travel between in-person meetings']);
  });

  it('ignores the meeting being moved', () => {
    const own = { ...busy('2026-12-07T09:00:00Z', '2026-12-07T17:00:00Z'), meetingId: 'mt1' };
    const input = slotInput({ mediators: [mediator({ busy: [own] })], to: '2026-12-07' });
    expect(findSlots(input)).toEqual([]);
    expect(starts({ ...input, ignoreMeetingId: 'mt1' })[0]).toBe('2026-12-07T09:00:00.000Z');
  });

  it('finds no time at all when a chosen party has withdrawn consent, and says why', () => {
    const input = slotInput({ parties: [party({ consentWithdrawn: true })] });
    expect(findSlots(input)).toEqual([]);
    expect(explainDay(input, '2026-12-08')[0]).toBe('Sam Example has withdrawn consent, so they cannot be booked into a meeting');
    expect(checkSlot(input, { start: at('2026-12-08T10:00:00Z'), end: at('2026-12-08T11:00:00Z') })).toEqual([
      'Sam Example has withdrawn consent, so they cannot be booked into a meeting',
    ]);
  });

  it('explains a day when everyone is free but never at the same time', () => {
    const input = slotInput({
      mediators: [mediator({ weeklyWindows: [{ day: 1, from: '10:00', to: '12:00' }] })],
      parties: [party({ weeklyWindows: [{ day: 1, from: '18:00', to: '20:00' }] })],
    });
    expect(explainDay(input, '2026-12-07')).toEqual([
      'No 60-minute time suits everyone: Alex Example (mediator) is free 10:00–12:00; Sam Example is free 18:00–20:00',
    ]);
  });

  it('explains a day taken up by bookings', () => {
    const input = slotInput({
      mediators: [mediator({ weeklyWindows: [{ day: 1, from: '10:00', to: '12:00' }], busy: [busy('2026-12-07T10:00:00Z', '2026-12-07T11:30:00Z')] })],
      parties: [],
    });
    expect(explainDay(input, '2026-12-07')).toEqual(['Alex Example (mediator) is already booked at the times they are free (10:00–11:30)']);
    expect(explainDay(input, '2026-12-14')).toEqual([]);
  });
});

describe('venues and rooms', () => {
  const atVenue = (over: Partial<SlotFinderInput> = {}) => slotInput({ mode: 'in_person', place: 'venue', venues: [venue()], perDay: 1, ...over });

  it('books the smallest room that holds everyone, and says which', () => {
    const rooms = [
      room({ id: 'big', name: 'Main hall', capacity: 30 }),
      room({ id: 'small', name: 'Side room', capacity: 4 }),
      room({ id: 'mid', name: 'Room 2', capacity: 6 }),
    ];
    expect(findSlots(atVenue({ venues: [venue({ rooms })], participantCount: 5 }))[0]).toEqual({
      start: '2026-12-07T09:00:00.000Z',
      end: '2026-12-07T10:00:00.000Z',
      venueId: 'v1',
      roomId: 'mid',
    });
  });

  it('needs a room with a separate waiting room for a shuttle session', () => {
    const rooms = [room({ id: 'open' }), room({ id: 'quiet', separateWaitingRoom: true, capacity: 8 })];
    expect(findSlots(atVenue({ kind: 'shuttle', venues: [venue({ rooms })] }))[0]?.roomId).toBe('quiet');
    const none = atVenue({ kind: 'shuttle' });
    expect(findSlots(none)).toEqual([]);
    expect(slotBlockers(none)).toEqual(['No room at Riverside Hall that holds 4 people has a separate waiting room, which a shuttle session needs']);
  });

  it('needs a room big enough', () => {
    const input = atVenue({ participantCount: 8 });
    expect(slotBlockers(input)).toEqual(['No room at Riverside Hall holds 8 people']);
  });

  it('keeps to opening hours and closed dates, and avoids booked rooms', () => {
    const v = venue({
      openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, from: '10:00', to: '16:00' })),
      closedDates: ['2026-12-07'],
      rooms: [room({ bookings: [{ start: at('2026-12-08T10:00:00Z'), end: at('2026-12-08T15:30:00Z') }] })],
    });
    const input = atVenue({ venues: [v], from: '2026-12-07', to: '2026-12-09' });
    expect(starts(input)).toEqual(['2026-12-09T10:00:00.000Z']);
    expect(explainDay(input, '2026-12-07')).toEqual([
      'Riverside Hall is closed on Monday 7 December',
      expect.stringContaining('not recorded'),
      expect.stringContaining('not recorded'),
    ]);
    expect(explainDay(input, '2026-12-08')[0]).toBe('No room at Riverside Hall is free and open');
    expect(checkSlot(input, { start: at('2026-12-08T11:00:00Z'), end: at('2026-12-08T12:00:00Z'), venueId: 'v1', roomId: 'r1' })).toEqual([
      'Room 1 at Riverside Hall is booked then',
    ]);
    expect(checkSlot(input, { start: at('2026-12-09T16:00:00Z'), end: at('2026-12-09T17:00:00Z'), venueId: 'v1', roomId: 'r1' })).toEqual([
      'Riverside Hall is open only 10:00 to 16:00 on Wednesdays',
    ]);
  });

  it('explains a room that is free only when someone is not', () => {
    const v = venue({ rooms: [room({ bookings: [{ start: at('2026-12-07T09:00:00Z'), end: at('2026-12-07T12:00:00Z') }] })] });
    const input = atVenue({ venues: [v], to: '2026-12-07', mediators: [mediator({ weeklyWindows: [{ day: 1, from: '09:00', to: '12:00' }] })], parties: [] });
    expect(explainDay(input, '2026-12-07')).toEqual(['No room at Riverside Hall is free and open when everyone is (09:00–12:00)']);
  });

  it('says there is no venue when none is given', () => {
    expect(slotBlockers(atVenue({ venues: [] }))).toEqual(['There is no venue to meet at: add one, or choose another place']);
  });
});

describe('checkSlot', () => {
  it('accepts a time that fits and lists everything wrong with one that does not', () => {
    const input = slotInput({ parties: [party({ weeklyWindows: [{ day: 2, from: '17:00', to: '21:00' }] })] });
    expect(checkSlot(input, { start: at('2026-12-08T17:00:00Z'), end: at('2026-12-08T18:00:00Z') })).toEqual([
      'Alex Example (mediator) is not usually free then: they work Monday, Tuesday, Wednesday, Thursday and Friday 09:00–17:00',
      'Jo Example (mediator) is not usually free then: they work Monday, Tuesday, Wednesday, Thursday and Friday 09:00–17:00',
    ]);
    const fits = slotInput();
    expect(checkSlot(fits, { start: at('2026-12-08T10:00:00Z'), end: at('2026-12-08T11:00:00Z') })).toEqual([]);
    expect(checkSlot(fits, { start: at('2026-12-08T19:30:00Z'), end: at('2026-12-08T20:30:00Z') })).toContain(
      '19:30 to 20:30 is outside the service’s hours (09:00 to 20:00)',
    );
    expect(checkSlot(fits, { start: at('2026-12-03T10:00:00Z'), end: at('2026-12-03T11:00:00Z') })).toContain('This time has already passed');
    expect(checkSlot(fits, { start: at('2026-12-08T10:00:00Z'), end: at('2026-12-08T10:00:00Z') })).toEqual(['The meeting must end after it starts']);
  });
});
