// The public side of a service: its coverage check, enquiries and volunteer applications.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { parsePostcode } from '#src/lib/normalise.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { insertEnquiry, insertVolunteerApplication, nextEnquiryReference, updateEnquiry } from '#src/features/referrals/intake-records.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { readSettings } from '#src/features/settings/settings.schemas.ts';
import { listEnquiries, listVolunteerApplications } from '#src/features/referrals/referral-reads.ts';
import type { Enquiry, VolunteerApplication } from '#src/features/referrals/referrals.schemas.ts';
import type { ServiceSettings } from '#src/features/settings/settings.schemas.ts';
import { type Coverage, decideCoverage } from './coverage.ts';
import { findLocalAuthority, hasPostcodes } from '#src/features/postcodes/postcode-lookup.ts';

export function createPublicIntakeService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  return {
    async checkCoverage(settings: ServiceSettings, postcode: string): Promise<Coverage> {
      const parsed = parsePostcode(postcode);
      if (!parsed) return decideCoverage(parsed, null, settings.areas);
      return asSystem(db, async (tx) => {
        const la = await findLocalAuthority(tx, parsed.compact);
        const loaded = la !== null || !settings.areas.localAuthorities.length || (await hasPostcodes(tx));
        return decideCoverage(parsed, la, settings.areas, loaded);
      });
    },

    async createEnquiry(orgId: string, input: Enquiry, actor: Actor) {
      if (!input.email && !input.phone)
        throw new AppError('UNPROCESSABLE', msg('Give an email address or a phone number so we can reply'), {
          reason: 'VALIDATION_FAILED',
          fields: { email: 'Enter an email address or a phone number so we can reply' },
        });
      const id = newId();
      return inOrg(db, orgId, async (tx) => {
        const now = clock.now();
        const prefix = readSettings((await findOrgById(tx, orgId))?.settings).referencePrefix;
        const reference = await nextEnquiryReference(tx, orgId, prefix, now.getUTCFullYear());
        await insertEnquiry(tx, {
          id,
          orgId,
          name: input.name,
          email: input.email || null,
          phone: input.phone || null,
          postcode: input.postcode || null,
          message: input.message,
          appointment: input.days?.length || input.times?.length ? { days: input.days ?? [], times: input.times ?? [] } : null,
          reference,
          createdAt: now,
        });
        await audit.record(tx, actor, orgId, { action: 'enquiry.created', entityType: 'enquiry', entityId: id, detail: { reference } });
        return { id, reference };
      });
    },

    async listEnquiries(actor: OrgActor, status?: string) {
      authorise(actor, 'referrals.view');
      return inOrg(db, actor.orgId, (tx) => listEnquiries(tx, actor.orgId, status));
    },

    async closeEnquiry(actor: OrgActor, id: string) {
      authorise(actor, 'referrals.triage');
      await inOrg(db, actor.orgId, async (tx) => {
        if (!(await updateEnquiry(tx, actor.orgId, id, { status: 'answered', handledBy: actor.id, handledAt: clock.now() })))
          throw new AppError('NOT_FOUND', msg('That enquiry was not found'));
        await audit.record(tx, actor, actor.orgId, { action: 'enquiry.answered', entityType: 'enquiry', entityId: id });
      });
    },

    async createVolunteerApplication(orgId: string, input: VolunteerApplication, actor: Actor) {
      const id = newId();
      const { name, email, phone, postcode, ...details } = input;
      await inOrg(db, orgId, async (tx) => {
        await insertVolunteerApplication(tx, { id, orgId, name, email, phone: phone || null, postcode: postcode || null, details, createdAt: clock.now() });
        await audit.record(tx, actor, orgId, { action: 'volunteer_application.created', entityType: 'volunteer_application', entityId: id });
      });
      return { id };
    },

    async listVolunteerApplications(actor: OrgActor) {
      authorise(actor, 'people.view');
      return inOrg(db, actor.orgId, (tx) => listVolunteerApplications(tx, actor.orgId));
    },
  };
}
export type PublicIntakeService = ReturnType<typeof createPublicIntakeService>;
