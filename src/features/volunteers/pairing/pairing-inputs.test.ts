import { describe, expect, it } from 'vitest';
import {
  areasHeld,
  caseWorkforce,
  languagesFromNeeds,
  normAddress,
  rjPracticeOverdue,
  surnameOf,
  toPairingCase,
  toPairingVolunteer,
} from './pairing-inputs.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';

const today = '2026-03-27';
const policy = DEFAULT_VOLUNTEER_POLICY;

describe('names, addresses and languages in one normal form', () => {
  it('takes the surname as the last word, lower case, without accents', () => {
    expect(surnameOf('Sam Patel')).toBe('patel');
    expect(surnameOf('  Zoë  Brontë ')).toBe('bronte');
    expect(surnameOf('')).toBe('');
  });

  it('keeps the first line of an address, without punctuation', () => {
    expect(normAddress('12, High Street\nCanterbury')).toBe('12');
    expect(normAddress('Flat 2 The Old Mill, Mill Lane')).toBe('flat 2 the old mill');
    expect(normAddress("St John's  Road.")).toBe("st john's road");
    expect(normAddress('  ')).toBeNull();
    expect(normAddress(null)).toBeNull();
  });

  it('finds the languages named in access needs', () => {
    expect(languagesFromNeeds('Interpreter: Polish. Step-free access')).toEqual(['Polish']);
    expect(languagesFromNeeds('Needs a Tigrinya interpreter; speaks only Arabic')).toEqual(['Tigrinya', 'Arabic']);
    expect(languagesFromNeeds('needs an interpreter for romanian')).toEqual(['Romanian']);
    expect(languagesFromNeeds('Uses BSL')).toEqual(['British Sign Language']);
    expect(languagesFromNeeds('Wheelchair user')).toEqual([]);
    expect(languagesFromNeeds(null)).toEqual([]);
  });
});

describe('which DBS workforce a case needs', () => {
  it('is child for SEND, parent and teenager cases and any case with a young person; adult otherwise', () => {
    expect(caseWorkforce(true, 'send', 'send', ['parent'])).toBe('child');
    expect(caseWorkforce(true, 'community', 'parent_teen', ['parent'])).toBe('child');
    expect(caseWorkforce(true, 'restorative_justice', 'restorative_conferencing', ['victim', 'young_person'])).toBe('child');
    expect(caseWorkforce(true, 'community', 'community', ['party', 'party'])).toBe('adult');
    expect(caseWorkforce(false, 'send', 'send', [])).toBeNull();
  });
});

describe('a case as the pairing rules read it', () => {
  const party = (name: string, extra: Partial<Parameters<typeof toPairingCase>[1][number]> = {}) => ({
    id: name,
    name,
    role: 'party',
    address: null,
    postcode: null,
    postcodeNorm: null,
    needs: null,
    ...extra,
  });

  it('places the case at its postcode, or the first party’s that the lookup knows', () => {
    const places = new Map([['CT12AB', { lat: 51.27, lng: 1.08 }]]);
    const c = toPairingCase(
      { id: 'c', caseType: 'community', caseKind: 'community', details: { kind: 'group' }, localAuthority: 'Kent', postcodeNorm: 'ZZ99ZZ' },
      [
        party('Sam Patel', { postcode: 'CT1 2AB', address: '1 High St, Canterbury', needs: 'Interpreter: Polish' }),
        party('Kent County Council', { role: 'local_authority' }),
      ],
      places,
      ['v1'],
      policy,
    );
    expect(c).toMatchObject({ area: 'group', needsDbs: true, workforce: 'adult', place: { lat: 51.27, lng: 1.08 }, postcode: 'CT12AB', languages: ['Polish'] });
    expect(c.parties).toEqual([{ id: 'Sam Patel', name: 'Sam Patel', surname: 'patel', postcode: 'CT12AB', address: '1 high st' }]);
    expect(c.currentVolunteerIds).toEqual(['v1']);
  });

  it('needs no DBS when the service does not require it for the case type', () => {
    const c = toPairingCase(
      { id: 'c', caseType: 'community', caseKind: 'community', details: {}, localAuthority: null, postcodeNorm: null },
      [],
      new Map(),
      [],
      {
        ...policy,
        dbsRequiredFor: ['send'],
      },
    );
    expect(c).toMatchObject({ needsDbs: false, workforce: null, place: null, postcode: null });
  });
});

