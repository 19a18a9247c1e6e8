// Reading the time a volunteer typed, showing minutes in words, who may delete an entry, and CSV cells a
// spreadsheet will not run as formulas.
import { describe, expect, it } from 'vitest';
import type { OrgActor } from '#src/access/actor.ts';
import { csvCell } from './hours.present.ts';
import { apiMinutes, formatMinutes, readDuration } from './hours.schemas.ts';
import { canDeleteHours, canReadWork, canRecordWorkFor } from '../volunteer-work.policy.ts';

describe('readDuration', () => {
  it.each([
    ['1.5', '', 90],
    ['1,5', '', 90],
    ['.25', '', 15],
    ['1', '30', 90],
    ['', '45', 45],
    ['0', '5', 5],
    ['24', '', 1440],
    ['0.33', '', 20],
  ])('reads %j hours and %j minutes as %i minutes', (h, m, minutes) => expect(readDuration(h, m)).toEqual({ minutes }));

  it.each([
    ['', '', 'Enter how long you spent'],
    ['0', '0', 'more than 0 minutes'],
    ['two', '', 'Hours must be a number'],
    ['1.555', '', 'Hours must be a number'],
    ['-1', '', 'Hours must be a number'],
    ['1', '3.5', 'Minutes must be a whole number'],
    ['24', '1', '24 hours or less'],
    ['', '1441', '24 hours or less'],
  ])('refuses %j hours and %j minutes', (h, m, message) => expect(readDuration(h, m).error).toContain(message));

  it('adds the API’s decimal hours and minutes', () => {
    expect(apiMinutes({ on: '2026-01-01', activity: 'admin', hours: 1.25 })).toBe(75);
    expect(apiMinutes({ on: '2026-01-01', activity: 'admin', hours: 1, minutes: 5 })).toBe(65);
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [1441, '24 hours 1 minute'],
  ])('%i → %s', (m, words) => expect(formatMinutes(m)).toBe(words));
});

describe('who may read, log and delete hours', () => {
  const person = (role: OrgActor['role'], id = 'u1'): OrgActor => ({ type: 'user', id, orgId: 'o', orgSlug: 's', orgName: 'n', role });
  const vera = { userId: 'vera' };
  const now = new Date('2026-03-15T12:00:00Z');
  const loggedDaysAgo = (days: number) => ({ createdAt: new Date(now.getTime() - days * 86_400_000) });

  it('lets a volunteer delete their own entry within 30 days, and not after', () => {
    expect(canDeleteHours(person('mediator', 'vera'), vera, loggedDaysAgo(30), now).allowed).toBe(true);
    expect(canDeleteHours(person('mediator', 'vera'), vera, loggedDaysAgo(31), now)).toEqual({
      allowed: false,
      reason: 'Entries can only be deleted within 30 days of logging them; ask your coordinator',
    });
  });
  it('lets coordinators and admins delete at any time; nobody else', () => {
    expect(canDeleteHours(person('coordinator'), vera, loggedDaysAgo(400), now).allowed).toBe(true);
    expect(canDeleteHours(person('admin'), vera, loggedDaysAgo(400), now).allowed).toBe(true);
    expect(canDeleteHours(person('supervisor'), vera, loggedDaysAgo(1), now).allowed).toBe(false);
    expect(canDeleteHours(person('mediator', 'otto'), vera, loggedDaysAgo(1), now)).toEqual({ allowed: false, reason: 'You can only delete your own hours' });
  });
  it('lets a mediator read and log only their own; staff by permission', () => {
    expect(canReadWork(person('mediator', 'vera'), vera)).toBe(true);
    expect(canReadWork(person('mediator', 'otto'), vera)).toBe(false);
    expect(canReadWork(person('supervisor'), vera)).toBe(true);
    expect(canReadWork(person('viewer'), vera)).toBe(false);
    expect(canRecordWorkFor(person('supervisor'), vera)).toBe(false);
    expect(canRecordWorkFor(person('coordinator'), vera)).toBe(true);
    expect(canReadWork(person('mediator', 'x'), { userId: null })).toBe(false);
    expect(canReadWork({ ...person('mediator', 'vera'), type: 'api_key' }, vera)).toBe(false);
  });
});

describe('csvCell', () => {
  it('quotes when needed and defuses formulas', () => {
    expect(csvCell('Vera Testvolunteer')).toBe('Vera Testvolunteer');
    expect(csvCell('Patel, Sam')).toBe('"Patel, Sam"');
    expect(csvCell('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+44')).toBe("'+44");
    expect(csvCell(12.5)).toBe('12.5');
  });
});
