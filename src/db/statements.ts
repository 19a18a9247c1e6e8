// Which statements are kept as named prepared statements, on either database (pglite-fast-path.ts, pg-named-statements.ts).
import { type SQL, sql } from './orm.ts';

/** SELECT, INSERT, UPDATE, DELETE and WITH, after at most one leading comment; not DDL, SET or SAVEPOINT. */
const PREPARABLE = /^\s*(\/\*[^*]*\*\/\s*)?(select|insert|update|delete|with)\b/i;
export const preparable = (text: string) => PREPARABLE.test(text);

export const GENERIC_PLAN_COMMENT = '/* generic plan */';
/**
 * Put first in a statement whose plan does not depend on its values (the case search): on the embedded database it
 * is then planned once, not for each run (on its fast path); on PostgreSQL it runs with plan_cache_mode set to
 * force_generic_plan (pg-named-statements.ts).
 */
export const GENERIC_PLAN: SQL = sql.raw(`${GENERIC_PLAN_COMMENT} `);
export const wantsGenericPlan = (text: string) => text.trimStart().startsWith(GENERIC_PLAN_COMMENT);

/** A prepared statement that would now return other columns (a table changed under it), or that is gone: prepare it again. */
export const STALE_STATEMENT = new Set(['0A000', '26000']);
