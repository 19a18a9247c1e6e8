import { describe, expect, it } from 'vitest';
import { renderEmail } from './templates.ts';
import { addressLines, letterText } from './letter-words.ts';

const values = {
  recipientName: 'Alex Example',
  service: 'Harbour Mediation',
  meetingKind: 'Joint meeting',
  meetingKindLower: 'joint meeting',
  when: 'Tuesday 15 December 2026, 10:00 to 11:30',
  where: 'Riverside Hall (Room 1), 1 River Street',
  howToJoin: '',
  contact: '01632 960000',
  reason: '',
};

describe('letterText', () => {
  it('keeps the invitation’s content and leaves out what only an email says', () => {
    const letter = letterText(renderEmail('meeting_invitation', values).text);
    expect(letter).toContain('Dear Alex Example,');
    expect(letter).toContain('When: Tuesday 15 December 2026, 10:00 to 11:30');
    expect(letter).toContain('Where: Riverside Hall (Room 1), 1 River Street');
    expect(letter).toContain('contact Harbour Mediation: 01632 960000');
    expect(letter).toContain('Please keep this letter to remind you of the time.');
    expect(letter).not.toMatch(/email|attached|calendar/i);
  });

  it('turns a cancellation’s attachment sentence into the part a letter needs', () => {
    const letter = letterText(renderEmail('meeting_cancelled', { ...values, reason: 'The reason given: illness.' }).text);
    expect(letter).toContain('We will be in touch about what happens next.');
    expect(letter).not.toMatch(/attachment|email/i);
  });

  it('keeps a service’s own paragraphs as they wrote them', () => {
    expect(letterText('Dear Sam,\n\nBring your letter.\n\nPlease do not reply to this email.\n')).toBe('Dear Sam,\n\nBring your letter.\n');
  });
});

describe('addressLines', () => {
  it('splits an address into lines and adds the postcode once', () => {
    expect(addressLines('1 River Street, Harbourtown', 'ab1 2cd')).toEqual(['1 River Street', 'Harbourtown', 'AB1 2CD']);
    expect(addressLines('1 River Street\nAB1 2CD', 'AB1 2CD')).toEqual(['1 River Street', 'AB1 2CD']);
    expect(addressLines(null, null)).toEqual([]);
    // A postcode alone is not an address a letter can be posted to.
    expect(addressLines(' ', 'AB1 2CD')).toEqual([]);
  });
});
