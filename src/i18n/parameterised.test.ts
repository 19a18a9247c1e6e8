// Messages with parameters: English exactly as before, and the reader's language where the catalogue has it
// (otherwise the English, with any part worded where shown in the reader's language).
import { describe, expect, it } from 'vitest';
import { authorise } from '#src/access/permissions.ts';
import { decideTransition } from '#src/features/cases/lifecycle.ts';
import { dbsAlertFor } from '#src/features/volunteers/dbs/dbs-alert-rule.ts';
import { dayInWords, momentInWords, whenInWords } from '#src/domain/meeting-times.ts';
import { dateInWords } from '#src/domain/dates-in-words.ts';
import { dbsStanding } from '#src/features/volunteers/dbs/dbs-status.ts';
import { AppError, invalidWith } from '#src/lib/app-error.ts';
import { passwordProblem, passwordRefusal } from '#src/lib/password-strength.ts';
import { isoDate, tooLong } from '#src/lib/zod-fields.ts';
import { parseForm } from '#src/http/forms.ts';
import { z } from 'zod';
import { fieldMessage, listIn, localise, msg, translator, worded } from './i18n.ts';

const cy = translator('cy');

describe('parameters worded where shown', () => {
  it('words a function parameter with the reader’s t, in English exactly as a plain one', () => {
    const en = translator('en');
    expect(en('Only {allowed} can {doWhat}', { allowed: 'an admin', doWhat: worded('see cases') })).toBe('Only an admin can see cases');
    expect(cy('{day}, {start} to {end}', { day: (_t, locale) => `day in ${locale}`, start: '10:00', end: '11:30' })).toBe('day in cy, 10:00 tan 11:30');
  });

  it('joins a list as Parley always has in English, and with Intl.ListFormat in Welsh', () => {
    expect(listIn('en', ['an admin', 'a case coordinator', 'a supervisor'], 'disjunction', ' or ')).toBe('an admin or a case coordinator or a supervisor');
    expect(listIn('cy', ['a', 'b', 'c'], 'disjunction', ' or ')).toBe('a, b neu c');
  });

  it('keeps a schema’s field message in English as written, and finds it again to show in the reader’s language', () => {
    const english = fieldMessage(msg('{label} must be a real date, like 2026-03-27'), { label: worded('Issue date') });
    expect(english).toBe('Issue date must be a real date, like 2026-03-27');
    expect(localise('en', english)).toBe(english);
    // Untranslated template, label not a catalogue entry either: the English stands.
    expect(localise('cy', 'Something nobody registered')).toBe('Something nobody registered');
  });

  it('shows a zod field message in Welsh where the catalogue has it, in English where it has not', () => {
    const schema = z.object({ on: isoDate(msg('Date')), note: z.string().max(3, tooLong(msg('Note'), '3')) });
    const refused = parseForm(schema, { on: '2026-02-30', note: 'long' }, 'cy');
    expect(refused).toEqual({ ok: false, fields: { on: 'Rhowch ddyddiad go iawn', note: 'Note must be 3 characters or fewer' } });
    expect(parseForm(schema, { on: '2026-02-30', note: 'long' }, 'en')).toEqual({
      ok: false,
      fields: { on: 'Enter a real date', note: 'Note must be 3 characters or fewer' },
    });
  });

  it('carries a field message’s parameters on an AppError (a name someone typed is a parameter, never ICU)', () => {
    const err = invalidWith({ name: { text: msg('There is already {what} called {name}'), params: { what: worded(msg('a venue')), name: 'The {odd} Hall' } } });
    expect(err.fields).toEqual({ name: 'There is already a venue called The {odd} Hall' });
    expect(err.fieldsIn('cy')).toEqual({ name: 'There is already a venue called The {odd} Hall' });
  });
});

