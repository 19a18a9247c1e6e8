// Reading the time a volunteer typed, showing minutes in words, and CSV cells a
// spreadsheet will not run as formulas.
import { describe, expect, it } from 'vitest';
import { csvCell } from './hours.present.ts';
import { apiMinutes, formatMinutes, readDuration } from './hours.schemas.ts';

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
