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

/**
 * A tenant transaction's first statement (tenant.ts): the role switch and the service's id, for this transaction only.
 * On PostgreSQL it goes with the transaction's BEGIN in one round trip, the id written in (pg-named-statements.ts).
 */
export const tenantSettings = (orgId: string): SQL => sql`SELECT set_config('role', 'parley_app', true), set_config('parley.org_id', ${orgId}, true)`;
/** The text Drizzle makes of tenantSettings(), by which the PostgreSQL client knows it. */
export const TENANT_SETTINGS_TEXT = "SELECT set_config('role', 'parley_app', true), set_config('parley.org_id', $1, true)";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The same statement with the service's id written in, for PostgreSQL's simple protocol (which takes no parameters),
 * quoted by the driver's own escapeLiteral; undefined unless the id is a uuid, as every service's is.
 */
export const tenantSettingsWritten = (orgId: unknown, quote: (value: string) => string): string | undefined =>
  typeof orgId === 'string' && UUID.test(orgId)
    ? `SELECT set_config('role', 'parley_app', true), set_config('parley.org_id', ${quote(orgId)}, true)`
    : undefined;
