// Published by send for data protection: anonymising the SEND records of cases whose retention is up.
export { anonymiseSendOfCases } from './send-erasure.repo.ts';
