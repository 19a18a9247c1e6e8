import { describe, expect, it } from 'vitest';
import { invitationIcs } from '#src/features/meetings/feeds/ics.ts';
import { summariseIcs } from './ics-summary.ts';

describe('summariseIcs', () => {
  it('reads back what invitationIcs wrote, folded lines and escapes included', () => {
    const ics = invitationIcs(
      {
        uid: 'm-1@parley.invalid',
        sequence: 3,
        start: new Date('2026-06-16T09:00:00Z'),
        end: new Date('2026-06-16T10:30:00Z'),
        summary: 'Joint meeting with Alpha Mediation',
        location: `Riverside Community Centre; Room 2, 1 River Road, a long address that makes the line fold ${'x'.repeat(60)}`,
      },
      { name: 'Alpha Mediation', email: 'office@alpha.example' },
      { name: 'Robin Example', email: 'robin@example.org' },
      'CANCEL',
    );
    const s = summariseIcs(ics);
    expect(s).toMatchObject({ method: 'CANCEL', uid: 'm-1@parley.invalid', sequence: 3, status: 'CANCELLED', summary: 'Joint meeting with Alpha Mediation' });
    expect(s.start?.toISOString()).toBe('2026-06-16T09:00:00.000Z');
    expect(s.end?.toISOString()).toBe('2026-06-16T10:30:00.000Z');
    expect(s.location).toContain('Riverside Community Centre; Room 2, 1 River Road');
    expect(s.location).toContain('x'.repeat(60));
    expect(s.attendees).toEqual(['robin@example.org']);
  });

  it('copes with text that is not a calendar', () => {
    expect(summariseIcs('nonsense')).toMatchObject({ method: null, uid: null, start: null, attendees: [] });
  });
});
