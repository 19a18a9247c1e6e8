// Published by closing for data protection (subject access): the feedback form a person gave at the end of their
// case and their follow-up check-ins. The caller authorises, audits and redacts other people's details from the words.
export { closingRecordsOfParties } from './closing-subject-access.repo.ts';
export { CHECK_IN_ANSWER_LABELS, SOURCE_LABELS as ANSWER_SOURCE_LABELS } from './closing-words.ts';
