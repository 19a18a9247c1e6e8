// Which tables a backup holds, in an order that satisfies foreign keys on restore, and which it leaves out.
export const BACKED_UP_TABLES = [
  'organisations',
  'users',
  'backup_codes',
  'memberships',
  'invitations',
  'api_keys',
  'audit_events',
  'audit_heads',
  'jobs',
] as const;

/** Left out on purpose: sessions (everyone signs in again after a restore) and per-installation settings. */
export const SKIPPED_TABLES = ['sessions', 'instance_settings'] as const;
