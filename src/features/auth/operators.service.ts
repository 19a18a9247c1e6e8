// Instance operators: the people who run this Parley instance and load the data every service shares (the postcode
// lookup). The flag is on the person's account, not a service's role (docs/decisions/010); it is given by the
// first-run set-up and by `parley operator grant`, taken back by `parley operator revoke`, and each change is
// recorded on the platform audit chain (it belongs to no service).
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Actor } from '#src/access/actor.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { findUserByEmail, listInstanceOperators, updateUser } from './users.repo.ts';

/** Gives or takes back the flag inside the caller's transaction, audited; false when it was already so. */
export async function setInstanceOperator(tx: Db, audit: Audit, actor: Actor, user: { id: string; instanceOperator: boolean }, on: boolean, how: string) {
  if (user.instanceOperator === on) return false;
  await updateUser(tx, user.id, { instanceOperator: on });
  await audit.record(tx, actor, null, { action: on ? 'operator.granted' : 'operator.revoked', entityType: 'user', entityId: user.id, detail: { how } });
  return true;
}

export function createOperatorService({ db, audit }: { db: Db; audit: Audit }) {
  async function change(email: string, on: boolean, actor: Actor) {
    return asSystem(db, async (tx) => {
      const user = await findUserByEmail(tx, email);
      if (!user) throw new AppError('NOT_FOUND', msg('No account has the email address {email}'), { params: { email } });
      const changed = await setInstanceOperator(tx, audit, actor, user, on, 'cli');
      return { name: user.name, email: user.email, changed };
    });
  }
  return {
    /** Makes the account with this email address an instance operator. */
    grant: (email: string, actor: Actor) => change(email, true, actor),
    /** Takes the instance operator flag back from the account with this email address. */
    revoke: (email: string, actor: Actor) => change(email, false, actor),
    list: () => asSystem(db, (tx) => listInstanceOperators(tx)),
  };
}
export type OperatorService = ReturnType<typeof createOperatorService>;
