import { describe, expect, it } from 'vitest';
import { decideStatusChange, statusBeforeBreak, statusMoves, type StatusVolunteer } from './volunteer-status.ts';
import { VOLUNTEER_STATUSES, type VolunteerStatus } from '../volunteer-words.ts';

const EXPECTED: Record<VolunteerStatus, VolunteerStatus[]> = {
  applicant: ['in_training', 'left'],
  in_training: ['trainee', 'inactive', 'left'],
  trainee: ['accredited', 'in_training', 'inactive', 'left'],
  accredited: ['inactive', 'left'],
  inactive: ['in_training', 'trainee', 'accredited', 'left'],
  left: ['applicant'],
};
const TODAY = '2026-03-27';
const SUPERVISOR = '00000000-0000-4000-8000-000000000001';
const vol = (status: VolunteerStatus, extra: Partial<StatusVolunteer> = {}): StatusVolunteer => ({
  status,
  statusHistory: [{ status, on: '2026-01-10' }],
  supervisorUserId: SUPERVISOR,
  ...extra,
});

describe('statusMoves', () => {
  it.each(VOLUNTEER_STATUSES)('from %s offers exactly the expected moves, each explained', (from) => {
    const moves = statusMoves(from);
    expect(moves.map((m) => m.to)).toEqual(EXPECTED[from]);
    for (const m of moves) {
      expect(m.label).toMatch(/^[A-Z]/);
      expect(m.explanation.length).toBeGreaterThan(10);
    }
  });

  it('never offers staying where you are', () => {
    for (const from of VOLUNTEER_STATUSES) expect(statusMoves(from).map((m) => m.to)).not.toContain(from);
  });
});

describe('decideStatusChange', () => {
  it.each(VOLUNTEER_STATUSES)('from %s allows each offered move and refuses every other, with the options in words', (from) => {
    for (const to of VOLUNTEER_STATUSES) {
      const history =
        from === 'inactive'
          ? [
              { status: to, on: '2026-01-01' },
              { status: 'inactive', on: '2026-01-10' },
            ]
          : undefined;
      const d = decideStatusChange(vol(from, history ? { statusHistory: history } : {}), { to, on: TODAY, note: 'Signed off early' }, TODAY);
      if (EXPECTED[from].includes(to)) expect(d, `${from} → ${to}`).toEqual({ allowed: true, reasons: [], fields: {} });
      else {
        expect(d.allowed, `${from} → ${to}`).toBe(false);
        expect(d.reasons[0]).toMatch(to === from ? /already/ : /cannot become/);
      }
    }
  });

  it('explains a refused move with the moves there are', () => {
    expect(decideStatusChange(vol('applicant'), { to: 'accredited', on: TODAY, note: 'x' }, TODAY).reasons).toEqual([
      'A volunteer who is applicant cannot become accredited: they can become in training or left',
    ]);
  });

  it('accrediting here needs a note', () => {
    const d = decideStatusChange(vol('trainee'), { to: 'accredited', on: TODAY, note: '  ' }, TODAY);
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([expect.stringContaining('Add a note saying why you are accrediting them here')]);
    expect(Object.keys(d.fields)).toEqual(['note']);
  });

  it('a trainee needs a supervisor, given with the change or already set', () => {
    expect(decideStatusChange(vol('in_training', { supervisorUserId: null }), { to: 'trainee', on: TODAY }, TODAY).reasons).toEqual([
      'Choose a supervisor: every trainee has one',
    ]);
    expect(decideStatusChange(vol('in_training', { supervisorUserId: null }), { to: 'trainee', on: TODAY, supervisorUserId: SUPERVISOR }, TODAY).allowed).toBe(
      true,
    );
    expect(decideStatusChange(vol('in_training'), { to: 'trainee', on: TODAY }, TODAY).allowed).toBe(true);
  });

  it('after a break, returns only to the status held before it', () => {
    const wasTrainee = vol('inactive', {
      statusHistory: [
        { status: 'trainee', on: '2025-05-01' },
        { status: 'inactive', on: '2025-09-01' },
      ],
    });
    expect(decideStatusChange(wasTrainee, { to: 'trainee', on: TODAY }, TODAY).allowed).toBe(true);
    expect(decideStatusChange(wasTrainee, { to: 'accredited', on: TODAY, note: 'back' }, TODAY).reasons).toEqual([
      'They can only return as accredited if they were accredited before their break (they were trainee)',
    ]);
    expect(decideStatusChange(wasTrainee, { to: 'in_training', on: TODAY }, TODAY).allowed).toBe(true);
    expect(statusBeforeBreak([{ status: 'inactive', on: '2025-01-01' }])).toBeUndefined();
  });

  it('refuses a date in the future or before the last change', () => {
    expect(decideStatusChange(vol('applicant'), { to: 'in_training', on: '2026-03-28' }, TODAY).reasons).toEqual([
      'The date of the change cannot be in the future',
    ]);
    expect(decideStatusChange(vol('applicant'), { to: 'in_training', on: '2026-01-09' }, TODAY).reasons).toEqual([
      'The date cannot be before the last change, on 10 January 2026',
    ]);
    expect(decideStatusChange(vol('applicant'), { to: 'in_training', on: '2026-01-10' }, TODAY).allowed).toBe(true);
    expect(decideStatusChange(vol('applicant'), { to: 'in_training', on: '2026-01-09' }, TODAY).fields).toEqual({
      on: 'The date cannot be before the last change, on 10 January 2026',
    });
  });
});
