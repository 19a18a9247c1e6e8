// Published by meetings for data protection (subject access): a person's appointments, their own shuttle statements
// and their requests for further meetings. The caller authorises, audits and redacts other people's details.
export { meetingRecordsOfParties } from './records/meeting-subject-access.repo.ts';
