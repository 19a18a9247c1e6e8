// Who alerts go to and what they need to say, read for the email feature: the services (for jobs that run across
// them), staff members by role, volunteers' addresses and the service's own contact details and meeting settings.
import type { Db } from '#src/db/client.ts';
import { and, asc, eq, inArray } from '#src/db/orm.ts';
import { organisations } from '#src/db/schema/organisations.ts';
import { memberships, users } from '#src/db/schema/people.ts';
import { volunteers } from '#src/db/schema/volunteers.ts';
import type { MeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { readSettings, type ServiceSettings } from '#src/features/settings/settings.schemas.ts';

/** Every service's id (as the owner: for jobs that work across services). */
export async function listServiceIds(tx: Db): Promise<string[]> {
  const rows = await tx.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.createdAt));
  return rows.map((r) => r.id);
}

/** `language` is the person's preferred language (en or cy), for the emails written to them. */
export type StaffRecipient = { userId: string; name: string; email: string; role: string; language: string };

/** Active members of the service with one of these roles. */
export async function listMembersWithRoles(tx: Db, orgId: string, roles: string[]): Promise<StaffRecipient[]> {
  return tx
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, language: users.preferredLanguage })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.status, 'active'), inArray(memberships.role, roles)))
    .orderBy(asc(users.name));
}

export async function listVolunteerContacts(tx: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: volunteers.id, name: volunteers.name, email: volunteers.email, language: volunteers.preferredLanguage })
    .from(volunteers)
    .where(and(eq(volunteers.orgId, orgId), inArray(volunteers.id, ids)));
}

export type ServiceForMail = { name: string; email: string | null; phone: string | null; policy: MeetingPolicy; settings: ServiceSettings };

/** The service's name and contact details, and its settings (meeting policy with its email templates). */
export async function findServiceForMail(tx: Db, orgId: string): Promise<ServiceForMail | undefined> {
  const org = await findOrgById(tx, orgId);
  if (!org) return undefined;
  const settings = readSettings(org.settings);
  return { name: org.name, email: org.email ?? null, phone: org.phone ?? null, policy: settings.meetings, settings };
}
