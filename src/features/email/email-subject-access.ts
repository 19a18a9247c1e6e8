// Published by email for data protection (subject access): the messages written to a person's addresses, and the
// letters to post addressed to them.
export { lettersToPeople, mailToAddresses } from './email-subject-access.repo.ts';
