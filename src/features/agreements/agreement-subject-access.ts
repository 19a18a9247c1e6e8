// Published by agreements for data protection (subject access): the agreements a person was asked to sign.
export { agreementRecordsOfParties } from './agreement-subject-access.repo.ts';
