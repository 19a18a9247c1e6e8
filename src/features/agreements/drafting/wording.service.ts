// Settings → Agreement wording: each case type's statements (admins change them; new agreements start with them).
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { CASE_TYPES } from '#src/domain/case-words.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { builtInStatements } from '../agreement-words.ts';
import { listWording, upsertWording } from '../agreements.repo.ts';
import type { StatementsInput } from '../agreements.schemas.ts';

export function createWordingService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  return {
    async list(actor: OrgActor) {
      authorise(actor, 'settings.manage');
      const rows = await inOrg(db, actor.orgId, (tx) => listWording(tx, actor.orgId));
      return CASE_TYPES.map((caseType) => {
        const own = rows.find((r) => r.caseType === caseType);
        return { caseType, statements: own?.statements ?? builtInStatements(caseType), isOwn: Boolean(own) };
      });
    },

    async save(actor: OrgActor, caseType: string, statements: StatementsInput) {
      authorise(actor, 'settings.manage');
      if (!(CASE_TYPES as readonly string[]).includes(caseType)) throw new AppError('NOT_FOUND', 'There is no such case type', { reason: 'NO_SUCH_CASE_TYPE' });
      return inOrg(db, actor.orgId, async (tx) => {
        await upsertWording(tx, { id: newId(), orgId: actor.orgId, caseType, statements, updatedBy: actor.label ?? actor.id, updatedAt: clock.now() });
        await audit.record(tx, actor, actor.orgId, {
          action: 'settings.agreement_wording_changed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { caseType },
        });
        return { caseType };
      });
    },
  };
}