describe('a volunteer as the pairing rules read them', () => {
  const record = {
    id: 'v',
    name: 'Vera Testvolunteer',
    status: 'accredited',
    address: '3 Mill Lane, Faversham',
    postcode: 'me13 8aa',
    postcodeNorm: null,
    languages: ['Polish'],
    gender: null,
    travelMiles: 10,
    maxActiveCases: 3,
    weeklyAvailability: [{ day: 1, from: '09:00', to: '13:00' }],
    away: [],
    connections: [{ id: 'x', kind: 'person' as const, text: 'Sam Patel', declaredOn: today }],
    employedByLocalAuthority: ' ',
  };
  const related = { accreditations: [], dbsChecks: [], activeCases: 2, supervisedSignedOff: 1, home: null };

  it('holds only accreditations in force today', () => {
    expect(
      areasHeld(
        [
          { area: 'send', accreditedOn: '2025-01-01', expiresOn: null, revokedAt: null },
          { area: 'community', accreditedOn: '2024-01-01', expiresOn: '2026-03-26', revokedAt: null },
          { area: 'group', accreditedOn: '2024-01-01', expiresOn: null, revokedAt: new Date() },
          { area: 'parent_teen', accreditedOn: '2026-04-01', expiresOn: null, revokedAt: null },
          { area: 'social_care', accreditedOn: '2024-01-01', expiresOn: '2026-03-27', revokedAt: null },
        ],
        today,
      ),
    ).toEqual(['send', 'social_care']);
  });

  it('reads the RJ practice checks overdue today, only for someone accredited in restorative conferencing now', () => {
    const rj = (accreditedOn: string, more: { expiresOn?: string; revokedAt?: Date } = {}) => [
      { area: 'restorative_conferencing', accreditedOn, expiresOn: more.expiresOn ?? null, revokedAt: more.revokedAt ?? null },
    ];
    const lapsed = [
      { kind: 'supervision', on: '2025-12-01', minutes: 60 },
      { kind: 'observed_practice', on: '2025-02-01', minutes: 120 },
      { kind: 'cpd', on: '2025-05-01', minutes: 240 },
    ];
    // Supervision due 12 weeks after 1 December; the one observed session counted until 1 February; 4 of 6 CPD hours in 2025.
    expect(rjPracticeOverdue(rj('2024-01-10'), lapsed, policy, today)).toEqual([
      { id: 'supervision', dueOn: '2026-02-23' },
      { id: 'observed_practice', dueOn: '2026-02-01' },
      { id: 'cpd', dueOn: '2025-12-31' },
    ]);
    // Accredited last June: supervision counts from the February session, observed practice and CPD not due yet.
    expect(rjPracticeOverdue(rj('2025-06-01'), [{ kind: 'supervision', on: '2026-02-01', minutes: 60 }], policy, today)).toEqual([]);
    // Never supervised since accreditation in June: due 12 weeks after.
    expect(rjPracticeOverdue(rj('2025-06-01'), [], policy, today)).toEqual([{ id: 'supervision', dueOn: '2025-08-24' }]);
    // Not accredited in restorative conferencing (or no longer): no RJ checks.
    expect(rjPracticeOverdue([{ area: 'community', accreditedOn: '2024-01-10', expiresOn: null, revokedAt: null }], lapsed, policy, today)).toEqual([]);
    expect(rjPracticeOverdue(rj('2024-01-10', { expiresOn: '2026-03-01' }), lapsed, policy, today)).toEqual([]);
    expect(rjPracticeOverdue(rj('2024-01-10', { revokedAt: new Date() }), lapsed, policy, today)).toEqual([]);
    const v = toPairingVolunteer(record, { ...related, accreditations: rj('2024-01-10'), practiceRecords: lapsed }, policy, today);
    expect(v.rjPracticeOverdue?.map((c) => c.id)).toEqual(['supervision', 'observed_practice', 'cpd']);
  });

  it('maps the record, the latest DBS check and the counts', () => {
    const v = toPairingVolunteer(
      record,
      {
        ...related,
        dbsChecks: [
          { issuedOn: '2020-01-01', level: 'enhanced', workforce: 'adult', createdAt: new Date(), statusChecks: [] },
          { issuedOn: '2025-02-01', level: 'enhanced_barred', workforce: 'child', createdAt: new Date(), statusChecks: [] },
        ],
      },
      policy,
      today,
    );
    expect(v).toMatchObject({
      status: 'accredited',
      dbs: { recheckDueOn: '2028-02-01', workforce: 'child', barredLists: true },
      postcode: 'ME138AA',
      surname: 'testvolunteer',
      address: '3 mill lane',
      employedByLocalAuthority: null,
      activeCases: 2,
      supervisedCasesSignedOff: 1,
      connections: [{ kind: 'person', text: 'Sam Patel' }],
      awayUntil: null,
    });
    expect(v.freeHoursAhead).toBe(16);
  });

  it('treats new information from the Update Service as overdue, and no check as none', () => {
    const reported = toPairingVolunteer(
      record,
      {
        ...related,
        dbsChecks: [
          { issuedOn: '2025-02-01', level: 'enhanced', workforce: 'both', createdAt: new Date(), statusChecks: [{ on: today, result: 'new_information' }] },
        ],
      },
      policy,
      today,
    );
    expect(reported.dbs!.recheckDueOn < today).toBe(true);
    expect(toPairingVolunteer(record, related, policy, today).dbs).toBeNull();
  });
});
