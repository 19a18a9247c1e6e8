// Published by volunteers for the features above it (meetings, home): finding a volunteer record; and linking a new
// mediator's sign-in to their record, which deps.ts gives to people (people is below volunteers).
export { findVolunteer, getVolunteer, linkVolunteerByEmail, listVolunteers, type VolunteerRow } from './records/volunteers.repo.ts';
export { volunteerNames } from './records/volunteer-names.repo.ts';
