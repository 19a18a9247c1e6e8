// Reads what the pairing rules need for cases and for every volunteer of the service. One query per table, never
// one per volunteer: suggestions for a case among 1,000 volunteers stay a handful of round trips.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray, isNull, sql } from '#src/db/orm.ts';
import { ENDED_STATUSES } from '#src/domain/case-words.ts';
import { cases, parties } from '#src/db/schema/cases.ts';
import { postcodeLookup } from '#src/db/schema/referrals.ts';
import { normPostcode } from '#src/lib/normalise.ts';
import { caseAssignments, volunteerDataVersions } from '#src/db/schema/volunteers.ts';
import { type DbsFacts, type PartyFacts, toPairingCase, toPairingVolunteer, type VolunteerFacts } from './pairing-inputs.ts';
import type { PairingCase, PairingVolunteer, Place } from './pairing.types.ts';
import type { PracticeRecord } from '../training/practice-checks.ts';
import type { VolunteerPolicy } from '#src/features/settings/volunteer-policy.ts';

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
    .select({
      id: cases.id,
      caseType: cases.caseType,
      caseKind: cases.caseKind,
      details: cases.details,
      localAuthority: cases.localAuthority,
      postcodeNorm: cases.postcodeNorm,
    })
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

type VolunteerRow = {
  id: string;
  name: string;
  status: string;
  address: string | null;
  postcode: string | null;
  postcode_norm: string | null;
  languages: string[];
  gender: string | null;
  travel_miles: number;
  max_active_cases: number;
  weekly_availability: VolunteerFacts['weeklyAvailability'];
  away: VolunteerFacts['away'];
  connections: VolunteerFacts['connections'];
  employed_by_local_authority: string | null;
  accreditations: { area: string; accreditedOn: string; expiresOn: string | null }[] | null;
  dbs: (Omit<DbsFacts, 'createdAt'> & { createdAt: string })[] | null;
  active_cases: number;
  signed_off: number;
  practice: PracticeRecord[] | null;
  latitude: number | null;
  longitude: number | null;
};

/** json/jsonb columns arrive parsed from node-postgres and as text from some drivers. */
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

type Snapshot = { version: number; today: string; policy: string; volunteers: PairingVolunteer[] };
/** The pairing view of each service's volunteers this process last read, with the data version it was read at. */
const snapshots = new Map<string, Snapshot>();
const MAX_SNAPSHOTS = 64;

/**
 * Every volunteer of the service who has not left, as the pairing rules see them today. Kept between requests
 * while the service's data version (raised by triggers on every table the rules read, migration 0009) stays the
 * same, so a request costs one small query when nothing has changed; any change, from any process, reloads it.
 */
export async function loadPairingVolunteers(tx: Db, orgId: string, policy: VolunteerPolicy, today: string): Promise<PairingVolunteer[]> {
  const [row] = await tx.select({ version: volunteerDataVersions.version }).from(volunteerDataVersions).where(eq(volunteerDataVersions.orgId, orgId));
  const version = Number(row?.version ?? 0);
  const policyKey = JSON.stringify(policy);
  const kept = snapshots.get(orgId);
  if (kept && kept.version === version && kept.today === today && kept.policy === policyKey) return kept.volunteers;
  const volunteers = await readPairingVolunteers(tx, orgId, policy, today);
  snapshots.delete(orgId);
  if (snapshots.size >= MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value!);
  snapshots.set(orgId, { version, today, policy: policyKey, volunteers });
  return volunteers;
}

/**
 * Reads every volunteer of the service who has not left, as the pairing rules see them today: one query, one row per
 * volunteer, with their accreditations and DBS checks gathered as JSON, their workload counted and their home
 * placed, so that 1,000 volunteers cost one round trip and a thousand rows, not several thousand.
 */
