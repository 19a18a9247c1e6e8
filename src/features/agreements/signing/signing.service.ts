// Signing: in person on one device (each signer in turn, the signed-in mediator as witness), the staff side of remote
// signing (a personal link per party, emailed; withdrawing it), the copies of the signed PDF (a link per party that
// needs a code) and the PDF's download from the case. Every view and change is audited.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { renderServiceEmail } from '#src/features/email/service-email.ts';
import { localeOr, msg, translator } from '#src/i18n/i18n.ts';
import { AppError, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import {
  findAgreement,
  findLink,
  findVersion,
  insertLink,
  latestVersionOf,
  listLinkEvents,
  listLinksOfVersion,
  listSigners,
  recordSignature,
  revokeOpenLinks,
  type SignerRow,
  updateLink,
  type VersionRow,
} from '../agreements.repo.ts';
import type { SignatureInput } from '../agreements.schemas.ts';
import { finishIfSigned } from './finish.ts';
import { drawingRefusal, SIGNING_POLICY, signatureRefusal, typedNameRefusal } from './signing-rules.ts';

const t = translator('en');

export type SigningDeps = { db: Db; clock: Clock; audit: Audit; cases: CaseService; baseUrl: string };

/** The checks every signature passes, in person or remote; throws with the reason in words. */
export async function checkSignature(
  tx: Db,
  orgId: string,
  v: VersionRow,
  signer: SignerRow,
  input: Pick<SignatureInput, 'method' | 'typedName' | 'drawing' | 'seenHash'>,
) {
  const latest = (await latestVersionOf(tx, orgId, v.agreementId))!;
  const refusal = signatureRefusal(
    { versionStatus: v.status, versionNumber: v.number, versionHash: v.hash, latestNumber: latest.number, signerStatus: signer.status },
    input.seenHash,
  );
  if (refusal) throw new AppError('CONFLICT', refusal, { reason: v.status === 'replaced' ? 'VERSION_REPLACED' : 'SIGNATURE_REFUSED', fields: { _: refusal } });
  const problem = input.method === 'typed' ? typedNameRefusal(input.typedName ?? '', signer.name) : drawingRefusal(input.drawing ?? '');
  if (problem)
    throw new AppError('UNPROCESSABLE', problem, { reason: 'VALIDATION_FAILED', fields: { [input.method === 'typed' ? 'typedName' : 'drawing']: problem } });
}

export function createSigningService({ db, clock, audit, cases, baseUrl }: SigningDeps) {
  async function loadVersion(tx: Db, actor: OrgActor, caseId: string, agreementId: string, versionId: string, mode: 'read' | 'work') {
    const c = await cases.caseFor(tx, actor, caseId, mode === 'work' ? 'work' : 'view');
    const a = await findAgreement(tx, actor.orgId, agreementId);
    const v = await findVersion(tx, actor.orgId, versionId);
    if (!a || a.caseId !== caseId || !v || v.agreementId !== a.id) throw notFound(msg('That version of the agreement was not found'));
    return { c, v };
  }

  async function signerOf(tx: Db, orgId: string, v: VersionRow, signerId: string) {
    const signer = (await listSigners(tx, orgId, v.id)).find((s) => s.id === signerId);
    if (!signer) throw notFound(msg('That signer of this version was not found'));
    return signer;
  }

  /** A personal link for one signer, of which only the hash of its token is kept; the address to send is returned. */
  async function issueLink(
    tx: Db,
    actor: OrgActor,
    o: { caseId: string; versionId: string; signerId: string; purpose: 'sign' | 'copy'; email: string; days: number; now: Date },
  ) {
    const token = newToken(32);
    const id = newId();
    const expiresAt = new Date(o.now.getTime() + o.days * 86_400_000);
    await insertLink(tx, {
      id,
      orgId: actor.orgId,
      signerId: o.signerId,
      versionId: o.versionId,
      caseId: o.caseId,
      purpose: o.purpose,
      tokenHash: hashToken(token),
      sentTo: o.email,
      expiresAt,
      createdBy: actor.label ?? actor.id,
      createdAt: o.now,
    });
    return { id, expiresAt, link: `${baseUrl}/s/${actor.orgSlug}/${o.purpose}/${token}` };
  }

  return {
    /** The signers of a version with their signatures, and the remote links with every view and attempt. Audited. */
    async signatures(actor: OrgActor, caseId: string, agreementId: string, versionId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { v } = await loadVersion(tx, actor, caseId, agreementId, versionId, 'read');
        const links = await listLinksOfVersion(tx, actor.orgId, v.id);
        const events = await listLinkEvents(
          tx,
          actor.orgId,
          links.map((l) => l.id),
        );
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.signatures_viewed',
          entityType: 'agreement',
          entityId: agreementId,
          detail: { caseId, version: v.number },
        });
        return { version: v, signers: await listSigners(tx, actor.orgId, v.id), links, events };
      });
    },

    /** One signer signs on this device; the signed-in person is the witness. */
    async signInPerson(actor: OrgActor, caseId: string, agreementId: string, versionId: string, signerId: string, input: SignatureInput) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { v } = await loadVersion(tx, actor, caseId, agreementId, versionId, 'work');
        const signer = await signerOf(tx, actor.orgId, v, signerId);
        await checkSignature(tx, actor.orgId, v, signer, input);
        const now = clock.now();
        const done = await recordSignature(tx, actor.orgId, signer.id, {
          status: 'signed',
          method: input.method,
          channel: 'in_person',
          typedName: input.method === 'typed' ? input.typedName!.trim() : null,
          drawing: input.method === 'drawn' ? input.drawing!.trim() : null,
          at: now,
          versionHash: v.hash,
          witnessUserId: actor.type === 'user' ? actor.id : null,
          witnessName: actor.label ?? null,
          recordedBy: actor.label ?? actor.id,
        });
        if (!done) throw new AppError('CONFLICT', t('This signer has already signed or declined this version'), { reason: 'SIGNATURE_REFUSED' });
        await revokeOpenLinks(tx, actor.orgId, signer.id, now);
        const finished = await finishIfSigned(tx, actor.orgId, v, {
          serviceName: actor.orgName,
          serviceSlug: actor.orgSlug,
          baseUrl,
          now,
        });
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.signed',
          entityType: 'agreement',
          entityId: agreementId,
          detail: { caseId, version: v.number, signerId: signer.id, channel: 'in_person', method: input.method, hash: v.hash, complete: finished },
        });
        return { signerId: signer.id, at: now, versionHash: v.hash!, complete: finished };
      });
    },

    /** Emails a party a personal signing link (the code that confirms it goes to the same address when they open it). */
    async sendLink(actor: OrgActor, caseId: string, agreementId: string, versionId: string, signerId: string) {
      const view = await cases.get(actor, caseId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { c, v } = await loadVersion(tx, actor, caseId, agreementId, versionId, 'work');
        const signer = await signerOf(tx, actor.orgId, v, signerId);
        const refusal =
          v.status !== 'ready'
            ? t('Signing links are sent for a version that is ready to sign')
            : signer.status !== 'pending'
              ? t('This signer has already signed or declined this version')
              : null;
        if (refusal) throw new AppError('CONFLICT', refusal, { reason: 'SIGNATURE_REFUSED', fields: { _: refusal } });
        const party = signer.kind === 'party' ? view.parties.find((p) => p.id === signer.partyId) : undefined;
        const email = party?.email;
        if (!email) {
          const why = t('{name} has no email address on the case: add one on the People tab, or sign in person', { name: signer.name });
          throw new AppError('UNPROCESSABLE', why, { reason: 'NO_EMAIL', fields: { _: why } });
        }
        const now = clock.now();
        await revokeOpenLinks(tx, actor.orgId, signer.id, now);
        const { id, expiresAt, link } = await issueLink(tx, actor, {
          caseId,
          versionId: v.id,
          signerId,
          purpose: 'sign',
          email,
          days: SIGNING_POLICY.linkDays,
          now,
        });
        // In the service's wording and the signer's language (English where a message has no Welsh yet).
        const mail = await renderServiceEmail(
          tx,
          actor.orgId,
          'agreement_signing_link',
          { recipientName: signer.name, service: actor.orgName, link, until: expiresAt.toISOString().slice(0, 10) },
          localeOr(party.preferredLanguage),
        );
        await queueEmail(tx, { orgId: actor.orgId, template: 'agreement_signing_link', to: email, toName: signer.name, caseId, ...mail, at: now });
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.link_sent',
          entityType: 'agreement',
          entityId: agreementId,
          detail: { caseId, version: v.number, signerId, linkId: id },
        });
        return { id, signerId, expiresAt, caseReference: c.reference };
      });
    },

    async revokeLink(actor: OrgActor, caseId: string, agreementId: string, versionId: string, linkId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const { v } = await loadVersion(tx, actor, caseId, agreementId, versionId, 'work');
        const link = await findLink(tx, actor.orgId, linkId);
        if (!link || link.versionId !== v.id) throw notFound(msg('That signing link was not found'));
        await updateLink(tx, actor.orgId, link.id, { revokedAt: link.revokedAt ?? clock.now() });
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.link_revoked',
          entityType: 'agreement',
          entityId: agreementId,
          detail: { caseId, linkId },
        });
        return { id: link.id };
      });
    },

    /** Emails each party of a signed version a link to their copy; opening it needs a code sent to the same address. */
    async sendCopies(actor: OrgActor, caseId: string, agreementId: string, versionId: string) {
      const view = await cases.get(actor, caseId);
      return inOrg(db, actor.orgId, async (tx) => {
        const { v } = await loadVersion(tx, actor, caseId, agreementId, versionId, 'work');
        if (v.status !== 'signed')
          throw new AppError('CONFLICT', t('Copies are sent once everyone has signed'), {
            reason: 'NOT_SIGNED',
            fields: { _: t('Copies are sent once everyone has signed') },
          });
        const now = clock.now();
        const sent: string[] = [];
        for (const s of await listSigners(tx, actor.orgId, v.id)) {
          const party = s.kind === 'party' ? view.parties.find((p) => p.id === s.partyId) : undefined;
          const email = party?.email;
          if (!email) continue;
          const { expiresAt, link } = await issueLink(tx, actor, { caseId, versionId: v.id, signerId: s.id, purpose: 'copy', email, days: 30, now });
          const mail = await renderServiceEmail(
            tx,
            actor.orgId,
            'agreement_copy',
            { recipientName: s.name, service: actor.orgName, reference: v.reference ?? '', link, until: expiresAt.toISOString().slice(0, 10) },
            localeOr(party.preferredLanguage),
          );
          await queueEmail(tx, { orgId: actor.orgId, template: 'agreement_copy', to: email, toName: s.name, caseId, ...mail, at: now });
          sent.push(s.id);
        }
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.copies_sent',
          entityType: 'agreement',
          entityId: agreementId,
          detail: { caseId, version: v.number, count: sent.length },
        });
        return { sentTo: sent.length };
      });
    },

    /** The final PDF of a signed version, for the case team. Audited. */
    async pdf(actor: OrgActor, caseId: string, agreementId: string, versionId: string) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { v } = await loadVersion(tx, actor, caseId, agreementId, versionId, 'read');
        if (!v.finalPdf) throw new AppError('NOT_FOUND', t('There is no signed PDF of this version yet: everyone has to sign first'), { reason: 'NOT_SIGNED' });
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.pdf_downloaded',
          entityType: 'agreement',
          entityId: agreementId,
          detail: { caseId, version: v.number },
        });
        return { bytes: Buffer.from(v.finalPdf, 'base64'), reference: v.reference! };
      });
    },
  };
}
export type SigningService = ReturnType<typeof createSigningService>;
