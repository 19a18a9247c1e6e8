// The eligibility rule table: one row per reason a volunteer is left out of a case, and the facts that are shown but
// do not exclude. Every reason is compared word for word, as people see it.
import { describe, expect, it } from 'vitest';
import { dateInWords } from '#src/domain/dates-in-words.ts';
import { caseFacts, eligibilityFor, plainlyLeftOut, volunteerEligibility } from './eligibility.ts';
import { generatePool } from '../../../../bench/volunteers/generate.ts';
import type { PairingCase, PairingParty, PairingVolunteer } from './pairing.types.ts';
import { north, SAM, testCase, testContext, testVolunteer } from './pairing.fixtures.ts';

const ctx = testContext;

const sam = SAM;
const jo: PairingParty = { id: 'p-jo', name: 'Jo Okafor', surname: 'okafor', postcode: 'TN92BD', address: '3 mill lane' };

const vol = (over: Partial<PairingVolunteer> = {}): PairingVolunteer =>
  testVolunteer({ accreditedAreas: ['community', 'restorative_conferencing', 'send'], address: '1 elm close', ...over });

const kase = (over: Partial<PairingCase> = {}): PairingCase => testCase({ parties: [sam, jo], ...over });
const send = kase({ caseType: 'send', area: 'send', workforce: 'child' });
const rj = kase({ caseType: 'restorative_justice', area: 'restorative_conferencing' });

type Row = [string, Partial<PairingVolunteer>, PairingCase, string[]];

const EXCLUDED: Row[] = [
  ['an applicant', { status: 'applicant', accreditedAreas: [] }, kase(), ['status is applicant: not yet trained']],
  ['someone in training', { status: 'in_training', accreditedAreas: [] }, kase(), ['status is in training: not yet trained']],
  ['an inactive mediator', { status: 'inactive' }, kase(), ['status is inactive: not taking cases']],
  ['someone who has left', { status: 'left' }, kase(), ['status is left: no longer volunteering']],
  ['accredited, but not for the area', { accreditedAreas: ['community'] }, rj, ['not trained in restorative conferencing']],
  ['accredited for other areas only', { accreditedAreas: ['send'] }, kase(), ['not trained in community mediation']],
  ['a trainee on a case that is not community', { status: 'trainee', accreditedAreas: [] }, rj, ['trainees co-mediate community cases only until accredited']],
  [
    'a trainee on a parent and teenager case',
    { status: 'trainee', accreditedAreas: [] },
    kase({ area: 'parent_teen' }),
    ['trainees co-mediate community cases only until accredited'],
  ],
  ['no DBS check', { dbs: null }, kase(), ['no DBS check recorded']],
  [
    'a DBS recheck overdue this year',
    { dbs: { recheckDueOn: '2026-10-03', workforce: 'both', barredLists: true } },
    kase(),
    ['DBS recheck overdue since 3 October'],
  ],
  [
    'a DBS recheck overdue last year',
    { dbs: { recheckDueOn: '2025-10-03', workforce: 'both', barredLists: true } },
    kase(),
    ['DBS recheck overdue since 3 October 2025'],
  ],
  [
    'a DBS check for the wrong workforce',
    { dbs: { recheckDueOn: '2027-03-01', workforce: 'adult', barredLists: true } },
    send,
    ['DBS check is for the adult workforce; this case needs the child workforce'],
  ],
  ['at capacity', { activeCases: 3, maxActiveCases: 3 }, kase(), ['at capacity: 3 of 3 cases']],
  ['at capacity of one', { activeCases: 1, maxActiveCases: 1 }, kase(), ['at capacity: 1 of 1 case']],
  ['a declared connection to a party', { connections: [{ kind: 'person', text: 'Sam Patel' }] }, kase(), ['declared connection to Sam Patel']],
  ['a declared connection, surname first', { connections: [{ kind: 'person', text: 'PATEL,  sam' }] }, kase(), ['declared connection to Sam Patel']],
  [
    'a declared connection with a title and middle name',
    { connections: [{ kind: 'person', text: 'Mr Sam J. Patel' }] },
    kase(),
    ['declared connection to Sam Patel'],
  ],
  [
    'a declared connection to a party’s address',
    { connections: [{ kind: 'address', text: '12 Oak Road, Tonbridge TN9 1AA' }] },
    kase(),
    ['declared connection to the address of Sam Patel'],
  ],
  [
    'a declared connection to the local authority',
    { connections: [{ kind: 'organisation', text: 'Kent County Council' }] },
    kase(),
    ['declared connection to Kent County Council, the local authority for this case'],
  ],
  ['living in the same postcode as a party', { postcode: 'TN9 1AA' }, kase(), ['lives in the same postcode (TN9 1AA) as Sam Patel']],
  ['living at the same address as a party', { postcode: 'TN91AA', address: '12 Oak Road' }, kase(), ['lives at the same address as Sam Patel']],
  ['the same first line and no postcode', { postcode: null, address: '12 oak road' }, kase(), ['lives at the same address as Sam Patel']],
  ['the same surname as a party', { name: 'Ana Patel', surname: 'patel' }, kase(), ['same surname as Sam Patel']],
  [
    'employed by a local authority on a SEND case',
    { employedByLocalAuthority: 'Kent County Council' },
    send,
    ['works for Kent County Council: SEND mediators must be independent of the local authority'],
  ],
  ['away for all of the coming weeks', { awayUntil: '2026-12-12' }, kase(), ['away until 12 December']],
  ['no free time', { freeHoursAhead: 0 }, kase(), ['no free time in the next 4 weeks']],
  ['living further than they travel', { home: north(12), travelMiles: 10 }, kase(), ['12 miles away; travels up to 10']],
  ['just past how far they travel', { home: north(10.4), travelMiles: 10 }, kase(), ['10.4 miles away; travels up to 10']],
  [
    'RJ case supervision overdue, on a new restorative case',
    { rjPracticeOverdue: [{ id: 'supervision', dueOn: '2026-10-30' }] },
    rj,
    ['RJ case supervision overdue since 30 October: cannot take a new restorative justice case'],
  ],
  [
    'every RJ practice check overdue, on a new restorative case',
    {
      rjPracticeOverdue: [
        { id: 'supervision', dueOn: '2026-10-30' },
        { id: 'observed_practice', dueOn: '2026-01-05' },
        { id: 'cpd', dueOn: '2025-12-31' },
      ],
    },
    rj,
    [
      'RJ case supervision overdue since 30 October: cannot take a new restorative justice case',
      'RJ observed practice overdue since 5 January: cannot take a new restorative justice case',
      'RJ CPD hours short for 2025: cannot take a new restorative justice case',
    ],
  ],
];

