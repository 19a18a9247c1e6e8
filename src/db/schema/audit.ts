// Append-only, hash-chained per service. The app role may only SELECT and INSERT here.
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from '#src/db/orm.ts';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** NULL for the platform chain (events that belong to no service, such as sign-in with an unknown email). */
    orgId: uuid('org_id'),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_events_chain_idx').on(t.orgId, t.seq), index('audit_events_org_at_idx').on(t.orgId, t.at)],
);

/** The newest link of each chain, so removing the last rows is detected too. */
export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
