// Pure: database rows to what the pairing rules read (pairing.types.ts). Names, addresses and postcodes are put in
// one normal form here, so the rules compare like with like.
import type { AwayPeriod, Connection, WeeklyWindow } from '#src/db/schema/volunteers.ts';
import { normName, normPostcode } from '#src/lib/normalise.ts';
import { addDays, awayUntil, freeHoursAhead } from '#src/domain/availability.ts';
import { dbsStanding, latestCheck } from '../dbs/dbs-status.ts';
import { type PracticeRecord, practiceChecks } from '../training/practice-checks.ts';
import type { PairingCase, PairingParty, PairingVolunteer, Place } from './pairing.types.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';
import { type Area, AREAS, requiredArea, VOLUNTEER_STATUSES, type VolunteerStatus } from '../volunteer-words.ts';

/**
 * Party roles that are organisations, not people (a council, an NHS body): left out of the parties the conflict
 * rules compare, so "Kent County Council" never shares a surname with anyone. The SEND independence rule reads the
 * volunteer's local-authority employment instead.
 */
const ORGANISATION_ROLES = new Set(['local_authority', 'health_body']);
/** Party roles that make a case child-workforce work for DBS (with SEND and parent–teenager cases). */
const CHILD_ROLES = new Set(['young_person']);

/** The last word of the name, lower case, without accents: "Sam Patel" → "patel". */
export function surnameOf(name: string): string {
  const words = normName(name).split(' ').filter(Boolean);
  return words[words.length - 1] ?? '';
}

/**
 * The first line of an address (up to the first comma or line break) in the normal form of names: lower case,
 * no accents or stray punctuation. The conflict rules put declared addresses in the same form, so they match.
 */
export function normAddress(address: string | null | undefined): string | null {
  return normName((address ?? '').split(/\r?\n|,/)[0] ?? '') || null;
}

/**
 * Languages named in a party's access needs: "Interpreter: Polish" (as the self-referral form writes it),
 * "Polish interpreter", "needs an interpreter for Polish". Capitalised as written.
 */
export function languagesFromNeeds(needs: string | null | undefined): string[] {
  if (!needs) return [];
  const found: string[] = [];
  const patterns = [
    /interpreter\s*(?::|-|–|for|in)\s*([A-Za-z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*)?)/gi,
    /\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:interpreter|speaker|speaking)\b/g,
    /\bspeaks?\s+(?:only\s+)?([A-Z][a-z]+)/g,
  ];
  for (const re of patterns) for (const m of needs.matchAll(re)) found.push(m[1]!.trim());
  const ignore = new Set(['a', 'an', 'the', 'sign', 'bsl']);
  const out: string[] = [];
  for (const f of found) {
    const word = f.replace(/^\w/, (c) => c.toUpperCase());
    if (ignore.has(word.toLowerCase()) || out.some((o) => o.toLowerCase() === word.toLowerCase())) continue;
    out.push(word);
  }
  if (/\b(BSL|British Sign Language)\b/i.test(needs) && !out.includes('British Sign Language')) out.push('British Sign Language');
  return out;
}

/**
 * Which DBS workforce the case's mediators need. Child when a party is a young person, or the case is SEND or
 * parent–teenager mediation; adult otherwise. Null when the service does not require DBS for the case type.
 */
export function caseWorkforce(needsDbs: boolean, caseKind: string, area: Area, partyRoles: string[]): 'child' | 'adult' | null {
  if (!needsDbs) return null;
  if (caseKind === 'send' || area === 'parent_teen' || partyRoles.some((r) => CHILD_ROLES.has(r))) return 'child';
  return 'adult';
}

export type CaseFacts = {
  id: string;
  caseType: string;
  /** The kind of rules the case follows, which the accreditation, DBS and workforce rules go by. */
  caseKind: string;
  details: Record<string, unknown>;
  localAuthority: string | null;
  postcodeNorm: string | null;
};
export type PartyFacts = {
  id: string;
  name: string;
  role: string;
  address: string | null;
  postcode: string | null;
  postcodeNorm: string | null;
  needs: string | null;
};

export function toPairingCase(
  c: CaseFacts,
  parties: PartyFacts[],
  places: Map<string, Place>,
  currentVolunteerIds: string[],
  policy: VolunteerPolicy,
): PairingCase {
  const area = requiredArea(c.caseKind, c.details);
  const needsDbs = policy.dbsRequiredFor.includes(c.caseType);
  const partyPostcodes = parties.map((p) => p.postcodeNorm ?? normPostcode(p.postcode)).filter((p): p is string => Boolean(p));
  const postcodes = [c.postcodeNorm, ...partyPostcodes].filter((p): p is string => Boolean(p));
  const placed = postcodes.find((p) => places.has(p));
  const languages = [...new Set(parties.flatMap((p) => languagesFromNeeds(p.needs)))];
  return {
    id: c.id,
    caseType: c.caseType,
    caseKind: c.caseKind,
    area,
    needsDbs,
    workforce: caseWorkforce(
      needsDbs,
      c.caseKind,
      area,
      parties.map((p) => p.role),
    ),
    place: placed ? places.get(placed)! : null,
    postcode: placed ?? postcodes[0] ?? null,
    languages,
    parties: parties
      .filter((p) => !ORGANISATION_ROLES.has(p.role))
      .map(
        (p): PairingParty => ({
          id: p.id,
          name: p.name,
          surname: surnameOf(p.name),
          postcode: p.postcodeNorm ?? normPostcode(p.postcode),
          address: normAddress(p.address),
        }),
      ),
    localAuthority: c.localAuthority,
    currentVolunteerIds,
  };
}

