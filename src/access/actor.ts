// Who is asking: a signed-in person acting in one service, an API key, the system, or nobody.
/**
 * The roles a person may be invited to. `commissioner` is someone outside the service (a council, a funder) whom an
 * admin invites to see its aggregate reports: nothing else (http/commissioner-routes.ts).
 */
export const STAFF_ROLES = ['admin', 'coordinator', 'supervisor', 'mediator', 'safeguarding_lead', 'viewer', 'commissioner'] as const;
/** Staff roles, and `referrer` for integrations that only send referrals (API keys). */
export const ROLES = [...STAFF_ROLES, 'referrer'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export type Actor = {
  type: 'user' | 'api_key' | 'system' | 'anonymous';
  id?: string;
  label?: string;
  ip?: string;
  requestId?: string;
  /** A person who runs this Parley instance (an instance operator), as their session says; never an API key. */
  operator?: boolean;
};

/** An actor that may act inside one service. */
export type OrgActor = Actor & {
  type: 'user' | 'api_key';
  id: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
};

export const systemActor = (label = 'parley cli'): Actor => ({ type: 'system', label });
