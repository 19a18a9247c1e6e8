// Published by orgs: a service's own row (found by id or address, its settings saved), and creating one at set-up.
export { countOrgs, findOrgById, findOrgBySlug, insertOrg, updateOrgSettings } from './orgs.repo.ts';
