import { describe, expect, it } from 'vitest';
import { type AppointmentAsk, type AppointmentFacts, appointmentProblems } from './appointment-rules.ts';

const VENUE = '00000000-0000-4000-8000-000000000001';
const STAFF = '00000000-0000-4000-8000-000000000002';
const facts: AppointmentFacts = {
  now: new Date('2026-12-03T09:00:00Z'),
  venues: [
    { id: VENUE, archived: false },
    { id: 'archived', archived: true },
  ],
  staff: [
    { userId: STAFF, active: true },
    { userId: 'gone', active: false },
  ],
  enquirerPhone: '01632 960123',
  hasVideoTemplate: false,
  alreadyBooked: false,
};
const ask: AppointmentAsk = { mode: 'in_person', start: new Date('2026-12-15T10:00:00Z'), durationMinutes: 45, venueId: VENUE, staffUserId: STAFF };

describe('appointmentProblems', () => {
  it('accepts a future slot at an open venue with a member of staff', () => {
    expect(appointmentProblems(ask, facts)).toEqual({});
  });

  it('refuses a slot in the past or now, by the date field', () => {
    expect(appointmentProblems({ ...ask, start: new Date('2026-12-03T09:00:00Z') }, facts)).toEqual({ date: 'The appointment must be in the future' });
    expect(appointmentProblems({ ...ask, start: new Date('2026-11-30T10:00:00Z') }, facts).date).toBeDefined();
  });

  it('refuses one that runs past midnight', () => {
    expect(appointmentProblems({ ...ask, start: new Date('2026-12-15T23:30:00Z'), durationMinutes: 60 }, facts)).toEqual({
      durationMinutes: 'The appointment must end on the day it starts',
    });
  });

  it('needs an open venue, a number to ring, a video link, and a current member of staff', () => {
    expect(appointmentProblems({ ...ask, venueId: undefined }, facts).venueId).toBe('Choose the venue');
    expect(appointmentProblems({ ...ask, venueId: 'archived' }, facts).venueId).toBe('Choose one of the service’s open venues');
    expect(appointmentProblems({ ...ask, mode: 'phone' }, facts)).toEqual({});
    expect(appointmentProblems({ ...ask, mode: 'phone' }, { ...facts, enquirerPhone: null }).phone).toMatch(/phone number to ring/);
    expect(appointmentProblems({ ...ask, mode: 'online' }, facts).videoLink).toMatch(/Paste the link/);
    expect(appointmentProblems({ ...ask, mode: 'online' }, { ...facts, hasVideoTemplate: true })).toEqual({});
    expect(appointmentProblems({ ...ask, staffUserId: 'gone' }, facts).staffUserId).toBe('Choose who from the service will see them');
  });

  it('refuses a second appointment while one is booked', () => {
    expect(appointmentProblems(ask, { ...facts, alreadyBooked: true })._).toMatch(/has an appointment already/);
  });
});
