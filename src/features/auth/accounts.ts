// Published by auth: sign-in accounts (found by email, added, changed, made an instance operator) and ending a
// service's sessions, for people and for setting up a service.
export { deleteOrgSessions, type SessionView } from './sessions.repo.ts';
export { findUserByEmail, insertUser, updateUser } from './users.repo.ts';
export { setInstanceOperator } from './operators.service.ts';
