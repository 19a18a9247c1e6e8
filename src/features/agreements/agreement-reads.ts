// Published by agreements for the features above it: what the audit trail calls an agreement.
export { agreementNames } from './agreement-names.repo.ts';
