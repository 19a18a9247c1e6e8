import { describe, expect, it } from 'vitest';
import { type FeedMeeting, feedEvents, feedLocation } from './feed-events.ts';

const meeting = (more: Partial<FeedMeeting>): FeedMeeting => ({
  id: 'm1',
  caseId: 'c1',
  caseReference: 'REF-2026-0001',
  kind: 'joint',
  mode: 'in_person',
  place: 'venue',
  venueName: 'Riverside Hall',
  venueAddress: '1 River Street\nExampletown',
  roomName: 'Room 1',
  startsAt: new Date('2026-03-17T10:00:00Z'),
  endsAt: new Date('2026-03-17T11:00:00Z'),
  status: 'booked',
  icsUid: 'm1@parley',
  sequence: 3,
  updatedAt: new Date('2026-03-10T09:00:00Z'),
  ...more,
});

describe('the calendar feed’s events', () => {
  it('say where in full only for a venue', () => {
    expect(feedLocation(meeting({}))).toBe('Riverside Hall (Room 1), 1 River Street, Exampletown');
    expect(feedLocation(meeting({ place: 'home' }))).toBe('Home visit – address in Parley');
    expect(feedLocation(meeting({ place: 'prison' }))).toBe('Prison – details in Parley');
    expect(feedLocation(meeting({ place: 'office' }))).toBe('The service’s office');
    expect(feedLocation(meeting({ mode: 'phone', place: null }))).toBe('By phone – details in Parley');
    expect(feedLocation(meeting({ mode: 'online', place: null }))).toBe('Online – join from the meeting page in Parley');
  });

  it('carry the meeting’s UID, sequence, kind, case reference and link, and mark cancellations', () => {
    const [booked, cancelled] = feedEvents(
      [meeting({}), meeting({ id: 'm2', icsUid: 'm2@parley', status: 'cancelled', kind: 'intake_visit', place: 'home' })],
      'https://parley.example',
    );
    expect(booked).toMatchObject({
      uid: 'm1@parley',
      sequence: 3,
      summary: 'Joint meeting – REF-2026-0001',
      url: 'https://parley.example/cases/c1/meetings/m1',
      cancelled: false,
      stamp: new Date('2026-03-10T09:00:00Z'),
    });
    expect(cancelled).toMatchObject({ summary: 'Intake visit – REF-2026-0001', cancelled: true, location: 'Home visit – address in Parley' });
  });
});
