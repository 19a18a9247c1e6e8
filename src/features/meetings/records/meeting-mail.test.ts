import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_POLICY } from '#src/features/settings/meeting-policy.ts';
import { type MeetingMailInput, meetingMessage } from './meeting-mail.ts';
import { whenInWords } from '#src/features/email/mail-words.ts';

const robin = { participantId: 'p-1', name: 'Robin Example', email: 'robin@example.org', response: 'needs_action' };
const kit = { participantId: 'p-2', name: 'Kit Sample', email: 'kit@example.net', response: 'accepted' };

function input(over: Partial<MeetingMailInput> = {}, meeting: Partial<MeetingMailInput['meeting']> = {}): MeetingMailInput {
  return {
    orgId: '00000000-0000-4000-8000-000000000001',
    service: { name: 'Alpha Mediation', email: 'office@alpha.example', phone: '01632 960000' },
    policy: DEFAULT_MEETING_POLICY,
    change: 'invitation',
    meeting: {
      id: '00000000-0000-4000-8000-0000000000aa',
      caseId: '00000000-0000-4000-8000-0000000000bb',
      caseReference: 'AM-2026-0042',
      kind: 'joint',
      mode: 'in_person',
      startsAt: new Date('2026-12-15T10:00:00Z'),
      endsAt: new Date('2026-12-15T11:30:00Z'),
      icsUid: 'meeting-aa@parley.invalid',
      sequence: 0,
      where: 'Riverside Community Centre, 1 River Road, Room 2',
      videoLink: null,
      ...meeting,
    },
    recipients: [robin, kit],
    ...over,
  };
}

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase()),
    organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase(),
  };
}

describe('whenInWords', () => {
  it('says a winter (GMT) and a summer (BST) meeting in London time', () => {
    expect(whenInWords(new Date('2026-12-15T10:00:00Z'), new Date('2026-12-15T11:30:00Z'))).toBe('Tuesday 15 December 2026, 10:00 to 11:30');
    expect(whenInWords(new Date('2026-06-16T09:00:00Z'), new Date('2026-06-16T10:00:00Z'))).toBe('Tuesday 16 June 2026, 10:00 to 11:00');
  });

  it('names the end’s day when it is another day', () => {
    expect(whenInWords(new Date('2026-12-15T23:00:00Z'), new Date('2026-12-16T00:30:00Z'))).toBe(
      'Tuesday 15 December 2026, 23:00 to Wednesday 16 December 2026, 00:30',
    );
  });
});

describe('meetingMessage', () => {
  it('invites one recipient with a REQUEST that names only them, in UTC for a GMT meeting', () => {
    const m = meetingMessage(input(), robin);
    expect(m.template).toBe('meeting_invitation');
    expect(m.icsMethod).toBe('REQUEST');
    const ics = parse(m.ics);
    expect(ics).toMatchObject({
      method: 'REQUEST',
      uid: 'meeting-aa@parley.invalid',
      sequence: 0,
      start: '2026-12-15T10:00:00.000Z',
      end: '2026-12-15T11:30:00.000Z',
    });
    expect(ics.attendees).toEqual(['mailto:robin@example.org']);
    expect(ics.organizer).toBe('mailto:office@alpha.example');
  });

  it('asks for a reply only when the service has its own address to receive it', () => {
    expect(meetingMessage(input(), robin).ics).toMatch(/RSVP=TRUE/);
    const noAddress = meetingMessage(input({ service: { name: 'Alpha Mediation', email: null, phone: '01632 960000' } }), robin);
    expect(noAddress.ics).not.toMatch(/RSVP=TRUE/);
  });

  it('puts a BST meeting at the right UTC instant', () => {
    const m = meetingMessage(input({}, { startsAt: new Date('2026-06-16T09:00:00Z'), endsAt: new Date('2026-06-16T10:30:00Z') }), robin);
    expect(parse(m.ics)).toMatchObject({ start: '2026-06-16T09:00:00.000Z', end: '2026-06-16T10:30:00.000Z' });
    expect(m.text).toContain('Tuesday 16 June 2026, 10:00 to 11:30');
  });

  it('keeps the UID and raises the SEQUENCE through a change and a cancellation', () => {
    const first = parse(meetingMessage(input(), robin).ics);
    const moved = parse(
      meetingMessage(
        input(
          { change: 'changed', reason: 'The room flooded' },
          { sequence: 1, startsAt: new Date('2026-12-16T10:00:00Z'), endsAt: new Date('2026-12-16T11:00:00Z') },
        ),
        robin,
      ).ics,
    );
    const cancelled = meetingMessage(input({ change: 'cancelled' }, { sequence: 2 }), robin);
    const gone = parse(cancelled.ics);
    expect(new Set([first.uid, moved.uid, gone.uid]).size).toBe(1);
    expect([first.sequence, moved.sequence, gone.sequence]).toEqual([0, 1, 2]);
    expect(moved.method).toBe('REQUEST');
    expect(gone).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
    expect(cancelled.icsMethod).toBe('CANCEL');
    expect(cancelled.subject).toMatch(/^Cancelled/);
  });

  it('says when, where, what, the video link and whom to contact, and nothing about the other people invited', () => {
    const m = meetingMessage(
      input({ change: 'changed', reason: 'The room flooded' }, { mode: 'online', videoLink: 'https://meet.example.org/r-8f3k2' }),
      robin,
    );
    for (const words of [
      'Dear Robin Example',
      'joint meeting',
      'Tuesday 15 December 2026, 10:00 to 11:30',
      'Riverside Community Centre',
      'https://meet.example.org/r-8f3k2',
      '01632 960000 or office@alpha.example',
      'The reason given: The room flooded.',
    ])
      expect(m.text).toContain(words);
    for (const other of ['Kit', 'kit@example.net']) {
      expect(m.text).not.toContain(other);
      expect(m.html).not.toContain(other);
      expect(m.ics).not.toContain(other);
    }
    expect(m.html).toContain('<a href="https://meet.example.org/r-8f3k2">');
  });

  it('gives a reminder a key per meeting time and participant, so it is sent once', () => {
    const m = meetingMessage(input({ change: 'reminder' }), robin);
    expect(m.dedupeKey).toBe('reminder:00000000-0000-4000-8000-0000000000aa:2026-12-15T10:00:00.000Z:p-1');
    expect(m.subject).toMatch(/^Reminder/);
    expect(meetingMessage(input(), robin).dedupeKey).toBeNull();
  });

  it('uses the service’s own wording when it has some', () => {
    const policy = {
      ...DEFAULT_MEETING_POLICY,
      emailTemplates: { meeting_invitation: { subject: 'Your {meetingKindLower}', body: 'See you {when} at {where}. {mistake}' } },
    };
    const m = meetingMessage(input({ policy }), robin);
    expect(m.subject).toBe('Your joint meeting');
    expect(m.text).toContain('{mistake}');
  });
});
