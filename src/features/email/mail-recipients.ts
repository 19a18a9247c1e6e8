// Published by email: who a service's mail goes to (the service's own details and staff by role, volunteers'
// contacts), for the features that send reminders and alerts.
export { findServiceForMail, listMembersWithRoles, listServiceIds, listVolunteerContacts } from './recipients.repo.ts';
