// Published by cases for the features above it (meetings, volunteers, referrals, home): reading cases, their parties,
// their team and the sessions they have had, the staff a case can be given to, and how long cases stay in each stage
// (the reports). Reads only; each caller authorises.
export { listActiveMembersWithRoles } from './case-directory.repo.ts';
export { caseSessions } from './case-sessions.repo.ts';
export { type CaseRow, findCase, listParties, type PartyRow, searchCases } from './cases.repo.ts';
export { listMyTasks, myTasksPart } from './tasks.repo.ts';
export { listSafeguarding, openSafeguardingPart } from './safeguarding.repo.ts';
export { caseNames, partyNames } from './case-names.repo.ts';
export { caseTypesInUse } from './case-types-in-use.repo.ts';
export { type StageTime, stageTimes } from './stage-times.repo.ts';