const SHOWN_NOT_EXCLUDED: [string, Partial<PairingVolunteer>, PairingCase, string[]][] = [
  ['at capacity, but already on this case', { activeCases: 3, maxActiveCases: 3 }, kase({ currentVolunteerIds: ['v-ana'] }), []],
  [
    'a declared organisation that is not the local authority',
    { connections: [{ kind: 'organisation', text: 'Weald Youth Club' }] },
    kase(),
    ['declared connection to Weald Youth Club (an organisation): check it has no part in this case'],
  ],
  ['a declared connection to someone else', { connections: [{ kind: 'person', text: 'Sam Okafor' }] }, kase(), []],
  ['a declared address with another postcode', { connections: [{ kind: 'address', text: '12 Oak Road, ME14 2AB' }] }, kase(), []],
  ['the same first line in another postcode', { postcode: 'ME142AB', address: '12 oak road' }, kase(), []],
  ['employed by a local authority on a community case', { employedByLocalAuthority: 'Kent County Council' }, kase(), []],
  ['a DBS check for both workforces', { dbs: { recheckDueOn: '2027-03-01', workforce: 'both', barredLists: false } }, send, []],
  ['a DBS recheck due today', { dbs: { recheckDueOn: '2026-11-22', workforce: 'both', barredLists: true } }, kase(), []],
  ['no DBS check where the case type needs none', { dbs: null }, kase({ needsDbs: false }), []],
  ['no home coordinates, same postcode district', { home: null, postcode: 'TN9 9ZZ' }, kase(), []],
  ['no home coordinates, another district', { home: null, postcode: 'ME14 2AB' }, kase(), ['distance not known']],
  ['a trainee on a community case', { status: 'trainee', accreditedAreas: [] }, kase(), []],
  ['RJ practice checks overdue, on a community case', { rjPracticeOverdue: [{ id: 'supervision', dueOn: '2026-10-30' }] }, kase(), []],
  [
    'RJ practice checks overdue, already facilitating this restorative case',
    { rjPracticeOverdue: [{ id: 'supervision', dueOn: '2026-10-30' }] },
    kase({ caseType: 'restorative_justice', area: 'restorative_conferencing', currentVolunteerIds: ['v-ana'] }),
    [],
  ],
];