async function readPairingVolunteers(tx: Db, orgId: string, policy: VolunteerPolicy, today: string): Promise<PairingVolunteer[]> {
  const ended = sql.join(
    ENDED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    WITH acc AS (
      SELECT volunteer_id, json_agg(json_build_object('area', area, 'accreditedOn', accredited_on, 'expiresOn', expires_on)) AS list
      FROM accreditations WHERE org_id = ${orgId} AND revoked_at IS NULL GROUP BY volunteer_id
    ), dbs AS (
      SELECT volunteer_id, json_agg(json_build_object('issuedOn', issued_on, 'level', level, 'workforce', workforce,
        'createdAt', created_at, 'statusChecks', status_checks)) AS list
      FROM dbs_checks WHERE org_id = ${orgId} GROUP BY volunteer_id
    ), active AS (
      SELECT ca.volunteer_id, count(DISTINCT ca.case_id)::int AS n
      FROM case_assignments ca JOIN cases c ON c.id = ca.case_id AND c.org_id = ${orgId}
      WHERE ca.org_id = ${orgId} AND ca.ended_at IS NULL AND c.status NOT IN (${ended}) GROUP BY ca.volunteer_id
    ), practice AS (
      SELECT volunteer_id, json_agg(json_build_object('kind', kind, 'on', "on", 'minutes', minutes)) AS list
      FROM training_records WHERE org_id = ${orgId} AND kind IN ('cpd', 'supervision', 'observed_practice') GROUP BY volunteer_id
    ), signed AS (
      SELECT volunteer_id, count(DISTINCT case_id)::int AS n
      FROM case_assignments WHERE org_id = ${orgId} AND supervised AND signed_off_at IS NOT NULL GROUP BY volunteer_id
    )
    SELECT v.id, v.name, v.status, v.address, v.postcode, v.postcode_norm, v.languages, v.gender, v.travel_miles,
      v.max_active_cases, v.weekly_availability, v.away, v.connections, v.employed_by_local_authority,
      acc.list AS accreditations, dbs.list AS dbs, practice.list AS practice, coalesce(active.n, 0) AS active_cases, coalesce(signed.n, 0) AS signed_off,
      p.latitude, p.longitude
    FROM volunteers v
      LEFT JOIN acc ON acc.volunteer_id = v.id
      LEFT JOIN dbs ON dbs.volunteer_id = v.id
      LEFT JOIN active ON active.volunteer_id = v.id
      LEFT JOIN signed ON signed.volunteer_id = v.id
      LEFT JOIN practice ON practice.volunteer_id = v.id
      LEFT JOIN postcode_lookup p ON p.postcode = v.postcode_norm
    WHERE v.org_id = ${orgId} AND v.status <> 'left'
    ORDER BY v.name, v.id`);
  const rows = (result as unknown as { rows: VolunteerRow[] }).rows;
  if (!rows.length) return [];
  // A home postcode saved before postcode_norm existed is placed the slow way (there are none after an edit).
  const unplaced = rows.filter((r) => !r.postcode_norm && r.postcode).map((r) => normPostcode(r.postcode));
  const places = unplaced.length ? await placesOf(tx, unplaced) : new Map<string, Place>();
  return rows.map((r) => {
    const facts: VolunteerFacts = {
      id: r.id,
      name: r.name,
      status: r.status,
      address: r.address,
      postcode: r.postcode,
      postcodeNorm: r.postcode_norm,
      languages: parsed(r.languages),
      gender: r.gender,
      travelMiles: Number(r.travel_miles),
      maxActiveCases: Number(r.max_active_cases),
      weeklyAvailability: parsed(r.weekly_availability),
      away: parsed(r.away),
      connections: parsed(r.connections),
      employedByLocalAuthority: r.employed_by_local_authority,
    };
    const home =
      r.latitude !== null && r.longitude !== null
        ? { lat: Number(r.latitude), lng: Number(r.longitude) }
        : (places.get(normPostcode(r.postcode) ?? '') ?? null);
    const accreditationFacts = (parsed<VolunteerRow['accreditations']>(r.accreditations) ?? []).map((a) => ({ ...a, revokedAt: null }));
    const dbsFacts = (parsed<VolunteerRow['dbs']>(r.dbs) ?? []).map((d) => ({ ...d, createdAt: new Date(d.createdAt) }));
    return toPairingVolunteer(
      facts,
      {
        accreditations: accreditationFacts,
        dbsChecks: dbsFacts,
        activeCases: Number(r.active_cases),
        supervisedSignedOff: Number(r.signed_off),
        home,
        practiceRecords: (parsed<VolunteerRow['practice']>(r.practice) ?? []).map((p) => ({ ...p, minutes: Number(p.minutes ?? 0) })),
      },
      policy,
      today,
    );
  });
}
