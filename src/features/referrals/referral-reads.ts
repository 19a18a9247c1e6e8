// Published by referrals: the referral, enquiry and volunteering queues, and how a reference is written.
export { formatReference } from './references.repo.ts';
export { findEnquiry, listEnquiries, listReferrals, listVolunteerApplications, newEnquiriesPart, newReferralsPart } from './referrals.repo.ts';
export { enquiryNames, referralNames } from './referral-names.repo.ts';
export { referralCounts } from './referrals.repo.ts';
