// Worked examples, each expected date counted by hand on a calendar from the regulations (rules.md §A), not from the
// code. Bank holidays used: Christmas 2022 (Mon 26 Boxing Day, Tue 27 substitute), New Year 2023 (Mon 2 Jan
// substitute), Easter 2026 (Fri 3 and Mon 6 April), Christmas 2026 (Fri 25, Mon 28 substitute), New Year 2027 (Fri 1
// Jan), Easter 2027 (Fri 26 and Mon 29 March), Spring 2027 (Mon 31 May), Christmas 2027 (Mon 27 and Tue 28 substitutes).
import { describe, expect, it } from 'vitest';
import { sendDefaultDueOn } from '#src/features/agreements/agreement-words.ts';
import {
  afterMediationCertificateDue,
  appealDeadline,
  certificateRequired,
  contactDeadline,
  daysLeft,
  declinedCertificateDue,
  deemedCertificateDue,
  deemedCertificatePrompted,
  icbNotificationDue,
  isLateContact,
  mediationDeadline,
  noticeDueBy,
  noticeEnough,
} from './send-clocks.ts';
import { reg42Duties } from './reg42-duties.ts';

describe('#6 certificate when mediation is declined: 3 working days from being told', () => {
  it.each([
    ['an ordinary week: Friday → Wednesday', '2026-12-04', '2026-12-09'],
    ['told on a Saturday: counting starts on Monday', '2026-12-05', '2026-12-09'],
    ['Wed 23 Dec 2026: Thu 24, (Fri 25, Mon 28 substitute), Tue 29, Wed 30', '2026-12-23', '2026-12-30'],
    ['Thu 24 Dec 2026: Tue 29, Wed 30, Thu 31', '2026-12-24', '2026-12-31'],
    ['Thu 31 Dec 2026: (Fri 1 Jan), Mon 4, Tue 5, Wed 6', '2026-12-31', '2027-01-06'],
    ['Wed 1 Apr 2026: Thu 2, (Good Friday, Easter Monday), Tue 7, Wed 8', '2026-04-01', '2026-04-08'],
    ['Thu 25 Mar 2027: (Fri 26, Mon 29), Tue 30, Wed 31, Thu 1 Apr', '2027-03-25', '2027-04-01'],
    ['Fri 24 Dec 2027: (Mon 27, Tue 28 substitutes), Wed 29, Thu 30, Fri 31', '2027-12-24', '2027-12-31'],
    ['Fri 23 Dec 2022: (Mon 26, Tue 27 substitute), Wed 28, Thu 29, Fri 30', '2022-12-23', '2022-12-30'],
    ['Fri 30 Dec 2022: (Mon 2 Jan substitute), Tue 3, Wed 4, Thu 5', '2022-12-30', '2023-01-05'],
  ])('%s', (_, told, due) => {
    expect(declinedCertificateDue(told)).toBe(due);
  });
});

describe('#7 certificate after mediation: 3 working days from the meeting that concluded it', () => {
  it.each([
    ['Thu 24 Dec 2026 → Thu 31 Dec', '2026-12-24', '2026-12-31'],
    ['Fri 2 Apr 2027 → Wed 7 Apr', '2027-04-02', '2027-04-07'],
    ['Thu 27 May 2027: Fri 28, (Mon 31 Spring), Tue 1 Jun, Wed 2 Jun', '2027-05-27', '2027-06-02'],
    ['Fri 21 May 2027 → Wed 26 May', '2027-05-21', '2027-05-26'],
  ])('%s', (_, concluded, due) => {
    expect(afterMediationCertificateDue(concluded)).toBe(due);
  });
});

describe('#9 the ICBs are told within 3 working days, only when health issues (C, G) are included', () => {
  it('counts across Christmas 2026 when section G is an issue', () => {
    expect(icbNotificationDue('2026-12-23', ['F', 'G'])).toBe('2026-12-30');
    expect(icbNotificationDue('2027-03-25', ['C'])).toBe('2027-04-01');
  });
  it('has no clock without a health issue', () => {
    expect(icbNotificationDue('2026-12-23', ['B', 'F', 'I'])).toBeNull();
  });
});

describe('#8 mediation within 30 calendar days of the request', () => {
  it.each([
    ['Wed 2 Dec 2026 → Fri 1 Jan 2027 (a bank holiday does not move it)', '2026-12-02', '2027-01-01'],
    ['15 Feb 2027 → 17 Mar 2027 (28-day February)', '2027-02-15', '2027-03-17'],
    ['15 Feb 2028 → 16 Mar 2028 (leap year)', '2028-02-15', '2028-03-16'],
  ])('%s', (_, requested, by) => {
    expect(mediationDeadline(requested, ['B', 'F'])).toBe(by);
  });
  it('runs from the notice to the ICB for health-only issues, from the request otherwise', () => {
    expect(mediationDeadline('2026-12-01', ['C', 'G'], '2026-12-04')).toBe('2027-01-03');
    expect(mediationDeadline('2026-12-01', ['F', 'G'], '2026-12-04')).toBe('2026-12-31');
    expect(mediationDeadline('2026-12-01', ['C', 'G'], null)).toBe('2026-12-31');
  });
});