export type VolunteerFacts = {
  id: string;
  name: string;
  status: string;
  address: string | null;
  postcode: string | null;
  postcodeNorm: string | null;
  languages: string[];
  gender: string | null;
  travelMiles: number;
  maxActiveCases: number;
  weeklyAvailability: WeeklyWindow[];
  away: AwayPeriod[];
  connections: Connection[];
  employedByLocalAuthority: string | null;
};
export type AccreditationFacts = { area: string; accreditedOn: string; expiresOn: string | null; revokedAt: Date | null };
export type DbsFacts = {
  issuedOn: string;
  level: string;
  workforce: string;
  createdAt: Date;
  statusChecks: { on: string; result: 'no_change' | 'new_information' }[];
};

/** Accreditation areas in force today: started, not expired, not revoked. */
export function areasHeld(accreditations: AccreditationFacts[], today: string): Area[] {
  const held = accreditations.filter((a) => !a.revokedAt && a.accreditedOn <= today && (!a.expiresOn || a.expiresOn >= today)).map((a) => a.area);
  return AREAS.filter((a) => held.includes(a));
}

/**
 * The RJ practitioner-code checks overdue today, for someone whose restorative conferencing accreditation is in force
 * (counted from the earliest one in force, as the training page does); none for anyone else.
 */
export function rjPracticeOverdue(
  accreditations: AccreditationFacts[],
  records: readonly PracticeRecord[],
  policy: VolunteerPolicy,
  today: string,
): NonNullable<PairingVolunteer['rjPracticeOverdue']> {
  const rj = accreditations
    .filter((a) => a.area === 'restorative_conferencing' && !a.revokedAt && a.accreditedOn <= today && (!a.expiresOn || a.expiresOn >= today))
    .sort((a, b) => a.accreditedOn.localeCompare(b.accreditedOn))[0];
  if (!rj) return [];
  return practiceChecks(records, rj.accreditedOn, policy, today)
    .filter((c) => c.overdue)
    .map((c) => ({ id: c.id, dueOn: c.dueOn ?? today }));
}

export function toPairingVolunteer(
  v: VolunteerFacts,
  related: {
    accreditations: AccreditationFacts[];
    dbsChecks: DbsFacts[];
    activeCases: number;
    supervisedSignedOff: number;
    home: Place | null;
    practiceRecords?: readonly PracticeRecord[];
  },
  policy: VolunteerPolicy,
  today: string,
): PairingVolunteer {
  const check = latestCheck(related.dbsChecks);
  const standing = check ? dbsStanding(check, policy, today) : null;
  const status = (VOLUNTEER_STATUSES as readonly string[]).includes(v.status) ? (v.status as VolunteerStatus) : 'inactive';
  return {
    id: v.id,
    name: v.name,
    status,
    accreditedAreas: areasHeld(related.accreditations, today),
    dbs:
      check && standing?.recheckDueOn
        ? {
            // New information from the Update Service: treat as overdue from the day it was reported (at the latest yesterday).
            recheckDueOn: standing.needsReview && standing.recheckDueOn >= today ? addDays(today, -1) : standing.recheckDueOn,
            workforce: check.workforce === 'child' || check.workforce === 'adult' ? check.workforce : 'both',
            barredLists: check.level === 'enhanced_barred',
          }
        : null,
    activeCases: related.activeCases,
    maxActiveCases: v.maxActiveCases,
    languages: v.languages,
    gender: v.gender,
    home: related.home,
    postcode: v.postcodeNorm ?? normPostcode(v.postcode),
    travelMiles: v.travelMiles,
    freeHoursAhead: freeHoursAhead(v, today, policy.availabilityWeeks),
    awayUntil: awayUntil(v, today, policy.availabilityWeeks),
    connections: v.connections.map((c) => ({ kind: c.kind, text: c.text })),
    surname: surnameOf(v.name),
    address: normAddress(v.address),
    employedByLocalAuthority: v.employedByLocalAuthority?.trim() || null,
    supervisedCasesSignedOff: related.supervisedSignedOff,
    rjPracticeOverdue: rjPracticeOverdue(related.accreditations, related.practiceRecords ?? [], policy, today),
  };
}
