// Published by referrals for the features above it (reports, feedback, the volunteer policy, agreement wording): the
// case types a filter or a per-type setting offers — the service's types offered now and those its cases or referrals
// already carry — read once for a page, and the check that a chosen one is among them.
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import type { ServiceCaseType } from '#src/domain/case-words.ts';
import { msg } from '#src/i18n/i18n.ts';
import { AppError } from '#src/lib/app-error.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import { serviceCaseTypes } from '#src/features/settings/case-types.ts';
import { readSettings } from '#src/features/settings/settings.schemas.ts';
import { caseTypesInUse } from '#src/features/cases/case-reads.ts';
import { referralTypesInUse } from './referral-types-in-use.repo.ts';

export type CaseTypeChoice = ServiceCaseType & { inUse: boolean };

/** Every one of the service's case types, each marked offered (its settings) and in use (a case or a referral is of it). */
export async function allCaseTypes(tx: Db, orgId: string): Promise<CaseTypeChoice[]> {
  const types = await serviceCaseTypes(tx, orgId, readSettings((await findOrgById(tx, orgId))?.settings).caseTypes);
  const onCases = await caseTypesInUse(
    tx,
    orgId,
    types.map((c) => c.code),
  );
  // Referrals are asked only about the types no case has (usually none or a few built-in ones the service never offered).
  const onReferrals = await referralTypesInUse(
    tx,
    orgId,
    types.filter((c) => !onCases.has(c.code)).map((c) => c.code),
  );
  return types.map((c) => ({ ...c, inUse: onCases.has(c.code) || onReferrals.has(c.code) }));
}

/** The types a filter offers: those the service offers now and those its cases already carry, in the service's order. */
export async function caseTypeChoices(tx: Db, orgId: string): Promise<CaseTypeChoice[]> {
  return (await allCaseTypes(tx, orgId)).filter((c) => c.offered || c.inUse);
}

export const UNKNOWN_CASE_TYPE = msg('Choose a case type from the list');

/** A case type's code as a filter takes it (whether the service has it is checked with its choices: ensureCaseTypeChoice). */
export const ZCaseTypeCode = z.string({ error: UNKNOWN_CASE_TYPE }).regex(/^[a-z][a-z0-9_-]{1,39}$/, UNKNOWN_CASE_TYPE);

/** Refuses (422, on the field) a case type that is not one of the choices; `field` names the form's field. */
export function ensureCaseTypeChoice(code: string | undefined, choices: readonly { code: string }[], field = 'caseType') {
  if (code === undefined || choices.some((c) => c.code === code)) return;
  throw new AppError('UNPROCESSABLE', UNKNOWN_CASE_TYPE, { reason: 'VALIDATION_FAILED', fields: { [field]: UNKNOWN_CASE_TYPE } });
}
