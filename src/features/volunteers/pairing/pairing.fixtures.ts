// Test fixtures for the pure pairing rules: a volunteer and a case near a fictional hall, each with overrides.
// Used by eligibility.test.ts and pairing.test.ts only.
import type { PairingCase, PairingContext, PairingParty, PairingVolunteer, Place } from './pairing.types.ts';
import { DEFAULT_VOLUNTEER_POLICY } from '#src/features/settings/volunteer-policy.ts';

export const testContext: PairingContext = { today: '2026-11-22', policy: DEFAULT_VOLUNTEER_POLICY };
export const HALL: Place = { lat: 51.2, lng: 0.27 };
/** A point this many miles due north of the hall. */
export const north = (miles: number): Place => ({ lat: HALL.lat + (miles / (3958.8 * Math.PI)) * 180, lng: HALL.lng });
export const SAM: PairingParty = { id: 'p-sam', name: 'Sam Patel', surname: 'patel', postcode: 'TN91AA', address: '12 oak road' };

/** An accredited community and restorative conferencing mediator, DBS current, 1 of 3 cases, 3 miles from the hall. */
export const testVolunteer = (over: Partial<PairingVolunteer> = {}): PairingVolunteer => ({
  id: 'v-ana',
  name: 'Ana Testvolunteer',
  status: 'accredited',
  accreditedAreas: ['community', 'restorative_conferencing'],
  dbs: { recheckDueOn: '2027-03-01', workforce: 'both', barredLists: true },
  activeCases: 1,
  maxActiveCases: 3,
  languages: ['English'],
  gender: 'female',
  home: north(3),
  postcode: 'TN104XY',
  travelMiles: 10,
  freeHoursAhead: 12,
  awayUntil: null,
  connections: [],
  surname: 'testvolunteer',
  address: null,
  employedByLocalAuthority: null,
  supervisedCasesSignedOff: 0,
  ...over,
});

/** A community case at the hall, DBS needed, with Sam Patel as a party. */
export const testCase = (over: Partial<PairingCase> = {}): PairingCase => ({
  id: 'case-1',
  caseType: 'community',
  area: 'community',
  needsDbs: true,
  workforce: null,
  place: HALL,
  postcode: 'TN91AA',
  languages: [],
  parties: [SAM],
  localAuthority: 'Kent County Council',
  currentVolunteerIds: [],
  ...over,
  caseKind: over.caseKind ?? over.caseType ?? 'community',
});
