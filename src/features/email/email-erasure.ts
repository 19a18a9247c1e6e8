// Published by email for data protection: removing the mail about cases whose retention is up.
export { removeMailOfCases } from './email-erasure.repo.ts';
