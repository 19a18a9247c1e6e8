// Pure: what a consent record needs. On a restorative justice case (rules.md #27 C) consent from someone taking part
// is written: given in writing or online, with the version of the information they were given and the date they
// signed (not in the future). Withdrawal needs nothing more, at any time and in any way: it stops scheduling and contact
// at once (the booking rules and features/rj's contact gate read the party's consent).
import { CONSENTING_ROLES, type PartyRole } from '#src/domain/case-words.ts';

export type ConsentInput = { status: string; method: string; informationVersion?: string | undefined; signedOn?: string | undefined };

/** The problems by field, empty when the record may be kept. */
export function consentProblems(caseKind: string, role: string, input: ConsentInput, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (caseKind !== 'restorative_justice' || input.status !== 'given' || !CONSENTING_ROLES.includes(role as PartyRole)) return problems;
  if (input.method === 'verbal') problems.method = 'Restorative justice needs written consent: record it when it is signed on paper or online';
  if (!input.informationVersion) problems.informationVersion = 'Enter the version of the information they were given';
  if (!input.signedOn) problems.signedOn = 'Enter the date they signed';
  else if (input.signedOn > today) problems.signedOn = 'The date signed must be today or in the past';
  return problems;
}
