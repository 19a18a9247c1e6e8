// A service's case types: the four it starts with and any it adds, each following one kind of rules.
import { check, pgTable, primaryKey, sql, text, timestamp, unique, uuid } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

export const caseTypes = pgTable(
  'case_types',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** The type's code on cases and referrals: a built-in kind's own name, or a short name the service chose. */
    code: text('code').notNull(),
    /** What people see; null for the four a service starts with, whose names come from the message catalogue. */
    name: text('name'),
    /** The rules the type follows (CASE_KINDS in domain/case-words.ts): community, restorative_justice, send, social_care. */
    kind: text('kind').notNull(),
    /** Its case references start with this; null uses the service's reference prefix. */
    referencePrefix: text('reference_prefix'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.code] }),
    /** Cases and referrals point at (org, code, kind), so their kind is always their type's (migration 0036). */
    unique('case_types_org_code_kind_key').on(t.orgId, t.code, t.kind),
    check('case_types_kind_check', sql`${t.kind} IN ('community', 'restorative_justice', 'send', 'social_care')`),
    check('case_types_code_check', sql`${t.code} ~ '^[a-z][a-z0-9_-]{1,39}$'`),
  ],
);
