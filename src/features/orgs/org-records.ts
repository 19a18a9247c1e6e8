// Published by orgs: a service's own row (found by id or address, its settings saved), creating one at set-up, and its case types.
export { countOrgs, findOrgById, findOrgBySlug, insertOrg, updateOrgSettings } from './orgs.repo.ts';
export { type CaseTypeRow, caseTypesPart, insertCaseType, listCaseTypes, updateCaseType } from './case-types.repo.ts';
