// Published by people for the features above it: a service's members and open invitations. (Its repo stays its own.)
export { findMember, listMembers, listOpenInvitations, membersPart, openInvitationsPart } from './people.repo.ts';
export { memberNames } from './member-names.repo.ts';
