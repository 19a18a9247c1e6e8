// View models and API shapes of agreements: fields picked one by one, never rows. No contact details ever leave here.
import { ISSUE_OUTCOME_LABELS } from '#src/features/cases/lifecycle.ts';
import { translator } from '#src/i18n/i18n.ts';
import { CHANNEL_LABELS, type Channel, DUE_LABELS, type DueKind, VERSION_STATUS_LABELS, type VersionStatus } from './agreement-words.ts';
import type { LinkRow, SignerRow, TermRow, VersionRow } from './agreements.repo.ts';
import { longDate, momentInWords } from '#src/domain/dates-in-words.ts';

const t = translator('en');
const day = (iso: string) => longDate(iso);
export const momentWords = (d: Date) => momentInWords(d);

export const dueWords = (term: Pick<TermRow, 'dueKind' | 'dueOn'>) =>
  term.dueKind === 'date' && term.dueOn ? day(term.dueOn) : t(DUE_LABELS[term.dueKind as DueKind] ?? term.dueKind);

export const statusWords = (status: string) => t(VERSION_STATUS_LABELS[status as VersionStatus] ?? status);

export function termView(term: TermRow, i: number) {
  return {
    id: term.id,
    number: i + 1,
    who: term.who.map((w) => w.name).join(', ') || t('Not said yet'),
    what: term.what,
    due: dueWords(term),
    checkHow: term.checkHow || t('Not said yet'),
    appealable: term.appealable === null ? null : term.appealable ? t('Yes') : t('No'),
  };
}

export function signerView(s: SignerRow) {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    role: s.kind === 'mediator' ? t('Mediator (witness)') : t('Party'),
    status: s.status,
    statusText: s.status === 'signed' ? t('Signed') : s.status === 'declined' ? t('Declined') : t('Waiting'),
    statusClass: s.status === 'signed' ? 'govuk-tag--green' : s.status === 'declined' ? 'govuk-tag--red' : 'govuk-tag--grey',
    at: s.at ? momentWords(s.at) : null,
    how: s.channel ? t(CHANNEL_LABELS[s.channel as Channel] ?? s.channel) : null,
  };
}

export const issueOutcomeWords = (o: string | null) => (o ? t(ISSUE_OUTCOME_LABELS[o as keyof typeof ISSUE_OUTCOME_LABELS]) : t('Not marked'));

// The API's shapes.
export const termOut = (term: TermRow) => ({
  id: term.id,
  position: term.position,
  who: term.who.map((w) => ({ kind: w.kind, name: w.name, partyId: w.partyId ?? null })),
  what: term.what,
  dueKind: term.dueKind,
  dueOn: term.dueOn,
  checkHow: term.checkHow,
  appealable: term.appealable,
});

export const signerOut = (s: SignerRow) => ({
  id: s.id,
  kind: s.kind,
  name: s.name,
  partyId: s.partyId,
  status: s.status,
  method: s.method,
  channel: s.channel,
  at: s.at?.toISOString() ?? null,
  versionHash: s.versionHash,
  witnessName: s.witnessName,
  declineReason: s.declineReason,
  addressHash: s.addressHash,
  browser: s.browser,
});

export const versionOut = (v: Pick<VersionRow, 'id' | 'number' | 'status' | 'hash' | 'reference' | 'frozenAt' | 'signedAt' | 'createdAt'>) => ({
  id: v.id,
  number: v.number,
  status: v.status,
  hash: v.hash,
  reference: v.reference,
  frozenAt: v.frozenAt?.toISOString() ?? null,
  signedAt: v.signedAt?.toISOString() ?? null,
  createdAt: v.createdAt.toISOString(),
});

export const linkOut = (l: LinkRow, now: Date) => ({
  id: l.id,
  signerId: l.signerId,
  purpose: l.purpose,
  createdAt: l.createdAt.toISOString(),
  expiresAt: l.expiresAt.toISOString(),
  usedAt: l.usedAt?.toISOString() ?? null,
  revokedAt: l.revokedAt?.toISOString() ?? null,
  lockedAt: l.lockedAt?.toISOString() ?? null,
  failedCodes: l.failedCodes,
  expired: l.expiresAt.getTime() <= now.getTime(),
});
