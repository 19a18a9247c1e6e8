// Published by closing for data protection: anonymising check-ins, feedback and quotes of cases whose retention is up.
export { anonymiseClosingOfCases } from './closing-erasure.repo.ts';
