// What the pairing rules need to know, already read from the database. The rules themselves (pairing.ts) are
// pure: the same inputs always give the same suggestions, on the case page, in the API and in batch allocation.
import type { Locale, Translate } from '#src/i18n/i18n.ts';
import type { Area, DbsWorkforce, VolunteerStatus } from '../volunteer-words.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';

export type Place = { lat: number; lng: number };

export type PairingVolunteer = {
  id: string;
  name: string;
  status: VolunteerStatus;
  /** Accreditation areas held today (not revoked, not expired). */
  accreditedAreas: Area[];
  /** The latest DBS check, or null when none is recorded. Dates are "YYYY-MM-DD". */
  dbs: { recheckDueOn: string; workforce: DbsWorkforce; barredLists: boolean } | null;
  activeCases: number;
  maxActiveCases: number;
  languages: string[];
  gender: string | null;
  home: Place | null;
  /** Compact upper-case postcode, e.g. "TN91AA", for the postcode-unit conflict and a fallback for distance. */
  postcode: string | null;
  travelMiles: number;
  /** Hours free in the coming weeks (weekly pattern less time away and existing bookings). */
  freeHoursAhead: number;
  /** The first day they are back, when away for all of the coming weeks. */
  awayUntil: string | null;
  /** Declared connections, as typed (people, addresses, organisations). */
  connections: { kind: 'person' | 'address' | 'organisation'; text: string }[];
  /** Normalised surname (lower case, last word of the name) for the same-surname flag. */
  surname: string;
  /** Normalised first line of the home address, when recorded. */
  address: string | null;
  /** The local authority they are employed by, if any (SEND independence, rules.md #15). */
  employedByLocalAuthority: string | null;
  /** A trainee's supervised cases signed off so far. */
  supervisedCasesSignedOff: number;
  /**
   * The RJ practitioner-code checks (rules.md #28) overdue today for someone accredited in restorative conferencing,
   * each with the date it fell due (null: a CPD year short). Absent or empty: none overdue.
   */
  rjPracticeOverdue?: { id: 'supervision' | 'observed_practice' | 'cpd'; dueOn: string }[];
};

export type PairingParty = {
  id: string;
  name: string;
  surname: string;
  postcode: string | null;
  address: string | null;
};

export type PairingCase = {
  id: string;
  caseType: string;
  caseKind: string;
  area: Area;
  /** Whether mediators need a current DBS check for this case type (policy), and for which workforce. */
  needsDbs: boolean;
  workforce: 'child' | 'adult' | null;
  place: Place | null;
  postcode: string | null;
  /** Languages the parties need (other than English). */
  languages: string[];
  parties: PairingParty[];
  localAuthority: string | null;
  /** Volunteers already on the case (reassignment keeps them out of "excluded" reasons about capacity). */
  currentVolunteerIds: string[];
};

/**
 * `t` and `locale` word the reasons (English when absent): the rules stay pure, and a page or an error words them in
 * its reader's language.
 */
export type PairingContext = { today: string; policy: VolunteerPolicy; t?: Translate; locale?: Locale };

export type PairSuggestion = {
  mediatorIds: [string, string];
  score: number;
  reasons: string[];
  /** A trainee is in the pair, so it counts as a supervised case. */
  supervised?: boolean;
};
export type Exclusion = { volunteerId: string; name: string; reasons: string[] };
export type PairSuggestions = {
  suggestions: PairSuggestion[];
  excluded: Exclusion[];
  /** Why there are no suggestions at all, when that is not clear from the exclusions alone. */
  notes?: string[];
};
