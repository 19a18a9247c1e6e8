// Which tables a backup holds, in an order that satisfies foreign keys on restore, and which it leaves out.
export const BACKED_UP = [
  { table: 'organisations', key: 'id' },
  { table: 'users', key: 'id' },
  { table: 'backup_codes', key: 'id' },
  { table: 'memberships', key: 'id' },
  { table: 'invitations', key: 'id' },
  { table: 'api_keys', key: 'id' },
  { table: 'audit_events', key: 'id', serial: true },
  { table: 'audit_heads', key: 'chain' },
  { table: 'jobs', key: 'id' },
  { table: 'postcode_lookup', key: 'postcode' },
  { table: 'reference_counters', key: 'org_id, kind, year' },
  { table: 'enquiries', key: 'id' },
  { table: 'volunteer_applications', key: 'id' },
  { table: 'referrals', key: 'id' },
  { table: 'cases', key: 'id' },
  { table: 'parties', key: 'id' },
  { table: 'case_events', key: 'id', serial: true },
  { table: 'intake_records', key: 'id' },
  { table: 'tasks', key: 'id' },
  { table: 'safeguarding_records', key: 'id' },
  { table: 'volunteers', key: 'id' },
  { table: 'training_courses', key: 'id' },
  { table: 'training_records', key: 'id' },
  { table: 'accreditations', key: 'id' },
  { table: 'dbs_checks', key: 'id' },
  { table: 'case_assignments', key: 'id' },
  { table: 'volunteer_hours', key: 'id' },
  { table: 'expense_claims', key: 'id' },
  { table: 'expense_receipts', key: 'id' },
  { table: 'venues', key: 'id' },
  { table: 'venue_rooms', key: 'id' },
  { table: 'meetings', key: 'id' },
  { table: 'meeting_participants', key: 'id' },
  { table: 'shuttle_statements', key: 'id' },
  { table: 'shuttle_conveyances', key: 'id' },
  { table: 'meeting_requests', key: 'id' },
  { table: 'email_outbox', key: 'id' },
  { table: 'email_deliveries', key: 'id' },
  { table: 'calendar_feeds', key: 'id' },
  { table: 'follow_up_points', key: 'id' },
  { table: 'check_ins', key: 'id' },
  { table: 'check_in_answers', key: 'id' },
  { table: 'party_links', key: 'id' },
  { table: 'feedback_responses', key: 'id' },
  { table: 'testimonials', key: 'id' },
] as const satisfies readonly { table: string; key: string; serial?: boolean }[];

export const BACKED_UP_TABLES: readonly string[] = BACKED_UP.map((t) => t.table);

/**
 * Left out on purpose: sessions (everyone signs in again after a restore), per-installation settings, half-finished
 * public forms, the pairing view's version counters (the restore's own inserts set them again), password-reset links
 * (they last 30 minutes), failed sign-in counts and the shared rate-limit counts (a minute long).
 */
export const SKIPPED_TABLES = [
  'sessions',
  'instance_settings',
  'journey_drafts',
  'volunteer_data_versions',
  'password_resets',
  'sign_in_throttles',
  'rate_limits',
] as const;
