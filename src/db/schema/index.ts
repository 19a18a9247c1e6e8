// The whole schema, for drizzle-kit and the database clients. (Not a barrel for app code: repos import tables directly.)
export * from './organisations.ts';
export * from './people.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './rate-limits.ts';
export * from './instance.ts';
export * from './referrals.ts';
export * from './cases.ts';
export * from './volunteers.ts';
export * from './meetings.ts';
export * from './closing.ts';
export * from './agreements.ts';
export * from './rj.ts';
export * from './dataprotection.ts';
export * from './send.ts';
export * from './case-types.ts';
export * from './reports.ts';
