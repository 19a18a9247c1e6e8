// The party's side of remote signing and of their copy, reached by a personal link: the link alone shows nothing
// but the service's name; a six-digit code sent to the same address confirms it; then the whole agreement, and sign
// or decline with a reason. Five wrong codes lock the link (the case's Agreement tab shows it to the case team).
// Every view and attempt is recorded against the link, with the address's HMAC and the browser.
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import type { SettingsService } from '#src/features/settings/settings.service.ts';
import { DEFAULT_LOCALE, type Locale, translator } from '#src/i18n/i18n.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import { findLinkByToken, findVersion, insertLinkEvent, type LinkRow, listSigners, listTerms, recordSignature, updateLink } from '../agreements.repo.ts';
import type { SignatureInput } from '../agreements.schemas.ts';
import { type ClientInfo, clientEvidence, codeHashOf, signingCodeOf } from './client-evidence.ts';
import { finishIfSigned } from './finish.ts';
import { afterCodeAttempt, codeExpired, LINK_STATE_WORDS, linkState } from './signing-rules.ts';
import { checkSignature } from './signing.service.ts';

const t = translator('en');
const linkActor = (linkId: string) => ({ type: 'anonymous' as const, label: `signing link ${linkId.slice(0, 8)}` });

export type RemoteDeps = {
  db: Db;
  clock: Clock;
  audit: Audit;
  settings: SettingsService;
  cases: Pick<CaseService, 'partiesIn'>;
  secret: string;
  baseUrl: string;
};

