// Published by cases for data protection (subject access): a person's own records on their cases, and how to
// recognise the other people on them so that their details can be redacted. The caller authorises and audits.
export { caseRecordsOfParties, type OtherPerson } from './case-subject-access.repo.ts';
