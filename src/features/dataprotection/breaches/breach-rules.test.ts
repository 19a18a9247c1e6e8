import { describe, expect, it } from 'vitest';
import { breachStanding } from './breach-rules.ts';

const aware = new Date('2026-12-04T16:30:00Z'); // a Friday afternoon
const facts = { awareAt: aware, risk: 'risk' as const, reportedToIcoAt: null, peopleToldAt: null, closedAt: null };

describe('the 72-hour clock (rules.md #58)', () => {
  it('runs through the weekend: aware Friday 16:30, due Monday 16:30', () => {
    const s = breachStanding(facts, new Date('2026-12-05T10:00:00Z'));
    expect(s.deadline.toISOString()).toBe('2026-12-07T16:30:00.000Z');
    expect(s).toMatchObject({ ico: 'due', hours: 54, tellPeople: false });
  });

  it('is overdue after 72 hours without a report, counting whole hours past', () => {
    expect(breachStanding(facts, new Date('2026-12-07T18:00:00Z'))).toMatchObject({ ico: 'overdue', hours: 2 });
  });

  it('is reported in time, or late by whole hours', () => {
    expect(breachStanding({ ...facts, reportedToIcoAt: new Date('2026-12-06T09:00:00Z') }, new Date('2026-12-20T00:00:00Z'))).toMatchObject({
      ico: 'reported',
      hours: 0,
    });
    expect(breachStanding({ ...facts, reportedToIcoAt: new Date('2026-12-08T09:00:00Z') }, new Date('2026-12-20T00:00:00Z'))).toMatchObject({
      ico: 'reported_late',
      hours: 17,
    });
  });

  it('needs no report when unlikely to risk anyone, but a high risk means telling the people too', () => {
    expect(breachStanding({ ...facts, risk: 'unlikely' }, new Date('2026-12-30T00:00:00Z'))).toMatchObject({ ico: 'not_needed', tellPeople: false });
    expect(breachStanding({ ...facts, risk: 'high' }, aware)).toMatchObject({ ico: 'due', hours: 72, tellPeople: true });
    expect(breachStanding({ ...facts, risk: 'high', peopleToldAt: aware }, aware).tellPeople).toBe(false);
  });
});
