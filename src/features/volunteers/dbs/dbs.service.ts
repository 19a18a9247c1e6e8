// DBS checks (rules.md #51–54): record a check with its certificate number sealed at rest, log Update Service
// status checks, and say where the volunteer stands. The number is shown masked everywhere; the full number only
// to coordinators and admins who ask for it, and every such showing is audited.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, invalid, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import type { SecretBox } from '#src/lib/tokens.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise, can } from '#src/access/permissions.ts';
import { type DbsCheckRow, findDbsCheck, insertDbsCheck, listDbsChecks, updateStatusChecks } from './dbs.repo.ts';
import { dbsStanding, latestCheck } from './dbs-status.ts';
import type { DbsCheckInput, StatusCheckInput } from '../training/training.schemas.ts';
import { todayOf } from '../calendar.ts';
import { volunteerFor, volunteerPolicyOf } from '../records/my-volunteer.ts';
import { getVolunteer } from '../records/volunteers.repo.ts';

/** "•••• •••• 1234": the only form of a certificate number outside an audited "Show number". */
export const maskCertificate = (last4: string) => `•••• •••• ${last4}`;
/** "0012 3456 7890". */
export const spacedCertificate = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** A check as pages and the API see it: never the sealed number. */
export function presentCheck(c: DbsCheckRow) {
  return {
    id: c.id,
    level: c.level,
    workforce: c.workforce,
    certificateNumberMasked: maskCertificate(c.certificateLast4),
    issuedOn: c.issuedOn,
    updateService: c.updateService,
    statusChecks: [...c.statusChecks].sort((a, b) => b.on.localeCompare(a.on)),
    recordedBy: c.recordedBy,
    createdAt: c.createdAt,
  };
}
export type PresentedCheck = ReturnType<typeof presentCheck>;

/** The checks (masked) and the standing of the latest, for a volunteer already loaded in this transaction. */
export async function dbsSummary(tx: Db, orgId: string, volunteerId: string, today: string) {
  const checks = await listDbsChecks(tx, orgId, volunteerId);
  const policy = await volunteerPolicyOf(tx, orgId);
  const latest = latestCheck(checks);
  return { checks: checks.map(presentCheck), latestId: latest?.id ?? null, standing: dbsStanding(latest, policy, today) };
}

export function createDbsService({ db, clock, audit, box }: { db: Db; clock: Clock; audit: Audit; box: SecretBox }) {
  return {
    /** A volunteer's checks (masked) and standing. Audited. */
    async get(actor: OrgActor, volunteerId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await volunteerFor(tx, actor, volunteerId, 'view');
        const summary = await dbsSummary(tx, actor.orgId, v.id, todayOf(clock));
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.dbs_viewed', entityType: 'volunteer', entityId: v.id });
        return { volunteer: { id: v.id, name: v.name, status: v.status }, ...summary, canManage: can(actor.role, 'volunteers.manage') };
      });
    },

    async record(actor: OrgActor, volunteerId: string, input: DbsCheckInput) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        if (input.issuedOn > todayOf(clock)) throw invalid({ issuedOn: 'The issue date must be today or in the past' });
        if (input.issuedOn < '2002-01-01') throw invalid({ issuedOn: 'The issue date must be after 2002, when criminal record certificates began' });
        const id = newId();
        await insertDbsCheck(tx, {
          id,
          orgId: actor.orgId,
          volunteerId: v.id,
          level: input.level,
          workforce: input.workforce,
          certificateNumber: box.seal(input.certificateNumber),
          certificateLast4: input.certificateNumber.slice(-4),
          issuedOn: input.issuedOn,
          updateService: input.updateService,
          statusChecks: [],
          recordedBy: actor.label ?? actor.id,
          createdAt: clock.now(),
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.dbs_recorded',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { checkId: id, level: input.level, workforce: input.workforce, issuedOn: input.issuedOn },
        });
        return { id };
      });
    },

    /** Logs an Update Service status check on a certificate that is on the Update Service. */
    async addStatusCheck(actor: OrgActor, volunteerId: string, checkId: string, input: StatusCheckInput) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        const check = await findDbsCheck(tx, actor.orgId, v.id, checkId);
        if (!check) throw notFound(msg('That DBS check was not found'));
        if (!check.updateService) {
          const message = 'This certificate is not on the DBS Update Service, so it cannot have status checks. Record a new check instead';
          throw new AppError('CONFLICT', message, { reason: 'NOT_ON_UPDATE_SERVICE', fields: { on: message } });
        }
        if (input.on > todayOf(clock)) throw invalid({ on: 'The date of the status check must be today or in the past' });
        if (input.on < check.issuedOn) throw invalid({ on: 'The date of the status check must be on or after the certificate’s issue date' });
        const id = newId();
        await updateStatusChecks(tx, actor.orgId, check.id, [...check.statusChecks, { id, on: input.on, result: input.result, by: actor.label ?? actor.id }]);
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.dbs_status_checked',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { checkId, on: input.on, result: input.result },
        });
        return { id };
      });
    },

    /** The full certificate number, for coordinators and admins who ask. Audited. */
    async reveal(actor: OrgActor, volunteerId: string, checkId: string) {
      authorise(actor, 'volunteers.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const v = await getVolunteer(tx, actor.orgId, volunteerId);
        const check = await findDbsCheck(tx, actor.orgId, v.id, checkId);
        if (!check) throw notFound(msg('That DBS check was not found'));
        const number = box.openOrNull(check.certificateNumber);
        if (number === null)
          throw new AppError(
            'CONFLICT',
            msg(
              'This certificate number cannot be read: it was encrypted with a different secret key (Parley was moved or its secret changed without re-encrypting). Ask whoever runs Parley to re-encrypt with the old secret, or record the check again.',
            ),
            { reason: 'SEALED_VALUE_UNREADABLE' },
          );
        await audit.record(tx, actor, actor.orgId, { action: 'volunteer.dbs_number_shown', entityType: 'volunteer', entityId: v.id, detail: { checkId } });
        return { checkId: check.id, certificateNumber: spacedCertificate(number) };
      });
    },
  };
}
export type DbsService = ReturnType<typeof createDbsService>;
