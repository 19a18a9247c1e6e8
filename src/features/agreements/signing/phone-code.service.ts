// The code by phone: when the email with the six-digit code has not arrived, the case team (the coordinator, or a
// mediator on the case) sees the signer's current code to read out, or makes one. Shown only while the signer's link is
// live and the code unexpired; every view (and every code made) is audited, never with the code in it.
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { msg } from '#src/i18n/i18n.ts';
import { notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { findAgreement, findVersion, insertLinkEvent, type LinkRow, listLinksOfVersion, listSigners, updateLink } from '../agreements.repo.ts';
import { codeHashOf, signingCodeOf } from './client-evidence.ts';
import { codeExpired, linkState, SIGNING_POLICY } from './signing-rules.ts';

export type PhoneCodeDeps = { db: Db; clock: Clock; audit: Audit; cases: CaseService; secret: string };

export type PhoneCode =
  | { state: 'no_link' }
  | { state: 'confirmed' }
  | { state: 'no_code'; linkId: string }
  | { state: 'code'; linkId: string; code: string; validUntil: Date };

export function createPhoneCodeService({ db, clock, audit, cases, secret }: PhoneCodeDeps) {
  /** The case (worked on by this person), the signer and their live signing link, if any. */
  async function load(tx: Db, actor: OrgActor, ids: { caseId: string; agreementId: string; versionId: string; signerId: string }) {
    const c = await cases.caseFor(tx, actor, ids.caseId, 'work');
    const a = await findAgreement(tx, actor.orgId, ids.agreementId);
    const v = await findVersion(tx, actor.orgId, ids.versionId);
    if (!a || a.caseId !== ids.caseId || !v || v.agreementId !== a.id) throw notFound(msg('That version of the agreement was not found'));
    const signer = (await listSigners(tx, actor.orgId, v.id)).find((s) => s.id === ids.signerId);
    if (!signer) throw notFound(msg('That signer of this version was not found'));
    const now = clock.now();
    const live = (await listLinksOfVersion(tx, actor.orgId, v.id))
      .filter((l) => l.signerId === signer.id && l.purpose === 'sign' && linkState(l, now) === 'open')
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0];
    return { reference: c.reference, signer, link: v.status === 'ready' && signer.status === 'pending' ? live : undefined, now };
  }

  function current(link: LinkRow | undefined, now: Date): PhoneCode {
    if (!link) return { state: 'no_link' };
    if (link.confirmedHash && !link.codeHash) return { state: 'confirmed' };
    if (!link.codeHash || codeExpired(link.codeSentAt, now)) return { state: 'no_code', linkId: link.id };
    const code = signingCodeOf(secret, link.id, link.codeSentAt!);
    // A code made before codes could be shown cannot be read back: the case team makes a new one.
    if (codeHashOf(secret, link.id, code) !== link.codeHash) return { state: 'no_code', linkId: link.id };
    return { state: 'code', linkId: link.id, code, validUntil: new Date(link.codeSentAt!.getTime() + SIGNING_POLICY.codeMinutes * 60_000) };
  }

  type Ids = { caseId: string; agreementId: string; versionId: string; signerId: string };

  return {
    /** The signer's current code, while their link is live. Audited. */
    async view(actor: OrgActor, ids: Ids) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { reference, signer, link, now } = await load(tx, actor, ids);
        const shown = current(link, now);
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.code_viewed',
          entityType: 'agreement',
          entityId: ids.agreementId,
          detail: { caseId: ids.caseId, signerId: signer.id, linkId: link?.id ?? null, shown: shown.state === 'code' },
        });
        return { reference, signer: { id: signer.id, name: signer.name }, ...shown };
      });
    },

    /** Makes a new code on the signer's live link, to read out by phone (the emailed one, if any, stops working). Audited. */
    async make(actor: OrgActor, ids: Ids) {
      authorise(actor, 'cases.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const { signer, link, now } = await load(tx, actor, ids);
        if (!link) throw notFound(msg('There is no live signing link for this signer: send one first'));
        const code = signingCodeOf(secret, link.id, now);
        await updateLink(tx, actor.orgId, link.id, { codeHash: codeHashOf(secret, link.id, code), codeSentAt: now });
        await insertLinkEvent(tx, { id: newId(), orgId: actor.orgId, linkId: link.id, kind: 'code_by_phone', at: now, addressHash: null, browser: null });
        await audit.record(tx, actor, actor.orgId, {
          action: 'agreement.code_made',
          entityType: 'agreement',
          entityId: ids.agreementId,
          detail: { caseId: ids.caseId, signerId: signer.id, linkId: link.id },
        });
        return { linkId: link.id };
      });
    },
  };
}
export type PhoneCodeService = ReturnType<typeof createPhoneCodeService>;
