// Published by referrals: recording an enquiry or a volunteering application sent through the public pages.
export { insertEnquiry, insertVolunteerApplication, updateEnquiry } from './referrals.repo.ts';
export { nextEnquiryReference } from './references.repo.ts';
