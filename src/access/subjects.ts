// Who is asking, as the access policies see them. A new kind of actor (a party, a commissioner) is added here: a new
// member of `Subject` and a line in `subjectOf`; the compiler then lists every policy that must decide for it (each
// policy's switch on `kind` ends in `never`), and the route walks cover its pages.
import type { OrgActor, Role } from './actor.ts';

export type Subject =
  /** A member of staff signed in with a role other than mediator, or an API key with a staff role. */
  | { kind: 'staff'; role: Role; userId: string | null }
  /** A volunteer mediator signed in (the mediator role): their own record, their own work, the cases they are on now. */
  | { kind: 'volunteer'; role: 'mediator'; userId: string }
  /** An API key that only sends referrals: the cases that came from its own referrals. */
  | { kind: 'referrer'; role: 'referrer'; keyId: string }
  /** Someone outside the service (a council, a funder) who sees its aggregate reports and no record at all. */
  | { kind: 'commissioner'; role: 'commissioner'; userId: string | null };

export function subjectOf(actor: OrgActor): Subject {
  if (actor.type === 'api_key' && actor.role === 'referrer') return { kind: 'referrer', role: 'referrer', keyId: actor.id };
  if (actor.role === 'commissioner') return { kind: 'commissioner', role: 'commissioner', userId: actor.type === 'user' ? actor.id : null };
  if (actor.type === 'user' && actor.role === 'mediator') return { kind: 'volunteer', role: 'mediator', userId: actor.id };
  return { kind: 'staff', role: actor.role, userId: actor.type === 'user' ? actor.id : null };
}

/** The sign-in behind the subject, when a person is asking (a commissioner owns no record of the service). */
export const userIdOf = (s: Subject): string | null => (s.kind === 'referrer' || s.kind === 'commissioner' ? null : s.userId);

/** The record is linked to this subject's own sign-in. */
export const owns = (s: Subject, ownerUserId: string | null): boolean => {
  const me = userIdOf(s);
  return me !== null && ownerUserId !== null && ownerUserId === me;
};

export const unreachable = (x: never): never => {
  throw new Error(`An access policy has no rule for ${JSON.stringify(x)}`);
};
