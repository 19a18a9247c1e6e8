import { pgTable, text, timestamp } from '#src/db/orm.ts';

/** Settings of this installation as a whole (not of any one service), such as the one-time setup token. */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
