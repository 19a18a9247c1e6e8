// Reports: a spreadsheet export made in the background (a job), with its progress and, when ready, the file. Only
// aggregate figures, suppressed, are ever in it; it is made again from the data at will, so backups leave it out.
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from '#src/db/orm.ts';
import { organisations } from './organisations.ts';

export const reportExports = pgTable(
  'report_exports',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    report: text('report').notNull(),
    /** The filter as asked: from, to, caseType. */
    filter: jsonb('filter').$type<Record<string, string | undefined>>().notNull(),
    /** The language its words are written in. */
    locale: text('locale').notNull(),
    /** Who asked (a user or an API key's id): only they may download it. */
    requestedBy: text('requested_by').notNull(),
    /** queued, running, ready, failed, expired (the file deleted after its week: purge-exports.job.ts) */
    status: text('status').notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsTotal: integer('rows_total'),
    filename: text('filename'),
    /** Base64 of the XLSX file, once ready. */
    content: text('content'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [unique('report_exports_org_id_id_key').on(t.orgId, t.id), index('report_exports_org_created_idx').on(t.orgId, t.createdAt)],
);
