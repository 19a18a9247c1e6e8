// Published by agreements for data protection: anonymising the agreements of cases whose retention is up.
export { anonymiseAgreementsOfCases } from './agreement-erasure.repo.ts';