describe('volunteer eligibility', () => {
  it('an accredited, checked, free, nearby volunteer with no conflicts may lead', () => {
    expect(volunteerEligibility(vol(), kase(), ctx)).toMatchObject({ eligible: true, reasons: [], warnings: [], leadQualified: true, trainee: false });
  });

  it.each(EXCLUDED)('leaves out %s, saying why', (_, over, c, reasons) => {
    const e = volunteerEligibility(vol(over), c, ctx);
    expect(e.reasons).toEqual(reasons);
    expect(e.eligible).toBe(false);
  });

  it.each(SHOWN_NOT_EXCLUDED)('keeps %s', (_, over, c, warnings) => {
    const e = volunteerEligibility(vol(over), c, ctx);
    expect(e.reasons).toEqual([]);
    expect(e.eligible).toBe(true);
    expect(e.warnings).toEqual(warnings);
  });

  it('marks SEND independence (rules.md #15) as set by law, so no justification lifts it, and only that reason', () => {
    const employed = volunteerEligibility(vol({ employedByLocalAuthority: 'Kent County Council', dbs: null }), send, ctx);
    expect(employed.statutory).toEqual(['works for Kent County Council: SEND mediators must be independent of the local authority']);
    expect(employed.reasons).toContain('no DBS check recorded');
    expect(volunteerEligibility(vol({ dbs: null }), send, ctx).statutory).toEqual([]);
    expect(volunteerEligibility(vol({ employedByLocalAuthority: 'Kent County Council' }), kase(), ctx).statutory).toEqual([]);
  });

  it('lists every reason at once', () => {
    const v = vol({
      status: 'applicant',
      accreditedAreas: [],
      dbs: null,
      activeCases: 2,
      maxActiveCases: 2,
      home: north(30),
      surname: 'okafor',
      awayUntil: '2027-01-05',
    });
    expect(volunteerEligibility(v, kase(), ctx).reasons).toEqual([
      'status is applicant: not yet trained',
      'no DBS check recorded',
      'at capacity: 2 of 2 cases',
      'away until 5 January 2027',
      '30 miles away; travels up to 10',
      'same surname as Jo Okafor',
    ]);
  });

  it('names every party a conflict is with', () => {
    const brother: PairingParty = { id: 'p-raj', name: 'Raj Patel', surname: 'patel', postcode: 'TN91AA', address: '12 oak road' };
    expect(volunteerEligibility(vol({ surname: 'patel' }), kase({ parties: [sam, jo, brother] }), ctx).reasons).toEqual([
      'same surname as Sam Patel and Raj Patel',
    ]);
  });

  it('says who may lead: accredited for the area; trainees never', () => {
    expect(volunteerEligibility(vol({ accreditedAreas: ['community'] }), rj, ctx).leadQualified).toBe(false);
    expect(volunteerEligibility(vol(), rj, ctx).leadQualified).toBe(true);
    const trainee = volunteerEligibility(vol({ status: 'trainee', accreditedAreas: ['community'] }), kase(), ctx);
    expect(trainee).toMatchObject({ eligible: true, leadQualified: false, trainee: true });
  });

  it('measures the distance in miles, or by postcode district without coordinates', () => {
    const e = volunteerEligibility(vol({ home: north(5) }), kase(), ctx);
    expect(e.distance.kind === 'miles' && Math.round(e.distance.miles * 10) / 10).toBe(5);
    expect(volunteerEligibility(vol({ home: null, postcode: 'TN9 9ZZ' }), kase(), ctx).distance).toEqual({ kind: 'near' });
    expect(volunteerEligibility(vol(), kase({ place: null, postcode: null }), ctx).distance).toEqual({ kind: 'unknown' });
  });
});

describe('the quick verdict for batch allocation', () => {
  it('leaves out only volunteers the full rules leave out, and most of them', () => {
    const { volunteers, cases } = generatePool({ volunteers: 300, cases: 40, seed: 9, radiusMiles: 15 });
    let quick = 0;
    let out = 0;
    for (const c of cases) {
      const f = caseFacts(c);
      for (const v of volunteers) {
        const eligible = eligibilityFor(v, f, ctx).eligible;
        if (plainlyLeftOut(v, f, ctx)) {
          expect(eligible).toBe(false);
          quick++;
        }
        if (!eligible) out++;
      }
    }
    expect(quick / out).toBeGreaterThan(0.9);
  });
});

describe('dates in words', () => {
  it.each([
    ['2026-10-03', '3 October'],
    ['2026-01-31', '31 January'],
    ['2025-12-12', '12 December 2025'],
    ['2027-02-01', '1 February 2027'],
  ])('%s is %s in 2026', (date, words) => expect(dateInWords(date, '2026-11-22')).toBe(words));
});
