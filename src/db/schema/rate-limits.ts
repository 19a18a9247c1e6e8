import { index, integer, pgTable, text, timestamp } from '#src/db/orm.ts';

/** Request counts for rate limits shared by every web process on PostgreSQL (see http/rate-limit-store.ts). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** A hash of the route and the client's address: never the address itself. */
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_window_ends_at_idx').on(t.windowEndsAt)],
);
