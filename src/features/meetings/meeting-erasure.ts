// Published by meetings for data protection: anonymising the meetings of cases whose retention is up.
export { anonymiseMeetingsOfCases } from './records/meeting-erasure.repo.ts';
