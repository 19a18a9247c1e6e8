// Published by agreements for the features above it: what the audit trail calls an agreement, and the counts the
// reports use.
export { agreementNames } from './agreement-names.repo.ts';
export { signedAgreementsByCaseType } from './agreement-counts.repo.ts';
