// Published by cases: writing an entry on a case's timeline, inside the caller's transaction, for the features that
// change a case's meetings, mediators or referral.
export { insertEvent, type NewEvent } from './timeline.repo.ts';
