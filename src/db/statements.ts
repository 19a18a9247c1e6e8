// Which statements are kept as named prepared statements, on either database (pglite-statements.ts, pg-statements.ts).
import { type SQL, sql } from './orm.ts';

/** SELECT, INSERT, UPDATE, DELETE and WITH, after at most one leading comment; not DDL, SET or SAVEPOINT. */
const PREPARABLE = /^\s*(\/\*[^*]*\*\/\s*)?(select|insert|update|delete|with)\b/i;
export const preparable = (text: string) => PREPARABLE.test(text);

export const GENERIC_PLAN_COMMENT = '/* generic plan */';
/**
 * Put first in a statement whose plan does not depend on its values (the case search): on the embedded database it
 * is then planned once, not for each run. On PostgreSQL it is only a comment: the server decides as usual.
 */
export const GENERIC_PLAN: SQL = sql.raw(`${GENERIC_PLAN_COMMENT} `);
export const wantsGenericPlan = (text: string) => text.trimStart().startsWith(GENERIC_PLAN_COMMENT);

/** A prepared statement that would now return other columns (a table changed under it), or that is gone: prepare it again. */
export const STALE_STATEMENT = new Set(['0A000', '26000']);

/**
 * The statement that starts every tenant transaction (tenant.ts). On PostgreSQL it travels with the transaction's
 * BEGIN, in one round trip (pg-statements.ts); a unit test checks that tenant.ts renders exactly this text.
 */
export const TENANT_SETTINGS = "SELECT set_config('role', 'parley_app', true), set_config('parley.org_id', $1, true)";
