// A service's case types: the four built in and those it adds (a name, a reference prefix, the kind of rules followed).
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { CASE_KINDS, type CaseKind, isCaseKind, type ServiceCaseType } from '#src/domain/case-words.ts';
import { listCaseTypes } from '#src/features/orgs/org-records.ts';

export const ZReferencePrefix = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, 'A reference prefix is 2 to 6 letters, like CDM');

export const ZNewCaseType = z.object({
  name: z.string().trim().min(1, 'Enter the name of the case type').max(60, 'The name must be 60 characters or fewer'),
  kind: z.enum(CASE_KINDS, { error: 'Select the rules the case type follows' }),
  referencePrefix: z.union([z.literal(''), ZReferencePrefix]).optional(),
});
export type NewCaseType = z.infer<typeof ZNewCaseType>;

export const ZCaseTypeChange = z.object({
  name: z.string().trim().min(1, 'Enter the name of the case type').max(60, 'The name must be 60 characters or fewer').optional(),
  referencePrefix: z
    .union([z.literal(''), ZReferencePrefix])
    .nullable()
    .optional(),
});
export type CaseTypeChange = z.infer<typeof ZCaseTypeChange>;

export const KIND_HINTS: Record<CaseKind, string> = {
  community: msg('Neighbours, families, workplaces and groups: the community mediation rules'),
  restorative_justice: msg('Victims and people who harmed: suitability, risk assessment and the contact rules'),
  send: msg('Special educational needs and disability: the SEND mediation rules, deadlines and certificates'),
  social_care: msg('Disagreements about social care: the social care mediation rules'),
};

/** A code for a new case type from its name: lower-case words joined by hyphens, numbered when already taken. */
export function codeFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^[^a-z]+/, '')
      .slice(0, 36)
      .replace(/-+$/, '') || 'type';
  const padded = base.length < 2 ? `${base}-type` : base;
  if (!taken.includes(padded)) return padded;
  for (let n = 2; ; n++) if (!taken.includes(`${padded}-${n}`)) return `${padded}-${n}`;
}

/** The service's case types, each marked with whether the service offers it now (its settings' caseTypes). */
export async function serviceCaseTypes(tx: Db, orgId: string, offered: readonly string[]): Promise<ServiceCaseType[]> {
  const rows = await listCaseTypes(tx, orgId);
  return rows
    .filter((r) => isCaseKind(r.kind))
    .map((r) => ({ code: r.code, name: r.name, kind: r.kind as CaseKind, referencePrefix: r.referencePrefix, offered: offered.includes(r.code) }));
}
