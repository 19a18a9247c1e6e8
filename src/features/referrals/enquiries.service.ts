// What staff do with an enquiry from the contact form: reply by email (through the outbox, in the same transaction
// that marks it answered), or start a referral from it for triage. Both are audited.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { matchKeys, normPostcode } from '#src/lib/normalise.ts';
import { findLocalAuthority } from '#src/features/postcodes/postcode-lookup.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { readSettings } from '#src/features/settings/settings.schemas.ts';
import { assignReferralReference } from './references.repo.ts';
import { findEnquiry, insertReferral, updateEnquiry } from './referrals.repo.ts';

/** A postcode's compact form and its local authority, when it is one. */
async function placeOf(tx: Db, postcode: string | null) {
  const postcodeNorm = normPostcode(postcode);
  return { postcodeNorm, localAuthority: postcodeNorm ? await findLocalAuthority(tx, postcodeNorm) : null };
}

export function createEnquiryService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  async function load(tx: Db, actor: OrgActor, id: string) {
    const enquiry = await findEnquiry(tx, actor.orgId, id);
    if (!enquiry) throw notFound(msg('That enquiry was not found'));
    return enquiry;
  }

  return {
    /** One enquiry, for the reply form. The view is audited. */
    async get(actor: OrgActor, id: string) {
      authorise(actor, 'referrals.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const enquiry = await load(tx, actor, id);
        await audit.record(tx, actor, actor.orgId, { action: 'enquiry.viewed', entityType: 'enquiry', entityId: id });
        return enquiry;
      });
    },

    /** Emails the enquirer (queued in the outbox) and marks the enquiry answered. */
    async reply(actor: OrgActor, id: string, input: { message: string }) {
      authorise(actor, 'referrals.triage');
      const message = input.message.trim();
      if (!message) throw new AppError('UNPROCESSABLE', msg('Enter your reply'), { reason: 'VALIDATION_FAILED', fields: { message: msg('Enter your reply') } });
      if (message.length > 10000)
        throw new AppError('UNPROCESSABLE', msg('Keep your reply to 10,000 characters'), {
          reason: 'VALIDATION_FAILED',
          fields: { message: msg('Keep your reply to 10,000 characters') },
        });
      return inOrg(db, actor.orgId, async (tx) => {
        const enquiry = await load(tx, actor, id);
        if (!enquiry.email)
          throw new AppError('UNPROCESSABLE', msg('This enquiry gave no email address: reply by phone'), {
            reason: 'NO_EMAIL_ADDRESS',
            fields: { message: msg('This enquiry gave no email address: reply by phone') },
          });
        const org = await findOrgById(tx, actor.orgId);
        const now = clock.now();
        const about = enquiry.reference ? ` (${enquiry.reference})` : '';
        const outboxId = await queueEmail(tx, {
          orgId: actor.orgId,
          template: 'enquiry_reply',
          to: enquiry.email,
          toName: enquiry.name,
          subject: `Your enquiry to ${org?.name ?? 'us'}${about}`,
          text: message,
          at: now,
        });
        await updateEnquiry(tx, actor.orgId, id, { status: 'answered', handledBy: actor.id, handledAt: now });
        await audit.record(tx, actor, actor.orgId, { action: 'enquiry.replied', entityType: 'enquiry', entityId: id, detail: { outboxId } });
        return { outboxId };
      });
    },

    /** A new referral in the queue from the enquiry: the enquirer as its one person (their role chosen at triage). */
    async startReferral(actor: OrgActor, id: string) {
      authorise(actor, 'referrals.triage');
      return inOrg(db, actor.orgId, async (tx) => {
        const enquiry = await load(tx, actor, id);
        const settings = readSettings((await findOrgById(tx, actor.orgId))?.settings);
        const now = clock.now();
        const referralId = newId();
        const person = {
          name: enquiry.name,
          role: 'party',
          isReferredPerson: true,
          ...(enquiry.email ? { email: enquiry.email } : {}),
          ...(enquiry.phone ? { phone: enquiry.phone } : {}),
          ...(enquiry.postcode ? { postcode: enquiry.postcode } : {}),
        };
        await insertReferral(tx, {
          id: referralId,
          orgId: actor.orgId,
          reference: `pending-${referralId}`,
          source: 'enquiry',
          status: 'new',
          caseType: settings.caseTypes[0] ?? 'community',
          urgent: false,
          description: enquiry.message,
          parties: [person],
          answers: { enquiryId: enquiry.id, enquiryReference: enquiry.reference, appointment: enquiry.appointment },
          referrer: null,
          risks: [],
          consentToContact: true,
          matchKeys: matchKeys([person]),
          createdAt: now,
          createdByKey: null,
          // The reports' place, as referrals.service keeps it.
          ...(await placeOf(tx, enquiry.postcode)),
        });
        const reference = await assignReferralReference(tx, actor.orgId, referralId, settings.referencePrefix, now.getUTCFullYear());
        await updateEnquiry(tx, actor.orgId, id, { status: 'answered', handledBy: actor.id, handledAt: now });
        await audit.record(tx, actor, actor.orgId, {
          action: 'referral.created',
          entityType: 'referral',
          entityId: referralId,
          detail: { source: 'enquiry', reference, enquiryId: id },
        });
        return { id: referralId, reference };
      });
    },
  };
}
export type EnquiryService = ReturnType<typeof createEnquiryService>;
