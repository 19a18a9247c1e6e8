// Published by people: adding a membership, for setting up a new service and its first admin (features/setup).
export { insertMembership } from './people.repo.ts';