const sameHash = (a: string | null, b: string) => a !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createRemoteSigningService({ db, clock, audit, settings, cases, secret, baseUrl }: RemoteDeps) {
  /** The language of the link's signer: the party's preferred language (English for anyone else). */
  async function languageOf(tx: Db, orgId: string, link: LinkRow): Promise<Locale> {
    const signer = (await listSigners(tx, orgId, link.versionId)).find((s) => s.id === link.signerId);
    if (!signer?.partyId) return DEFAULT_LOCALE;
    return (await cases.partiesIn(tx, orgId, link.caseId)).find((p) => p.id === signer.partyId)?.language ?? DEFAULT_LOCALE;
  }

  /** The service, the link and its state, with the visit recorded. */
  async function open<T>(
    slug: string,
    token: string,
    purpose: 'sign' | 'copy',
    client: ClientInfo,
    kind: string,
    work: (tx: Db, link: LinkRow, org: { id: string; name: string; slug: string }) => Promise<T>,
  ) {
    const service = await settings.publicService(slug);
    return inOrg(db, service.id, async (tx) => {
      const link = await findLinkByToken(tx, service.id, hashToken(token));
      if (!link || link.purpose !== purpose)
        throw new AppError('NOT_FOUND', t('This link is not recognised. Check you copied all of it, or ask the service for a new one.'), {
          reason: 'NO_SUCH_LINK',
        });
      const ev = clientEvidence(secret, client);
      await insertLinkEvent(tx, { id: newId(), orgId: service.id, linkId: link.id, kind, at: clock.now(), ...ev });
      return work(tx, link, service);
    });
  }

  function mustBeOpen(link: LinkRow, now: Date) {
    const state = linkState(link, now);
    // A copy link may be opened again until it expires.
    if (state === 'open' || (link.purpose === 'copy' && state === 'used')) return;
    throw new AppError('CONFLICT', t(LINK_STATE_WORDS[state]), { reason: `LINK_${state.toUpperCase()}`, fields: { _: t(LINK_STATE_WORDS[state]) } });
  }

  function mustBeConfirmed(link: LinkRow, browserKey: string | undefined) {
    if (!browserKey || !sameHash(link.confirmedHash, hashToken(browserKey)))
      throw new AppError('UNAUTHENTICATED', t('Enter the six-digit code we sent you first'), {
        reason: 'CODE_REQUIRED',
        fields: { code: t('Enter the six-digit code we sent you first') },
      });
  }

  async function content(tx: Db, orgId: string, link: LinkRow) {
    const v = (await findVersion(tx, orgId, link.versionId))!;
    const signers = await listSigners(tx, orgId, v.id);
    return {
      version: v,
      terms: await listTerms(tx, orgId, v.id),
      signer: signers.find((s) => s.id === link.signerId)!,
      signerNames: signers.map((s) => ({ name: s.name, kind: s.kind })),
    };
  }

  return {
    /** What the link's page shows: the state; once the code was given in this browser, the agreement. */
    async view(slug: string, token: string, purpose: 'sign' | 'copy', client: ClientInfo, browserKey: string | undefined) {
      return open(slug, token, purpose, client, purpose === 'copy' ? 'copy_viewed' : 'viewed', async (tx, link, org) => {
        const now = clock.now();
        const state = linkState(link, now);
        const usable = state === 'open' || (purpose === 'copy' && state === 'used');
        const confirmed = usable && Boolean(browserKey) && sameHash(link.confirmedHash, hashToken(browserKey ?? ''));
        return {
          service: { name: org.name, slug: org.slug },
          language: await languageOf(tx, org.id, link),
          state: usable ? ('open' as const) : state,
          stateWords: usable ? null : t(LINK_STATE_WORDS[state as keyof typeof LINK_STATE_WORDS]),
          codeSent: Boolean(link.codeSentAt) && !codeExpired(link.codeSentAt, now),
          confirmed,
          agreement: confirmed ? await content(tx, org.id, link) : null,
        };
      });
    },

    /** Sends a six-digit code to the address the link was sent to (at most one a minute). */
    async sendCode(slug: string, token: string, purpose: 'sign' | 'copy', client: ClientInfo) {
      return open(slug, token, purpose, client, 'code_sent', async (tx, link, org) => {
        const now = clock.now();
        mustBeOpen(link, now);
        if (link.codeSentAt && now.getTime() - link.codeSentAt.getTime() < 60_000)
          throw new AppError('RATE_LIMITED', t('A code was sent less than a minute ago: check your email, or wait a minute and ask again'), {
            reason: 'CODE_TOO_SOON',
            fields: { code: t('A code was sent less than a minute ago: check your email, or wait a minute and ask again') },
          });
        const code = signingCodeOf(secret, link.id, now);
        await updateLink(tx, org.id, link.id, { codeHash: codeHashOf(secret, link.id, code), codeSentAt: now });
        const mail = { t: translator(await languageOf(tx, org.id, link)) };
        await queueEmail(tx, {
          orgId: org.id,
          template: 'agreement_code',
          to: link.sentTo,
          caseId: link.caseId,
          subject: mail.t('Your code from {service}: {code}', { service: org.name, code }),
          text: mail.t(
            'Your code is {code}.\n\nEnter it on the page you opened to read your agreement with {service}. It works for {minutes} minutes.\n\nIf you did not ask for a code, you can ignore this email.',
            { code, service: org.name, minutes: 30 },
          ),
          at: now,
        });
        return { sent: true };
      });
    },

    /** Checks a code. Right: this browser may read and sign (the returned key goes in a cookie). Wrong five times: the link locks. */
    async confirmCode(slug: string, token: string, purpose: 'sign' | 'copy', code: string, client: ClientInfo) {
      const service = await settings.publicService(slug);
      const result = await inOrg(db, service.id, async (tx) => {
        const link = await findLinkByToken(tx, service.id, hashToken(token));
        if (!link || link.purpose !== purpose)
          throw new AppError('NOT_FOUND', t('This link is not recognised. Check you copied all of it, or ask the service for a new one.'), {
            reason: 'NO_SUCH_LINK',
          });
        const now = clock.now();
        mustBeOpen(link, now);
        const ev = clientEvidence(secret, client);
        if (codeExpired(link.codeSentAt, now)) return { ok: false as const, why: t('That code has expired, or none was sent: ask for a new code') };
        const correct = /^\d{6}$/.test(code) && sameHash(link.codeHash, codeHashOf(secret, link.id, code));
        const after = afterCodeAttempt(link.failedCodes, correct);
        if (!correct) {
          await updateLink(tx, service.id, link.id, { failedCodes: after.failedCodes, ...(after.locks ? { lockedAt: now } : {}) });
          await insertLinkEvent(tx, { id: newId(), orgId: service.id, linkId: link.id, kind: after.locks ? 'locked' : 'code_wrong', at: now, ...ev });
          if (after.locks)
            await audit.record(tx, linkActor(link.id), service.id, {
              action: 'agreement.link_locked',
              entityType: 'signing_link',
              entityId: link.id,
              detail: { caseId: link.caseId },
            });
          return { ok: false as const, why: after.locks ? t(LINK_STATE_WORDS.locked) : t('That code is not right. Check the email and try again') };
        }
        const key = newToken(24);
        await updateLink(tx, service.id, link.id, { confirmedHash: hashToken(key), codeHash: null });
        await insertLinkEvent(tx, { id: newId(), orgId: service.id, linkId: link.id, kind: 'code_ok', at: now, ...ev });
        return { ok: true as const, key };
      });
      if (!result.ok) throw new AppError('UNPROCESSABLE', result.why, { reason: 'WRONG_CODE', fields: { code: result.why } });
      return result;
    },

    /** Signs, or declines with a reason, through a confirmed link (once). */
    async decide(slug: string, token: string, browserKey: string | undefined, decision: { sign: SignatureInput } | { decline: string }, client: ClientInfo) {
      return open(slug, token, 'sign', client, 'sign' in decision ? 'signed' : 'declined', async (tx, link, org) => {
        const now = clock.now();
        mustBeOpen(link, now);
        mustBeConfirmed(link, browserKey);
        const { version: v, signer } = await content(tx, org.id, link);
        const ev = clientEvidence(secret, client);
        if ('sign' in decision) await checkSignature(tx, org.id, v, signer, decision.sign);
        else if (v.status !== 'ready' || signer.status !== 'pending')
          throw new AppError('CONFLICT', t('This signer has already signed or declined this version'), {
            reason: 'SIGNATURE_REFUSED',
            fields: { _: t('This signer has already signed or declined this version') },
          });
        const s = 'sign' in decision ? decision.sign : undefined;
        await recordSignature(tx, org.id, signer.id, {
          status: s ? 'signed' : 'declined',
          method: s?.method ?? null,
          channel: 'remote',
          typedName: s?.method === 'typed' ? s.typedName!.trim() : null,
          drawing: s?.method === 'drawn' ? s.drawing!.trim() : null,
          declineReason: 'decline' in decision ? decision.decline : null,
          at: now,
          versionHash: v.hash,
          recordedBy: linkActor(link.id).label,
          ...ev,
        });
        await updateLink(tx, org.id, link.id, { usedAt: now });
        const complete = s ? await finishIfSigned(tx, org.id, v, { serviceName: org.name, serviceSlug: org.slug, baseUrl, now }) : false;
        await audit.record(tx, linkActor(link.id), org.id, {
          action: s ? 'agreement.signed' : 'agreement.declined',
          entityType: 'agreement',
          entityId: v.agreementId,
          detail: { caseId: link.caseId, version: v.number, signerId: signer.id, channel: 'remote', complete },
        });
        return { status: s ? ('signed' as const) : ('declined' as const), complete };
      });
    },

    /** The party's copy of the signed PDF through a confirmed copy link. */
    async copy(slug: string, token: string, browserKey: string | undefined, client: ClientInfo) {
      return open(slug, token, 'copy', client, 'copy_downloaded', async (tx, link, org) => {
        mustBeOpen(link, clock.now());
        mustBeConfirmed(link, browserKey);
        const v = (await findVersion(tx, org.id, link.versionId))!;
        if (!v.finalPdf) throw new AppError('NOT_FOUND', t('This agreement has not been signed by everyone yet'), { reason: 'NOT_SIGNED' });
        if (!link.usedAt) await updateLink(tx, org.id, link.id, { usedAt: clock.now() });
        return { bytes: Buffer.from(v.finalPdf, 'base64'), reference: v.reference! };
      });
    },
  };
}
export type RemoteSigningService = ReturnType<typeof createRemoteSigningService>;
