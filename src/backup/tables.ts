// Which tables a backup holds, in an order that satisfies foreign keys on restore, and which it leaves out.
export const BACKED_UP = [
  { table: 'organisations', key: 'id' },
  { table: 'users', key: 'id' },
  { table: 'backup_codes', key: 'id' },
  { table: 'memberships', key: 'id' },
  { table: 'invitations', key: 'id' },
  { table: 'api_keys', key: 'id' },
  { table: 'audit_events', key: 'id' },
  { table: 'audit_heads', key: 'chain' },
  { table: 'jobs', key: 'id' },
] as const;

export const BACKED_UP_TABLES: readonly string[] = BACKED_UP.map((t) => t.table);

/** Left out on purpose: sessions (everyone signs in again after a restore) and per-installation settings. */
export const SKIPPED_TABLES = ['sessions', 'instance_settings'] as const;
