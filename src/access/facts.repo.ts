// What the access policies decide on, read in bulk: a few queries for any number of records, never one per record.
// A record missing from the answer is not in this service (or does not exist): the policies refuse it as not found.
import type { Db } from '#src/db/client.ts';
import { and, eq, inArray, isNotNull, isNull } from '#src/db/orm.ts';
import { cases } from '#src/db/schema/cases.ts';
import { referrals } from '#src/db/schema/referrals.ts';
import { caseAssignments, volunteers } from '#src/db/schema/volunteers.ts';
import { isUuid } from '#src/lib/ids.ts';
import type { CaseFacts } from './policies/case.policy.ts';
import type { VolunteerFacts } from './policies/volunteer.policy.ts';

const uuids = (ids: readonly string[]) => [...new Set(ids.filter((id) => isUuid(id)))];

/** Each case's coordinator, the sign-ins of the volunteers on it now and the API keys whose referrals became it. */
export async function caseFacts(tx: Db, orgId: string, ids: readonly string[], opts: { referrers: boolean }): Promise<Map<string, CaseFacts>> {
  const wanted = uuids(ids);
  const out = new Map<string, CaseFacts>();
  if (!wanted.length) return out;
  const rows = await tx
    .select({ id: cases.id, coordinatorId: cases.coordinatorId })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), inArray(cases.id, wanted)));
  for (const r of rows) out.set(r.id, { coordinatorId: r.coordinatorId, teamUserIds: [], referredByKeyIds: [] });
  if (!out.size) return out;
  const found = [...out.keys()];
  const team = await tx
    .select({ caseId: caseAssignments.caseId, userId: volunteers.userId })
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), inArray(caseAssignments.caseId, found), isNull(caseAssignments.endedAt), isNotNull(volunteers.userId)));
  for (const t of team) out.get(t.caseId)?.teamUserIds.push(t.userId!);
  if (opts.referrers) {
    const keys = await tx
      .select({ caseId: referrals.caseId, keyId: referrals.createdByKey })
      .from(referrals)
      .where(and(eq(referrals.orgId, orgId), inArray(referrals.caseId, found), isNotNull(referrals.createdByKey)));
    for (const k of keys) if (k.caseId && k.keyId) out.get(k.caseId)?.referredByKeyIds.push(k.keyId);
  }
  return out;
}

/** Each volunteer's name, sign-in and supervisor. */
export async function volunteerFacts(tx: Db, orgId: string, ids: readonly string[]): Promise<Map<string, VolunteerFacts>> {
  const wanted = uuids(ids);
  if (!wanted.length) return new Map();
  const rows = await tx
    .select({ id: volunteers.id, name: volunteers.name, userId: volunteers.userId, supervisorUserId: volunteers.supervisorUserId })
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), inArray(volunteers.id, wanted)));
  return new Map(rows.map((r) => [r.id, { name: r.name, userId: r.userId, supervisorUserId: r.supervisorUserId }]));
}

/** The cases whose team this sign-in is on now (a volunteer's cases), for scoping lists in the query. */
export async function caseIdsOnTeam(tx: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ caseId: caseAssignments.caseId })
    .from(caseAssignments)
    .innerJoin(volunteers, eq(volunteers.id, caseAssignments.volunteerId))
    .where(and(eq(caseAssignments.orgId, orgId), isNull(caseAssignments.endedAt), eq(volunteers.orgId, orgId), eq(volunteers.userId, userId)));
  return rows.map((r) => r.caseId);
}