describe('messages that were built by interpolation', () => {
  it('says who may do something, in English exactly as before', () => {
    const mediator = { type: 'user', id: 'u', orgId: 'o', orgSlug: 's', orgName: 'S', role: 'mediator' } as const;
    let error: unknown;
    try {
      authorise(mediator, 'volunteers.view');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('Only an admin or a case coordinator or a supervisor can see volunteers; you are a mediator.');
    // No Welsh for it yet: the English, its list joined in Welsh (the list is worded where shown).
    expect((error as AppError).messageIn('cy')).toBe('Only an admin, a case coordinator neu a supervisor can see volunteers; you are a mediator.');
  });

  it('maps zxcvbn’s warnings to Parley’s own messages, with the same English', () => {
    expect(passwordProblem('password123')).toBe(
      'Password is too easy to guess. This is a commonly used password. Three or more random words work well, like ‘plum tractor evening glass’',
    );
    expect(passwordRefusal('short')).toEqual({ text: 'Password must be at least {min} characters', params: { min: 10 } });
  });

  it('words a lifecycle refusal in the reader’s language where the catalogue has it', () => {
    const c = { status: 'intake' as const, heldFrom: null, parties: [], openSafeguarding: 0 };
    expect(decideTransition(c, 'on_hold')).toEqual({ allowed: false, reasons: ['Give a reason for moving the case to on hold'] });
    expect(decideTransition(c, 'on_hold', {}, cy)).toEqual({ allowed: false, reasons: ['Rhowch reswm dros symud yr achos i wedi’i ohirio'] });
    // Untranslated reasons stay in English, with their plural forms.
    const sam = { name: 'Sam', role: 'party' as const, consent: 'not_asked' as const, hasIntake: true };
    const alex = { ...sam, name: 'Alex' };
    expect(decideTransition({ ...c, parties: [sam, alex] }, 'ready', {}, cy)).toMatchObject({
      reasons: ['Ready needs consent from every party: Sam, Alex have not consented'],
    });
    expect(decideTransition({ ...c, parties: [sam, { ...alex, consent: 'given' as const }] }, 'ready')).toMatchObject({
      reasons: ['Ready needs consent from every party: Sam has not consented'],
    });
  });
});

describe('dates in the recipient’s language', () => {
  const at = new Date('2026-12-15T10:00:00Z');
  const end = new Date('2026-12-15T11:30:00Z');
  it('keeps English as it was', () => {
    expect(dayInWords(at)).toBe('Tuesday 15 December 2026');
    expect(whenInWords(at, end)).toBe('Tuesday 15 December 2026, 10:00 to 11:30');
    expect(momentInWords(at)).toBe('Tuesday 15 December 2026 at 10:00');
    expect(dateInWords('2027-10-03', '2026-01-01')).toBe('3 October 2027');
  });
  it('writes Welsh with Intl (Node’s ICU has cy)', () => {
    expect(dayInWords(at, { locale: 'cy' })).toBe('Dydd Mawrth 15 Rhagfyr 2026');
    expect(whenInWords(at, end, { locale: 'cy' })).toBe('Dydd Mawrth 15 Rhagfyr 2026, 10:00 tan 11:30');
    expect(momentInWords(at, { locale: 'cy' })).toBe('Dydd Mawrth 15 Rhagfyr 2026 am 10:00');
    expect(dayInWords(at, { locale: 'cy', year: false })).toBe('Dydd Mawrth 15 Rhagfyr');
    expect(dateInWords('2027-10-03', '2026-01-01', 'cy')).toBe('3 Hydref 2027');
    expect(dateInWords('2026-10-03', '2026-01-01', 'cy')).toBe('3 Hydref');
  });
  it('words a DBS alert in the recipient’s language, with the same threshold and key', () => {
    const standing = dbsStanding({ issuedOn: '2024-03-01', statusChecks: [] }, { dbsRecheckYears: 3, dbsAlertDays: [60, 30, 7] }, '2027-03-02');
    const en = dbsAlertFor(standing);
    const welsh = dbsAlertFor(standing, 'cy');
    expect(en?.dueSentence).toBe('was due for its recheck on 1 March 2027 and is now overdue.');
    expect(welsh?.dueSentence).toBe('was due for its recheck on 1 Mawrth 2027 and is now overdue.');
    expect(welsh?.threshold).toBe(en?.threshold);
  });
});
