// Settings → Agreement wording: each case type's statements (admins change them; new agreements start with them).
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { AppError } from '#src/lib/app-error.ts';
import { msg } from '#src/i18n/i18n.ts';
import { allCaseTypes } from '#src/features/referrals/case-type-choices.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { builtInStatements } from '../agreement-words.ts';
import { listWording, upsertWording } from '../agreements.repo.ts';
import type { StatementsInput } from '../agreements.schemas.ts';

export function createWordingService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  return {
    /** Each case type's wording: the service's types offered now, on a case or with wording of their own; a type without
     * its own wording shows the built-in wording of its kind. */
    async list(actor: OrgActor) {
      authorise(actor, 'settings.manage');
      const { rows, types } = await inOrg(db, actor.orgId, async (tx) => ({
        rows: await listWording(tx, actor.orgId),
        types: await allCaseTypes(tx, actor.orgId),
      }));
      return types
        .filter((c) => c.offered || c.inUse || rows.some((r) => r.caseType === c.code))
        .map((c) => {
          const own = rows.find((r) => r.caseType === c.code);
          return { caseType: c.code, type: c, statements: own?.statements ?? builtInStatements(c.kind), isOwn: Boolean(own) };
        });
    },

    async save(actor: OrgActor, caseType: string, statements: StatementsInput) {
      authorise(actor, 'settings.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        if (!(await allCaseTypes(tx, actor.orgId)).some((c) => c.code === caseType))
          throw new AppError('NOT_FOUND', msg('There is no such case type in this service'), { reason: 'NO_SUCH_CASE_TYPE' });
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
