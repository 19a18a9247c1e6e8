// Pure: which roles must use two-factor sign-in in a service.
import type { OrgSettings } from '#src/db/schema/organisations.ts';
import { type Role, STAFF_ROLES } from '#src/access/actor.ts';

/** Every staff role: a viewer reads cases and referrals too. */
export const DEFAULT_TWO_FACTOR_ROLES: readonly Role[] = STAFF_ROLES;

export function roleNeedsTwoFactor(role: string | null | undefined, settings: OrgSettings | null | undefined): boolean {
  if (!role) return false;
  const roles = settings?.twoFactorRoles ?? DEFAULT_TWO_FACTOR_ROLES;
  return (roles as readonly string[]).includes(role);
}
