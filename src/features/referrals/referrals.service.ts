// Referrals: made by the public, by professionals (form or API key), triaged by coordinators into cases.
import { msg, type Translate, wordedLower } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { assertActiveMember } from '#src/features/people/member-check.ts';
import { AppError, inEnglish, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { matchKeys, normEmail, normName, normPhone, normPostcode } from '#src/lib/normalise.ts';
import { zodFields } from '#src/lib/zod-fields.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor, OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { CASE_TYPE_LABELS, type CaseKind, caseTypeName, isCaseKind } from '#src/domain/case-words.ts';
import { findCase, listParties } from '#src/features/cases/case-reads.ts';
import { insertCase, insertParties } from '#src/features/cases/new-case.ts';
import { insertEvent } from '#src/features/cases/case-timeline.ts';
import { findOrgById, listCaseTypes } from '#src/features/orgs/org-records.ts';
import { findLocalAuthority } from '#src/features/postcodes/postcode-lookup.ts';
import { readSettings } from '#src/features/settings/settings.schemas.ts';
import { assignReferralReference, formatReference, nextNumber } from './references.repo.ts';
import { findLikelyDuplicates, findReferral, insertReferral, listReferrals, updateReferral } from './referrals.repo.ts';
import { type ProfessionalReferral, parseCaseDetails, type SelfReferral } from './referrals.schemas.ts';
import type { ReferralParty } from '#src/db/schema/referrals.ts';

export type ReferralSource = 'self' | 'professional' | 'api' | 'enquiry';

/** A person from a referral as a party on a case. People who harmed carry the custody details from the referral. */
function partyRow(orgId: string, caseId: string, p: ReferralParty, details: Record<string, unknown>, createdAt: Date) {
  const harmed = p.role === 'person_who_harmed';
  return {
    id: newId(),
    orgId,
    caseId,
    name: p.name,
    role: p.role,
    email: p.email ?? null,
    phone: p.phone ?? null,
    address: p.address ?? null,
    postcode: p.postcode ?? null,
    safeContact: p.safeContact ?? null,
    canLeaveMessages: p.canLeaveMessages ?? null,
    needs: p.needs ?? null,
    inCustody: harmed && Boolean(details.inCustody),
    establishment: harmed ? ((details.establishment as string) ?? null) : null,
    prisonNumber: harmed ? ((details.prisonNumber as string) ?? null) : null,
    offenderManager: harmed ? ((details.offenderManager as string) ?? null) : null,
    nameNorm: normName(p.name),
    phoneNorm: normPhone(p.phone),
    emailNorm: normEmail(p.email),
    postcodeNorm: normPostcode(p.postcode),
    createdAt,
  };
}

type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

/** A referral still waiting for triage; accepting, linking and declining all start here. */
async function openUndecided(tx: Db, orgId: string, id: string): Promise<ReferralRow> {
  const referral = await findReferral(tx, orgId, id);
  if (!referral) throw notFound(msg('That referral was not found'));
  if (referral.status !== 'new')
    throw new AppError('CONFLICT', msg('This referral has already been {status}'), { reason: 'REFERRAL_ALREADY_DECIDED', params: { status: referral.status } });
  return referral;
}

/** The referral goes on the case's timeline (with everything it said) and is marked accepted into that case. */
async function settleOnCase(tx: Db, actor: OrgActor, referral: ReferralRow, caseId: string, at: Date, summary: string, decisionReason: string | null) {
  await insertEvent(tx, {
    orgId: actor.orgId,
    caseId,
    kind: 'referral',
    at,
    actorId: actor.id,
    actorLabel: actor.label ?? null,
    summary,
    body: referral.description,
    data: { referralId: referral.id, source: referral.source, referrer: referral.referrer, answers: referral.answers },
  });
  await updateReferral(tx, actor.orgId, referral.id, { status: 'accepted', decidedBy: actor.id, decidedAt: at, caseId, decisionReason });
}

export function createReferralService({ db, clock, audit }: { db: Db; clock: Clock; audit: Audit }) {
  async function create(orgId: string, source: ReferralSource, input: SelfReferral | ProfessionalReferral, actor: Actor) {
    return inOrg(db, orgId, async (tx) => {
      const settings = readSettings((await findOrgById(tx, orgId))?.settings);
      const types = await listCaseTypes(tx, orgId);
      const type = types.find((c) => c.code === input.caseType);
      if (!type || !settings.caseTypes.includes(input.caseType)) {
        // i18n-dynamic: built-in case type names are msg() values; a service's own are its names
        const offered = {
          text: msg('This service offers: {types}'),
          params: {
            types: (t: Translate) =>
              settings.caseTypes
                .map((c) =>
                  caseTypeName(
                    t,
                    types.find((x) => x.code === c),
                    c,
                  ),
                )
                .join(', '),
          },
        };
        throw new AppError('UNPROCESSABLE', msg('This service does not offer {type}'), {
          reason: 'CASE_TYPE_NOT_OFFERED',
          params: { type: type?.name ?? (isCaseKind(input.caseType) ? wordedLower(CASE_TYPE_LABELS[input.caseType]) : input.caseType) },
          fields: { caseType: inEnglish(offered) },
          fieldParams: { caseType: offered },
        });
      }
      const details = parseCaseDetails(type.kind as CaseKind, input.details);
      if (!details.success) {
        const fields = Object.fromEntries(Object.entries(zodFields(details.error)).map(([k, v]) => [`details.${k}`, v]));
        throw new AppError('UNPROCESSABLE', msg('Some answers about the case are not valid'), { reason: 'VALIDATION_FAILED', fields });
      }
      const now = clock.now();
      const year = now.getUTCFullYear();
      const id = newId();
      const referrer = 'referrer' in input ? { ...input.referrer, personAgreed: input.personAgreed, lineManagerAware: input.lineManagerAware ?? null } : null;
      const postcodeNorm = normPostcode((input.parties.find((p) => p.isReferredPerson) ?? input.parties[0])?.postcode);
      await insertReferral(tx, {
        id,
        orgId,
        reference: `pending-${id}`,
        source,
        status: 'new',
        caseType: input.caseType,
        urgent: Boolean(input.urgent || input.anyoneAtRisk || input.risks?.includes('anyone_at_risk')),
        description: input.description,
        parties: input.parties.map((p) => ({ ...p, postcode: p.postcode || undefined, email: p.email || undefined, phone: p.phone || undefined })),
        answers: {
          whatWouldHelp: input.whatWouldHelp ?? null,
          anyoneAtRisk: input.anyoneAtRisk ?? null,
          safetyDetails: input.safetyDetails ?? null,
          bestTimes: input.bestTimes ?? null,
          details: details.data,
        },
        referrer,
        risks: input.risks ?? [],
        consentToContact: input.consentToContact,
        matchKeys: matchKeys(input.parties),
        createdAt: now,
        createdByKey: actor.type === 'api_key' ? (actor.id ?? null) : null,
        // The reports' place: the referred person's postcode and its local authority, as the case will have them.
        postcodeNorm,
        localAuthority: postcodeNorm ? await findLocalAuthority(tx, postcodeNorm) : null,
      });
      // The reference counter and the audit chain are locked per service until commit: take them last, so
      // concurrent referrals queue for a moment rather than for the whole transaction.
      const reference = await assignReferralReference(tx, orgId, id, settings.referencePrefix, year);
      await audit.record(tx, actor, orgId, { action: 'referral.created', entityType: 'referral', entityId: id, detail: { source, reference } });
      return { id, reference };
    });
  }

  return {
    createFromPublic: (orgId: string, input: SelfReferral, actor: Actor) => create(orgId, 'self', input, actor),
    createFromProfessional: (orgId: string, input: ProfessionalReferral, actor: Actor) =>
      create(orgId, actor.type === 'api_key' ? 'api' : 'professional', input, actor),

    async list(actor: OrgActor, filter: { status?: string; page?: number }) {
      authorise(actor, 'referrals.view');
      const limit = 50;
      return inOrg(db, actor.orgId, (tx) => listReferrals(tx, actor.orgId, { status: filter.status, limit, offset: ((filter.page ?? 1) - 1) * limit }));
    },

    /** The referrals an API key with the referrer role made, newest first, to follow their status. The read is audited. */
    async listOwn(actor: OrgActor, filter: { status?: string; page?: number }) {
      authorise(actor, 'referrals.own');
      if (actor.type !== 'api_key' || !actor.id)
        throw new AppError('FORBIDDEN', msg('Only an API key lists the referrals it made'), { reason: 'ROLE_NOT_ALLOWED' });
      const limit = 50;
      return inOrg(db, actor.orgId, async (tx) => {
        const found = await listReferrals(tx, actor.orgId, { status: filter.status, createdByKey: actor.id, limit, offset: ((filter.page ?? 1) - 1) * limit });
        await audit.record(tx, actor, actor.orgId, {
          action: 'referral.listed_own',
          entityType: 'api_key',
          entityId: actor.id,
          detail: { count: found.rows.length },
        });
        return found;
      });
    },

    /** One referral with the open referrals and cases that look like the same people. The view is audited. */
    async get(actor: OrgActor, id: string) {
      authorise(actor, 'referrals.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const referral = await findReferral(tx, actor.orgId, id);
        if (!referral) throw notFound(msg('That referral was not found'));
        const duplicates = await findLikelyDuplicates(tx, actor.orgId, id, referral.matchKeys);
        await audit.record(tx, actor, actor.orgId, { action: 'referral.viewed', entityType: 'referral', entityId: id });
        return { referral, duplicates };
      });
    },

    /**
     * Link a referral to an open case it duplicates: people not already on the case (by name, phone or email)
     * are added as parties, and the referral goes on the case's timeline.
     */
    async linkToCase(actor: OrgActor, id: string, caseId: string) {
      authorise(actor, 'referrals.triage');
      return inOrg(db, actor.orgId, async (tx) => {
        const referral = await openUndecided(tx, actor.orgId, id);
        const c = await findCase(tx, actor.orgId, caseId);
        if (!c) throw notFound(msg('That case was not found'));
        const existing = await listParties(tx, actor.orgId, caseId);
        const known = (p: ReferralParty) =>
          existing.some(
            (e) =>
              e.nameNorm === normName(p.name) ||
              (normPhone(p.phone) && e.phoneNorm === normPhone(p.phone)) ||
              (normEmail(p.email) && e.emailNorm === normEmail(p.email)),
          );
        const now = clock.now();
        const added = referral.parties.filter((p) => !known(p));
        await insertParties(
          tx,
          added.map((p, i) => partyRow(actor.orgId, caseId, p, {}, new Date(now.getTime() + i))),
        );
        const addedNames = added.length ? `; added ${added.map((p) => p.name).join(', ')}` : '';
        await settleOnCase(tx, actor, referral, caseId, now, `Referral ${referral.reference} linked to this case${addedNames}`, `Linked to ${c.reference}`);
        await audit.record(tx, actor, actor.orgId, { action: 'referral.linked', entityType: 'referral', entityId: id, detail: { caseId } });
        return { caseId, reference: c.reference, addedParties: added.length };
      });
    },

    /** Accept: a case with the referral's people as parties, and the referral on its timeline. */
    async accept(actor: OrgActor, id: string, opts: { coordinatorId?: string } = {}) {
      authorise(actor, 'referrals.triage');
      return inOrg(db, actor.orgId, async (tx) => {
        const referral = await openUndecided(tx, actor.orgId, id);
        if (opts.coordinatorId)
          await assertActiveMember(tx, actor.orgId, opts.coordinatorId, {
            field: 'coordinatorId',
            message: 'Choose a coordinator from the admins and coordinators of this service',
            roles: ['admin', 'coordinator'],
          });
        const settings = readSettings((await findOrgById(tx, actor.orgId))?.settings);
        const now = clock.now();
        const year = now.getUTCFullYear();
        const type = (await listCaseTypes(tx, actor.orgId)).find((c) => c.code === referral.caseType);
        const prefix = type?.referencePrefix ?? settings.referencePrefix;
        const reference = formatReference(prefix, year, await nextNumber(tx, actor.orgId, `case:${prefix}`, year));
        const caseId = newId();
        const first = referral.parties.find((p) => p.isReferredPerson) ?? referral.parties[0];
        const details = (referral.answers.details ?? {}) as Record<string, unknown>;
        const postcode = normPostcode(first?.postcode);
        const localAuthority = postcode ? await findLocalAuthority(tx, postcode) : null;
        await insertCase(tx, {
          id: caseId,
          orgId: actor.orgId,
          reference,
          caseType: referral.caseType,
          status: 'intake',
          urgent: referral.urgent,
          referralId: referral.id,
          coordinatorId: opts.coordinatorId ?? (actor.type === 'user' ? actor.id : null),
          summary: referral.description.slice(0, 500),
          details: { ...details, risks: referral.risks, referrer: referral.referrer },
          postcodeNorm: postcode,
          localAuthority,
          openedAt: now,
          statusChangedAt: now,
        });
        await insertParties(
          tx,
          referral.parties.map((p, i) => partyRow(actor.orgId, caseId, p, details, new Date(now.getTime() + i))),
        );
        // The referral's place follows its people as triage left them, the same as its case's.
        await updateReferral(tx, actor.orgId, referral.id, { postcodeNorm: postcode, localAuthority });
        await settleOnCase(tx, actor, referral, caseId, now, `Referral ${referral.reference} accepted`, null);
        await audit.record(tx, actor, actor.orgId, { action: 'referral.accepted', entityType: 'referral', entityId: id, detail: { caseId, reference } });
        return { caseId, reference };
      });
    },

    async decline(actor: OrgActor, id: string, decision: { reason: string; signpostedTo?: string }, outcome: 'declined' | 'signposted') {
      authorise(actor, 'referrals.triage');
      return inOrg(db, actor.orgId, async (tx) => {
        const referral = await openUndecided(tx, actor.orgId, id);
        const reason = decision.signpostedTo ? `${decision.reason} (signposted to ${decision.signpostedTo})` : decision.reason;
        await updateReferral(tx, actor.orgId, id, { status: outcome, decidedBy: actor.id, decidedAt: clock.now(), decisionReason: reason });
        await audit.record(tx, actor, actor.orgId, { action: `referral.${outcome}`, entityType: 'referral', entityId: id });
        return { status: outcome, reference: referral.reference };
      });
    },
  };
}
export type ReferralService = ReturnType<typeof createReferralService>;
