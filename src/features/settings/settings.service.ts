// Reading and changing a service's settings (admin), and the public view of them.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { findOrgById, findOrgBySlug, insertCaseType, listCaseTypes, updateCaseType, updateOrgSettings } from '#src/features/orgs/org-records.ts';
import { type CaseTypeChange, codeFor, type NewCaseType, serviceCaseTypes } from './case-types.ts';
import { readSettings, type ServiceSettings, type SettingsPatch, ZServiceSettings } from './settings.schemas.ts';
import { noticesInForce, ukDateOf } from './notices.ts';
import { applyMergePatch } from '#src/lib/merge-patch.ts';
import { zodFields } from '#src/lib/zod-fields.ts';

/** The service's settings as stored, read in the caller's transaction. */
const settingsIn = async (tx: Db, orgId: string) => readSettings((await findOrgById(tx, orgId))?.settings);

export function createSettingsService({ db, audit }: { db: Db; audit: Audit }) {
  /** Works out the new settings from the stored ones, validates them whole (the same schema for every way in) and saves them. */
  async function save(actor: OrgActor, changed: string[], next: (current: ServiceSettings) => unknown) {
    authorise(actor, 'settings.manage');
    return inOrg(db, actor.orgId, async (tx) => {
      const parsed = ZServiceSettings.safeParse(next(await settingsIn(tx, actor.orgId)));
      if (!parsed.success)
        throw new AppError('UNPROCESSABLE', msg('Some settings are not valid'), { reason: 'VALIDATION_FAILED', fields: zodFields(parsed.error) });
      const codes = (await listCaseTypes(tx, actor.orgId)).map((r) => r.code);
      if (parsed.data.caseTypes.some((c) => !codes.includes(c)))
        throw new AppError('UNPROCESSABLE', msg('Some settings are not valid'), {
          reason: 'VALIDATION_FAILED',
          fields: { caseTypes: 'Choose the case types the service offers from its case types' },
        });
      if (parsed.data.volunteers.dbsRequiredFor.some((c) => !codes.includes(c)))
        throw new AppError('UNPROCESSABLE', msg('Some settings are not valid'), {
          reason: 'VALIDATION_FAILED',
          fields: { 'volunteers.dbsRequiredFor': msg('Choose case types from the service’s case types') },
        });
      await updateOrgSettings(tx, actor.orgId, parsed.data);
      await audit.record(tx, actor, actor.orgId, { action: 'settings.updated', entityType: 'organisation', entityId: actor.orgId, detail: { changed } });
      return parsed.data;
    });
  }

  return {
    async get(actor: OrgActor) {
      authorise(actor, 'settings.manage');
      return inOrg(db, actor.orgId, (tx) => settingsIn(tx, actor.orgId));
    },

    /**
     * The settings page: the settings with the service's case types, in one transaction. `storedSettings` are the
     * settings as the request's session read them with the service, moments before; without them they are read here.
     */
    async overview(actor: OrgActor, storedSettings?: unknown) {
      authorise(actor, 'settings.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const settings = storedSettings !== undefined ? readSettings(storedSettings) : await settingsIn(tx, actor.orgId);
        return { settings, types: await serviceCaseTypes(tx, actor.orgId, settings.caseTypes) };
      });
    },

    /** Settings any signed-in member's work depends on (case types, prefixes, notices); no permission needed. */
    async forWork(orgId: string) {
      return inOrg(db, orgId, (tx) => settingsIn(tx, orgId));
    },

    /** The service's case types, built in and its own, each marked offered or not; no permission needed (work and public pages). */
    async caseTypes(orgId: string) {
      return inOrg(db, orgId, async (tx) => serviceCaseTypes(tx, orgId, (await settingsIn(tx, orgId)).caseTypes));
    },

    /** A case type of the service's own, offered from now on; its code comes from its name. */
    async addCaseType(actor: OrgActor, input: NewCaseType) {
      authorise(actor, 'settings.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const taken = (await listCaseTypes(tx, actor.orgId)).map((r) => r.code);
        const code = codeFor(input.name, taken);
        const referencePrefix = input.referencePrefix || null;
        await insertCaseType(tx, { orgId: actor.orgId, code, name: input.name, kind: input.kind, referencePrefix });
        const settings = await settingsIn(tx, actor.orgId);
        // Its mediators need a DBS check when its kind's built-in type's do, until the volunteer policy says otherwise.
        const dbs = settings.volunteers.dbsRequiredFor;
        const volunteers = { ...settings.volunteers, dbsRequiredFor: dbs.includes(input.kind) ? [...dbs, code] : dbs };
        await updateOrgSettings(tx, actor.orgId, { ...settings, caseTypes: [...settings.caseTypes, code], volunteers });
        await audit.record(tx, actor, actor.orgId, {
          action: 'case_type.added',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { code, kind: input.kind },
        });
        return (await serviceCaseTypes(tx, actor.orgId, [...settings.caseTypes, code])).find((c) => c.code === code)!;
      });
    },

    /** Renames one of the service's own case types or changes any type's reference prefix (its kind never changes). */
    async changeCaseType(actor: OrgActor, code: string, change: CaseTypeChange) {
      authorise(actor, 'settings.manage');
      return inOrg(db, actor.orgId, async (tx) => {
        const settings = await settingsIn(tx, actor.orgId);
        const current = (await serviceCaseTypes(tx, actor.orgId, settings.caseTypes)).find((c) => c.code === code);
        if (!current) throw new AppError('NOT_FOUND', msg('That case type was not found'));
        if (change.name !== undefined && current.name === null)
          throw new AppError('UNPROCESSABLE', msg('A built-in case type keeps its name'), {
            reason: 'VALIDATION_FAILED',
            fields: { name: 'A built-in case type keeps its name; add a case type of your own to use another name' },
          });
        const set = {
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.referencePrefix !== undefined ? { referencePrefix: change.referencePrefix || null } : {}),
        };
        if (Object.keys(set).length > 0) await updateCaseType(tx, actor.orgId, code, set);
        await audit.record(tx, actor, actor.orgId, {
          action: 'case_type.changed',
          entityType: 'organisation',
          entityId: actor.orgId,
          detail: { code, changed: Object.keys(set) },
        });
        return (await serviceCaseTypes(tx, actor.orgId, settings.caseTypes)).find((c) => c.code === code)!;
      });
    },

    /** The texts of the notices in force today, for the banner on every staff page; no permission needed. */
    /** The texts of the notices in force now, from the service's stored settings (the session's read carries them). */
    noticesToday(storedSettings: unknown, now: Date) {
      return noticesInForce(readSettings(storedSettings).notices, ukDateOf(now)).map((n) => n.text);
    },

    /** Changes sections from the pages and the app's own use: each top-level member given replaces the stored one, except
     * areas, volunteers and meetings, whose members given replace the stored members. */
    async update(actor: OrgActor, patch: SettingsPatch) {
      return save(actor, Object.keys(patch), (current) => ({
        ...current,
        ...patch,
        areas: { ...current.areas, ...(patch.areas ?? {}) },
        volunteers: { ...current.volunteers, ...(patch.volunteers ?? {}) },
        meetings: { ...current.meetings, ...(patch.meetings ?? {}) },
        followUp: { ...current.followUp, ...(patch.followUp ?? {}) },
      }));
    },

    /** PATCH: a JSON Merge Patch (RFC 7396) of the settings as the API shows them; what it leaves out stays as it is. */
    async mergePatch(actor: OrgActor, patch: Record<string, unknown>) {
      return save(actor, Object.keys(patch), (current) => applyMergePatch(current, patch));
    },

    /** PUT: the whole settings, replaced; what is left out goes back to its default. */
    async replace(actor: OrgActor, settings: Record<string, unknown>) {
      return save(actor, Object.keys(settings), (current) => ({ ...settings, twoFactorRoles: current.twoFactorRoles }));
    },

    /** The public face of a service by its short name, for /s/{service}/… pages. */
    async publicService(slug: string) {
      const org = await findOrgBySlug(db, slug); // one read as the owner: no transaction needed
      if (!org) throw new AppError('NOT_FOUND', msg('There is no service called “{slug}” on this site'), { reason: 'NO_SUCH_SERVICE', params: { slug } });
      const settings = readSettings(org.settings);
      const types = await serviceCaseTypes(db, org.id, settings.caseTypes);
      /** The case types offered, in the order the settings list them. */
      const offers = settings.caseTypes.flatMap((code) => types.filter((c) => c.code === code));
      return { id: org.id, slug: org.slug, name: org.name, email: org.email, phone: org.phone, address: org.address, settings, types, offers };
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
