// Published by rj for data protection: anonymising the restorative justice records of cases whose retention is up.
export { anonymiseRjOfCases } from './rj-erasure.repo.ts';
