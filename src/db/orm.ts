// Drizzle, loaded through require(). Node 24's ES module loader keeps a parsed copy of drizzle-orm's very
// large package.json for every file it imports from the package (about 240 MB and 0.8 s at start-up for the
// files Parley uses); the package's CommonJS build does not. Import Drizzle's runtime from here, never from
// 'drizzle-orm' directly (type-only imports are fine).
import { createRequire } from 'node:module';
import type * as Orm from 'drizzle-orm';
import type * as NodePg from 'drizzle-orm/node-postgres';
import type * as NodePgMigrator from 'drizzle-orm/node-postgres/migrator';
import type * as PgCore from 'drizzle-orm/pg-core';
import type * as Pglite from 'drizzle-orm/pglite';
import type * as PgliteMigrator from 'drizzle-orm/pglite/migrator';

// drizzle-kit loads the schema as CommonJS, where `require` exists and import.meta does not.
const load = typeof require === 'function' ? require : createRequire(import.meta.url);

const orm = load('drizzle-orm') as typeof Orm;
const pgCore = load('drizzle-orm/pg-core') as typeof PgCore;

export const { and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, like, lt, lte, ne, not, notInArray, or, sql, count, getTableName, isTable } =
  orm;
/** For reading rows Drizzle did not fetch itself (db/read-in-one.ts): what a selected field is, and a table's columns. */
export const { Column, SQL: SqlExpression, getTableColumns, is } = orm;
export const {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  QueryBuilder,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} = pgCore;
export type { Placeholder, SQL } from 'drizzle-orm';

export const loadPgliteDriver = () => load('drizzle-orm/pglite') as typeof Pglite;
export const loadNodePgDriver = () => load('drizzle-orm/node-postgres') as typeof NodePg;
export const loadPgliteMigrator = () => load('drizzle-orm/pglite/migrator') as typeof PgliteMigrator;
export const loadNodePgMigrator = () => load('drizzle-orm/node-postgres/migrator') as typeof NodePgMigrator;
export const loadPglite = () => load('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
