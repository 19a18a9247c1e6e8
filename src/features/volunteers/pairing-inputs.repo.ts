// Reads what the pairing rules need for cases and for every volunteer of the service. One query per table, never
// one per volunteer: suggestions for a case among 1,000 volunteers stay a handful of round trips.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNull, ne } from '#src/db/orm.ts';
import { cases, parties } from '#src/db/schema/cases.ts';
import { postcodeLookup } from '#src/db/schema/referrals.ts';
import { normPostcode } from '#src/lib/normalise.ts';
import { accreditations, caseAssignments, dbsChecks, volunteers } from '#src/db/schema/volunteers.ts';
import { activeCaseCounts, signedOffSupervisedCounts } from './assignments.repo.ts';
import { type PartyFacts, toPairingCase, toPairingVolunteer } from './pairing-inputs.ts';
import type { PairingCase, PairingVolunteer, Place } from './pairing.types.ts';
import type { VolunteerPolicy } from './volunteer-policy.ts';

/** Latitude and longitude of each postcode (compact, upper case) the lookup knows. */
async function placesOf(tx: Db, postcodes: (string | null)[]): Promise<Map<string, Place>> {
  const wanted = [...new Set(postcodes.filter((p): p is string => Boolean(p)))];
  if (!wanted.length) return new Map();
  const rows = await tx
    .select({ postcode: postcodeLookup.postcode, lat: postcodeLookup.latitude, lng: postcodeLookup.longitude })
    .from(postcodeLookup)
    .where(inArray(postcodeLookup.postcode, wanted));
  return new Map(rows.filter((r) => r.lat !== null && r.lng !== null).map((r) => [r.postcode, { lat: r.lat!, lng: r.lng! }]));
}

/** The pairing view of these cases (in the order asked; unknown ids are left out). */
export async function loadPairingCases(tx: Db, orgId: string, caseIds: string[], policy: VolunteerPolicy): Promise<PairingCase[]> {
  if (!caseIds.length) return [];
  const caseRows = await tx
    .select({ id: cases.id, caseType: cases.caseType, details: cases.details, localAuthority: cases.localAuthority, postcodeNorm: cases.postcodeNorm })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), inArray(cases.id, caseIds)));
  const partyRows = await tx
    .select({
      caseId: parties.caseId,
      id: parties.id,
      name: parties.name,
      role: parties.role,
      address: parties.address,
      postcode: parties.postcode,
      postcodeNorm: parties.postcodeNorm,
      needs: parties.needs,
    })
    .from(parties)
    .where(and(eq(parties.orgId, orgId), inArray(parties.caseId, caseIds)))
    .orderBy(asc(parties.createdAt), asc(parties.name));
  const current = await tx
    .select({ caseId: caseAssignments.caseId, volunteerId: caseAssignments.volunteerId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.orgId, orgId), inArray(caseAssignments.caseId, caseIds), isNull(caseAssignments.endedAt)));
  const places = await placesOf(tx, [...caseRows.map((c) => c.postcodeNorm), ...partyRows.map((p) => p.postcodeNorm ?? normPostcode(p.postcode))]);

  const partiesByCase = new Map<string, PartyFacts[]>();
  for (const p of partyRows) partiesByCase.set(p.caseId, [...(partiesByCase.get(p.caseId) ?? []), p]);
  const byId = new Map(caseRows.map((c) => [c.id, c]));
  return caseIds
    .map((id) => byId.get(id))
    .filter((c) => c !== undefined)
    .map((c) =>
      toPairingCase(
        c,
        partiesByCase.get(c.id) ?? [],
        places,
        current.filter((a) => a.caseId === c.id).map((a) => a.volunteerId),
        policy,
      ),
    );
}

export async function loadPairingCase(tx: Db, orgId: string, caseId: string, policy: VolunteerPolicy): Promise<PairingCase | undefined> {
  return (await loadPairingCases(tx, orgId, [caseId], policy))[0];
}

/** Every volunteer of the service who has not left, as the pairing rules see them today. Six queries in all. */
export async function loadPairingVolunteers(tx: Db, orgId: string, policy: VolunteerPolicy, today: string): Promise<PairingVolunteer[]> {
  const rows = await tx
    .select({
      id: volunteers.id,
      name: volunteers.name,
      status: volunteers.status,
      address: volunteers.address,
      postcode: volunteers.postcode,
      postcodeNorm: volunteers.postcodeNorm,
      languages: volunteers.languages,
      gender: volunteers.gender,
      travelMiles: volunteers.travelMiles,
      maxActiveCases: volunteers.maxActiveCases,
      weeklyAvailability: volunteers.weeklyAvailability,
      away: volunteers.away,
      connections: volunteers.connections,
      employedByLocalAuthority: volunteers.employedByLocalAuthority,
    })
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), ne(volunteers.status, 'left')))
    .orderBy(asc(volunteers.name), asc(volunteers.id));
  if (!rows.length) return [];
  const accreditationRows = await tx
    .select({
      volunteerId: accreditations.volunteerId,
      area: accreditations.area,
      accreditedOn: accreditations.accreditedOn,
      expiresOn: accreditations.expiresOn,
      revokedAt: accreditations.revokedAt,
    })
    .from(accreditations)
    .where(and(eq(accreditations.orgId, orgId), isNull(accreditations.revokedAt)));
  const dbsRows = await tx
    .select({
      volunteerId: dbsChecks.volunteerId,
      issuedOn: dbsChecks.issuedOn,
      level: dbsChecks.level,
      workforce: dbsChecks.workforce,
      createdAt: dbsChecks.createdAt,
      statusChecks: dbsChecks.statusChecks,
    })
    .from(dbsChecks)
    .where(eq(dbsChecks.orgId, orgId));
  const activeCases = await activeCaseCounts(tx, orgId);
  const signedOff = await signedOffSupervisedCounts(tx, orgId);
  const homePostcode = (v: { postcode: string | null; postcodeNorm: string | null }) => v.postcodeNorm ?? normPostcode(v.postcode);
  const places = await placesOf(tx, rows.map(homePostcode));

  const group = <T extends { volunteerId: string }>(list: T[]) => {
    const out = new Map<string, T[]>();
    for (const item of list) {
      const had = out.get(item.volunteerId);
      if (had) had.push(item);
      else out.set(item.volunteerId, [item]);
    }
    return out;
  };
  const accreditationsOf = group(accreditationRows);
  const dbsOf = group(dbsRows);
  return rows.map((v) =>
    toPairingVolunteer(
      v,
      {
        accreditations: accreditationsOf.get(v.id) ?? [],
        dbsChecks: dbsOf.get(v.id) ?? [],
        activeCases: activeCases.get(v.id) ?? 0,
        supervisedSignedOff: signedOff.get(v.id) ?? 0,
        home: places.get(homePostcode(v) ?? '') ?? null,
      },
      policy,
      today,
    ),
  );
}