describe('#10 deemed certificate when the 30 days pass with no meeting held', () => {
  it('is prompted from day 31, never on day 30 or when the meeting was held within the 30 days', () => {
    expect(deemedCertificatePrompted('2027-01-01', null, '2027-01-01')).toBe(false);
    expect(deemedCertificatePrompted('2027-01-01', null, '2027-01-02')).toBe(true);
    expect(deemedCertificatePrompted('2027-01-01', '2027-01-01', '2027-01-05')).toBe(false);
    expect(deemedCertificatePrompted('2027-01-01', '2027-01-04', '2027-01-05')).toBe(true);
  });
  it('is due 3 working days after the adviser was told, or after day 31 when nobody told them', () => {
    expect(deemedCertificateDue('2027-01-01')).toBe('2027-01-06'); // day 31 Sat 2 Jan: Mon 4, Tue 5, Wed 6
    expect(deemedCertificateDue('2026-12-23')).toBe('2026-12-31'); // day 31 Thu 24 Dec: Tue 29, Wed 30, Thu 31
    expect(deemedCertificateDue('2027-01-01', '2026-12-22')).toBe('2026-12-29'); // Wed 23, Thu 24, Tue 29
  });
});

describe('#11 notice of the meeting: 5 working days unless the parent agreed to less', () => {
  it('Tue 5 Jan 2027 needs notice by Thu 24 Dec 2026 (Mon 4, Thu 31, Wed 30, Tue 29, Thu 24)', () => {
    expect(noticeDueBy('2027-01-05', false)).toBe('2026-12-24');
    expect(noticeEnough('2026-12-24', '2027-01-05', false)).toBe(true);
    expect(noticeEnough('2026-12-29', '2027-01-05', false)).toBe(false);
  });
  it('Fri 2 Apr 2027 needs notice by Wed 24 Mar (Thu 1, Wed 31, Tue 30, Thu 25, Wed 24)', () => {
    expect(noticeDueBy('2027-04-02', false)).toBe('2027-03-24');
    expect(noticeEnough('2027-03-25', '2027-04-02', false)).toBe(false);
  });
  it('has no clock when shorter notice was agreed', () => {
    expect(noticeDueBy('2027-01-05', true)).toBeNull();
    expect(noticeEnough('2027-01-04', '2027-01-05', true)).toBe(true);
  });
});

describe('#5 contact within 2 calendar months of the decision letter; late is flagged', () => {
  it.each([
    ['15 Oct 2026 → 15 Dec 2026', '2026-10-15', '2026-12-15'],
    ['31 Dec 2026 → 28 Feb 2027 (no 31 February)', '2026-12-31', '2027-02-28'],
    ['31 Dec 2027 → 29 Feb 2028 (leap year)', '2027-12-31', '2028-02-29'],
  ])('%s', (_, letter, by) => {
    expect(contactDeadline(letter)).toBe(by);
  });
  it('is late only after the deadline day', () => {
    expect(isLateContact('2026-10-15', '2026-12-15')).toBe(false);
    expect(isLateContact('2026-10-15', '2026-12-16')).toBe(true);
  });
});

describe('#20 appeal by the later of decision + 2 months and certificate + 1 month', () => {
  it.each([
    ['decision + 2 months is later', '2026-10-15', '2026-11-02', '2026-12-15'],
    ['certificate + 1 month is later', '2026-10-15', '2026-11-30', '2026-12-30'],
    ['both fall on 28 Feb 2027', '2026-12-31', '2027-01-31', '2027-02-28'],
    ['certificate 31 Jan 2028 → 29 Feb 2028, later than 30 Jan', '2027-11-30', '2028-01-31', '2028-02-29'],
    ['the same day', '2026-09-01', '2026-10-01', '2026-11-01'],
  ])('%s', (_, decision, certificate, deadline) => {
    expect(appealDeadline(decision, certificate)).toBe(deadline);
  });
});

describe('#3 Section I only needs no certificate', () => {
  it.each([
    [['I'], false],
    [['I', 'F'], true],
    [['B'], true],
    [['refusal_to_assess'], true],
    [[], true],
  ] as const)('%j → certificate required: %s', (issues, required) => {
    expect(certificateRequired(issues)).toBe(required);
  });
});

describe('days left', () => {
  it('counts working days for a working-day clock and calendar days for the others', () => {
    expect(daysLeft('2026-12-23', '2026-12-30', 'working')).toBe(3);
    expect(daysLeft('2026-12-31', '2026-12-30', 'working')).toBe(-1);
    expect(daysLeft('2026-12-23', '2026-12-30', 'calendar')).toBe(7);
  });
});

describe('#18–19 the local authority’s duties after an agreement (reg 42, reg 44 as if a tribunal order)', () => {
  it('dates every reg 44 step of an assessment from the agreement of Thu 10 Dec 2026', () => {
    expect(reg42Duties('2026-12-10', [{ action: 'assess', appealable: true }]).map((d) => d.due)).toEqual(['2026-12-24', '2027-02-18', '2027-03-18']);
    expect(reg42Duties('2026-12-10', [{ action: 'make_plan', appealable: true }]).map((d) => d.due)).toEqual(['2027-01-14', '2027-02-25']);
  });
  it('gives a term not appealable 2 weeks, the commissioning body 1 week to tell the LA, and keeps agreed dates', () => {
    expect(reg42Duties('2026-12-10', [{ action: 'assess', appealable: false }]).map((d) => d.due)).toEqual(['2026-12-24']);
    expect(reg42Duties('2026-12-10', [], false).map((d) => d.due)).toEqual(['2026-12-17']);
    expect(reg42Duties('2026-12-10', [{ action: 'amend_plan', appealable: true, agreedDueOn: '2027-01-08' }])).toMatchObject([
      { due: '2027-01-08', agreedDate: true },
    ]);
    expect(reg42Duties('2026-12-10', [{ action: 'continue_plan', appealable: true }]).map((d) => d.due)).toEqual(['2026-12-10']);
  });
  it('agrees with the agreement term’s own default date', () => {
    for (const action of ['assess', 'make_plan', 'amend_plan', 'change_school', 'continue_plan'] as const)
      expect(reg42Duties('2026-12-10', [{ action, appealable: true }])[0]?.due).toBe(sendDefaultDueOn('2026-12-10', true, action));
  });
});
