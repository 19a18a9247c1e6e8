// A person chosen on a form or in an API body (a case's coordinator, a task's assignee) must be an active member of
// the service. The database refuses anyone else too (same-service keys, migration 0017): this says so in words first.
import type { Db } from '#src/db/client.ts';
import type { Role } from '#src/access/actor.ts';
import { AppError } from '#src/lib/app-error.ts';
import { findMember } from './people.repo.ts';

export async function assertActiveMember(tx: Db, orgId: string, userId: string, check: { field: string; message: string; roles?: readonly Role[] }) {
  const member = await findMember(tx, orgId, userId);
  if (member?.status === 'active' && (!check.roles || check.roles.includes(member.role as Role))) return;
  throw new AppError('UNPROCESSABLE', check.message, { reason: 'NOT_A_MEMBER', fields: { [check.field]: check.message } });
}
