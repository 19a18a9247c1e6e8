// Published by cases: writing a new case and its parties, inside the caller's transaction, for accepting a referral.
export { insertCase, insertParties } from './cases.repo.ts';
