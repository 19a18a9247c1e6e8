// Parties' personal links at work: opening one (checked, read as the owner since the token is the credential), sending
// one by email through the outbox, and sending the check-in links of the follow-up points that have fallen due.
import type { Db } from '#src/db/client.ts';
import { asSystem } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { newId } from '#src/lib/ids.ts';
import { DEFAULT_LOCALE, type Locale } from '#src/i18n/i18n.ts';
import { renderServiceEmail } from '#src/features/email/service-email.ts';
import { CONSENTING_ROLES } from '#src/domain/case-words.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import { queueEmail } from '#src/features/email/outbox.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { readSettings } from '#src/features/settings/settings.schemas.ts';
import { hashLinkToken, isTokenShaped, LINK_REFUSAL_TEXT, type LinkPurpose, linkRefusal, newLinkToken } from './party-links.ts';
import { findLinkByHash, insertLink, type PartyLinkRow, revokeOpenLinks } from './party-links.repo.ts';
import { listDuePointsUnsent, markLinksSent } from './follow-up/follow-up.repo.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function serviceOf(tx: Db, orgId: string) {
  const org = await findOrgById(tx, orgId);
  return { slug: org?.slug ?? '', name: org?.name ?? '' };
}

export async function followUpPolicyOf(tx: Db, orgId: string) {
  return readSettings((await findOrgById(tx, orgId))?.settings).followUp;
}

/** The party's link, checked: the link row or 4xx with the words for the page. Read as the owner (the token is the credential). */
export async function openLink(db: Db, token: unknown, purpose: LinkPurpose, now: Date): Promise<PartyLinkRow> {
  const link = isTokenShaped(token) ? await asSystem(db, (tx) => findLinkByHash(tx, hashLinkToken(token))) : undefined;
  const refusal = linkRefusal(link && link.purpose === purpose ? link : undefined, now);
  if (refusal || !link) {
    const r = refusal ?? 'NOT_FOUND';
    throw new AppError(r === 'NOT_FOUND' ? 'NOT_FOUND' : 'CONFLICT', LINK_REFUSAL_TEXT[r], { reason: `LINK_${r}` });
  }
  return link;
}

/** Creates a party's link and queues the email that carries it. Returns the token (tests and the demo read it). */
export async function sendPartyLink(
  tx: Db,
  input: {
    orgId: string;
    caseId: string;
    party: { id: string; name: string; email: string | null; language?: Locale };
    purpose: LinkPurpose;
    pointId?: string;
    days: number;
    now: Date;
    baseUrl: string;
    serviceSlug: string;
    serviceName: string;
  },
): Promise<string | null> {
  if (!input.party.email?.trim()) return null;
  await revokeOpenLinks(tx, input.orgId, input.caseId, input.party.id, input.purpose, input.now);
  const { token, hash } = newLinkToken();
  await insertLink(tx, {
    id: newId(),
    orgId: input.orgId,
    caseId: input.caseId,
    partyId: input.party.id,
    purpose: input.purpose,
    pointId: input.pointId ?? null,
    tokenHash: hash,
    expiresAt: new Date(input.now.getTime() + input.days * 86_400_000),
    createdAt: input.now,
  });
  const path = input.purpose === 'check_in' ? 'check-in' : 'feedback';
  const url = `${input.baseUrl}/s/${input.serviceSlug}/${path}/${token}`;
  const template = input.purpose === 'check_in' ? 'follow_up_check_in' : 'feedback_survey';
  // In the service's wording and the party's language (English where a message has no Welsh yet).
  const mail = await renderServiceEmail(
    tx,
    input.orgId,
    template,
    { recipientName: input.party.name, service: input.serviceName, link: url, days: String(input.days) },
    input.party.language ?? DEFAULT_LOCALE,
  );
  await queueEmail(tx, { orgId: input.orgId, template, to: input.party.email, toName: input.party.name, ...mail, caseId: input.caseId, at: input.now });
  return token;
}

/** Sends the check-in links for points due by today whose links have not gone (the job, and staff asking for it now). */
export async function sendDueLinks(
  tx: Db,
  deps: { clock: Clock; cases: Pick<CaseService, 'caseIn' | 'partiesIn'>; baseUrl: string },
  orgId: string,
  caseId: string,
): Promise<string[]> {
  const { clock, cases } = deps;
  const now = clock.now();
  const due = await listDuePointsUnsent(tx, orgId, caseId, isoDay(now));
  if (!due.length) return [];
  const c = await cases.caseIn(tx, orgId, caseId);
  if (c.status !== 'follow_up') return [];
  const policy = await followUpPolicyOf(tx, orgId);
  const svc = await serviceOf(tx, orgId);
  const parties = (await cases.partiesIn(tx, orgId, caseId)).filter((p) => CONSENTING_ROLES.includes(p.role) && p.consent !== 'withdrawn');
  const tokens: string[] = [];
  const point = due[due.length - 1]!;
  for (const party of parties) {
    const token = await sendPartyLink(tx, {
      orgId,
      caseId,
      party,
      purpose: 'check_in',
      pointId: point.id,
      days: policy.linkDays,
      now,
      baseUrl: deps.baseUrl,
      serviceSlug: svc.slug,
      serviceName: svc.name,
    });
    if (token) tokens.push(token);
  }
  for (const p of due) await markLinksSent(tx, orgId, p.id, now);
  return tokens;
}
