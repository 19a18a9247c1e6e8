// Published by referrals for data protection: anonymising the referrals behind cases whose retention is up.
export { anonymiseReferralsOfCases } from './referral-erasure.repo.ts';
