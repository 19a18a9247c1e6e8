// Published by cases for data protection (retention and erasure): finding the ended cases whose time is up, and
// anonymising a case's own records. The caller decides which cases, authorises and writes the destruction log.
export {
  ANONYMISED,
  anonymiseCaseRecords,
  caseReferences,
  casesClosedBefore,
  countClosedBefore,
  type DueCase,
  findPeople,
  partyEmailsOf,
} from './case-erasure.repo.ts';
export { findCase, findCaseByReference } from './cases.repo.ts';
