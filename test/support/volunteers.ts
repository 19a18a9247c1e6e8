// Test volunteers, written straight into the tables (the record, accreditations, a DBS check), so the pairing and
// assignment tests can set up exactly the facts a rule reads. Cases are made the way the public would make them.
import type { Deps } from '#src/deps.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { postcodeLookup } from '#src/db/schema/referrals.ts';
import { accreditations, caseAssignments, type Connection, dbsChecks, volunteers } from '#src/db/schema/volunteers.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { newId } from '#src/lib/ids.ts';
import { normPostcode } from '#src/lib/normalise.ts';

export type VolunteerSpec = {
  name: string;
  status?: 'applicant' | 'in_training' | 'trainee' | 'accredited' | 'inactive' | 'left';
  /** Accreditation areas held (default community for an accredited volunteer). */
  areas?: string[];
  /** The DBS check: issued this many years before today (default 1), for this workforce (default both); null for none. */
  dbs?: { yearsAgo?: number; issuedOn?: string; workforce?: 'child' | 'adult' | 'both' } | null;
  userId?: string;
  supervisorUserId?: string;
  postcode?: string;
  address?: string;
  languages?: string[];
  maxActiveCases?: number;
  connections?: { kind: Connection['kind']; text: string }[];
  employedByLocalAuthority?: string;
};

const yearsBefore = (today: string, years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;

/** A volunteer with the given facts; free on weekday mornings, so availability never gets in the way. */
export async function makeVolunteer(deps: Deps, orgId: string, spec: VolunteerSpec): Promise<string> {
  const id = newId();
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const status = spec.status ?? 'accredited';
  await inOrg(deps.db, orgId, async (tx) => {
    await tx.insert(volunteers).values({
      id,
      orgId,
      userId: spec.userId ?? null,
      name: spec.name,
      email: `${spec.name.toLowerCase().replace(/[^a-z]+/g, '.')}@volunteers.example`,
      address: spec.address ?? null,
      postcode: spec.postcode ?? null,
      postcodeNorm: normPostcode(spec.postcode),
      languages: spec.languages ?? [],
      maxActiveCases: spec.maxActiveCases ?? 3,
      status,
      statusHistory: [{ status, on: today }],
      weeklyAvailability: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '13:00' })),
      connections: (spec.connections ?? []).map((c) => ({ id: newId(), kind: c.kind, text: c.text, declaredOn: today })),
      employedByLocalAuthority: spec.employedByLocalAuthority ?? null,
      supervisorUserId: spec.supervisorUserId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const areas = spec.areas ?? (status === 'accredited' ? ['community'] : []);
    for (const area of areas)
      await tx.insert(accreditations).values({ id: newId(), orgId, volunteerId: id, area, accreditedOn: yearsBefore(today, 2), createdAt: now });
    const dbs = spec.dbs === undefined ? {} : spec.dbs;
    if (dbs)
      await tx.insert(dbsChecks).values({
        id: newId(),
        orgId,
        volunteerId: id,
        level: 'enhanced',
        workforce: dbs.workforce ?? 'both',
        certificateNumber: 'test-only',
        certificateLast4: '1234',
        issuedOn: dbs.issuedOn ?? yearsBefore(today, dbs.yearsAgo ?? 1),
        createdAt: now,
      });
  });
  return id;
}

/** An active assignment written directly (no rules, no timeline): for walking routes with a real assignment id. */
export async function insertAssignment(
  deps: Deps,
  orgId: string,
  caseId: string,
  volunteerId: string,
  opts: { role?: 'lead' | 'co'; supervised?: boolean } = {},
) {
  const id = newId();
  await inOrg(deps.db, orgId, (tx) =>
    tx.insert(caseAssignments).values({
      id,
      orgId,
      caseId,
      volunteerId,
      role: opts.role ?? 'lead',
      supervised: opts.supervised ?? false,
      assignedAt: deps.clock.now(),
    }),
  );
  return id;
}

/** Places postcodes on the map (the lookup is shared by every service). */
export async function placePostcodes(deps: Deps, rows: { postcode: string; lat: number; lng: number; laName?: string }[]) {
  await asSystem(deps.db, (tx) =>
    tx
      .insert(postcodeLookup)
      .values(
        rows.map((r) => ({ postcode: normPostcode(r.postcode)!, laCode: 'E99999999', laName: r.laName ?? 'Testshire', latitude: r.lat, longitude: r.lng })),
      )
      .onConflictDoNothing(),
  );
}

/** An actor for calling services directly, as a person with this role. */
export const actorFor = (orgId: string, userId: string, role: OrgActor['role'], label = 'Test person'): OrgActor => ({
  type: 'user',
  id: userId,
  label,
  orgId,
  orgSlug: 'test',
  orgName: 'Test Mediation (fictional)',
  role,
});

/** A community case with these parties, accepted from a public referral; returns its id and reference. */
export async function makeCase(
  deps: Deps,
  orgId: string,
  admin: OrgActor,
  opts: {
    description: string;
    /** A built-in type or one the service added (its code). */
    caseType?: string;
    parties: { name: string; role?: string; email?: string; postcode?: string; address?: string; needs?: string }[];
    details?: Record<string, unknown>;
  },
) {
  await deps.referrals.createFromPublic(
    orgId,
    {
      caseType: opts.caseType ?? 'community',
      description: opts.description,
      consentToContact: true,
      parties: opts.parties.map((p) => ({ role: 'party', ...p })),
      ...(opts.details ? { details: opts.details } : {}),
    } as Parameters<Deps['referrals']['createFromPublic']>[1],
    { type: 'anonymous' },
  );
  const { rows } = await deps.referrals.list(admin, { status: 'new' });
  const referral = rows.find((r) => r.description === opts.description)!;
  return deps.referrals.accept(admin, referral.id);
}

/** Many accredited volunteers at once (one insert per table), for checking the loaders stay fast. */
export async function makeManyVolunteers(deps: Deps, orgId: string, count: number) {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const ids = Array.from({ length: count }, () => newId());
  await inOrg(deps.db, orgId, async (tx) => {
    await tx.insert(volunteers).values(
      ids.map((id, i) => ({
        id,
        orgId,
        name: `Volunteer${i} Bulktest${i}`,
        status: i % 10 === 0 ? 'trainee' : 'accredited',
        maxActiveCases: 3,
        weeklyAvailability: [{ day: 1 + (i % 5), from: '09:00', to: '13:00' }],
        away: i % 7 === 0 ? [{ id: newId(), from: today, to: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }] : [],
        connections: i % 13 === 0 ? [{ id: newId(), kind: 'person' as const, text: 'Someone Else', declaredOn: today }] : [],
        createdAt: now,
        updatedAt: now,
      })),
    );
    await tx
      .insert(accreditations)
      .values(
        ids
          .filter((_, i) => i % 10 !== 0)
          .map((volunteerId) => ({ id: newId(), orgId, volunteerId, area: 'community', accreditedOn: yearsBefore(today, 2), createdAt: now })),
      );
    await tx.insert(dbsChecks).values(
      ids.map((volunteerId, i) => ({
        id: newId(),
        orgId,
        volunteerId,
        level: 'enhanced',
        workforce: 'both',
        certificateNumber: 'test-only',
        certificateLast4: '1234',
        issuedOn: yearsBefore(today, i % 11 === 0 ? 4 : 1),
        createdAt: now,
      })),
    );
  });
  return ids;
}
