// Published by email for data protection (subject access): the messages written to a person's addresses.
export { mailToAddresses } from './email-subject-access.repo.ts';
