// Published by volunteers for the features above it (meetings, send, home, reports): finding a volunteer record; the
// mediators on cases with their addresses (for a case team's reminders); the volunteers report's counts; and linking a
// new mediator's sign-in to their record, which deps.ts gives to people (people is below volunteers).
export {
  findVolunteer,
  getVolunteer,
  anyVolunteerPart,
  hasVolunteer,
  linkVolunteerByEmail,
  listVolunteerNames,
  listVolunteers,
  type VolunteerRow,
} from './records/volunteers.repo.ts';
export { volunteerNames } from './records/volunteer-names.repo.ts';
export { activeMediatorContacts } from './assignments/assignments.repo.ts';
export { type CaseCondition, casesWorked, dbsStanding, hoursGiven, trainingStanding } from './volunteer-counts.repo.ts';
