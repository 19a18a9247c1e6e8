-- Hand-written. A reference between a service's rows can never point into another service: every such column is
-- covered by a foreign key on (org_id, column) to the parent's (org_id, id) (0016 added those unique keys), or to
-- memberships (org_id, user_id) for a person of the service. Columns that hold "whoever acted" (a member or an API
-- key of the service) are checked by the trigger parley_actor_in_org() instead.
--
-- Existing installs: a nullable reference that already points at another service (or at nothing) is cleared first,
-- with a notice saying how many rows; a required reference that does not hold is left for a person to look at: its
-- key is added NOT VALID (new and changed rows are checked; old rows stay as they are) with a warning naming it.
-- The keys are DEFERRABLE INITIALLY IMMEDIATE: checked at each statement, except where a transaction defers them
-- (a backup's restore, which loads tables that point at each other).
DO $$
DECLARE
  spec text[];
  child text; col text; parent text; parent_col text; fk text; nullable boolean; cleared bigint;
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ['cases', 'referral_id', 'referrals', 'id'],
    ['cases', 'coordinator_id', 'memberships', 'user_id'],
    ['parties', 'case_id', 'cases', 'id'],
    ['case_events', 'case_id', 'cases', 'id'],
    ['case_events', 'party_id', 'parties', 'id'],
    ['intake_records', 'case_id', 'cases', 'id'],
    ['intake_records', 'party_id', 'parties', 'id'],
    ['tasks', 'case_id', 'cases', 'id'],
    ['tasks', 'assignee_id', 'memberships', 'user_id'],
    ['safeguarding_records', 'case_id', 'cases', 'id'],
    ['safeguarding_records', 'party_id', 'parties', 'id'],
    ['referrals', 'case_id', 'cases', 'id'],
    ['referrals', 'created_by_key', 'api_keys', 'id'],
    ['api_keys', 'created_by', 'memberships', 'user_id'],
    ['volunteers', 'user_id', 'memberships', 'user_id'],
    ['volunteers', 'application_id', 'volunteer_applications', 'id'],
    ['volunteers', 'supervisor_user_id', 'memberships', 'user_id'],
    ['training_records', 'volunteer_id', 'volunteers', 'id'],
    ['training_records', 'course_id', 'training_courses', 'id'],
    ['accreditations', 'volunteer_id', 'volunteers', 'id'],
    ['dbs_checks', 'volunteer_id', 'volunteers', 'id'],
    ['case_assignments', 'case_id', 'cases', 'id'],
    ['case_assignments', 'volunteer_id', 'volunteers', 'id'],
    ['volunteer_hours', 'volunteer_id', 'volunteers', 'id'],
    ['volunteer_hours', 'case_id', 'cases', 'id'],
    ['expense_claims', 'volunteer_id', 'volunteers', 'id'],
    ['expense_claims', 'case_id', 'cases', 'id'],
    ['expense_receipts', 'claim_id', 'expense_claims', 'id'],
    ['venue_rooms', 'venue_id', 'venues', 'id'],
    ['meetings', 'case_id', 'cases', 'id'],
    ['meetings', 'venue_id', 'venues', 'id'],
    ['meetings', 'room_id', 'venue_rooms', 'id'],
    ['meetings', 'home_party_id', 'parties', 'id'],
    ['meetings', 'request_id', 'meeting_requests', 'id'],
    ['meeting_participants', 'meeting_id', 'meetings', 'id'],
    ['meeting_participants', 'case_id', 'cases', 'id'],
    ['meeting_participants', 'volunteer_id', 'volunteers', 'id'],
    ['meeting_participants', 'party_id', 'parties', 'id'],
    ['meeting_participants', 'user_id', 'memberships', 'user_id'],
    ['shuttle_statements', 'case_id', 'cases', 'id'],
    ['shuttle_statements', 'meeting_id', 'meetings', 'id'],
    ['shuttle_statements', 'from_party_id', 'parties', 'id'],
    ['shuttle_conveyances', 'case_id', 'cases', 'id'],
    ['shuttle_conveyances', 'statement_id', 'shuttle_statements', 'id'],
    ['shuttle_conveyances', 'to_party_id', 'parties', 'id'],
    ['meeting_requests', 'case_id', 'cases', 'id'],
    ['meeting_requests', 'party_id', 'parties', 'id'],
    ['meeting_requests', 'meeting_id', 'meetings', 'id'],
    ['email_outbox', 'case_id', 'cases', 'id'],
    ['email_outbox', 'meeting_id', 'meetings', 'id'],
    ['email_deliveries', 'outbox_id', 'email_outbox', 'id'],
    ['calendar_feeds', 'volunteer_id', 'volunteers', 'id']
  ] LOOP
    child := spec[1]; col := spec[2]; parent := spec[3]; parent_col := spec[4];
    fk := child || '_' || col || '_same_service_fk';
    SELECT is_nullable = 'YES' INTO nullable FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = child AND column_name = col;
    IF nullable THEN
      EXECUTE format(
        'UPDATE %1$I c SET %2$I = NULL WHERE c.%2$I IS NOT NULL AND c.org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %3$I p WHERE p.org_id = c.org_id AND p.%4$I = c.%2$I)',
        child, col, parent, parent_col);
      GET DIAGNOSTICS cleared = ROW_COUNT;
      IF cleared > 0 THEN
        RAISE NOTICE '%.%: cleared % reference(s) to another service or to nothing', child, col, cleared;
      END IF;
    END IF;
    EXECUTE format(
      'ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (org_id, %I) REFERENCES %I (org_id, %I) DEFERRABLE INITIALLY IMMEDIATE NOT VALID',
      child, fk, col, parent, parent_col);
    BEGIN
      EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', child, fk);
    EXCEPTION WHEN foreign_key_violation THEN
      RAISE WARNING '%.% holds references to another service or to nothing: % is checked for new rows only until they are put right and it is validated', child, col, fk;
    END;
  END LOOP;
END $$;
--> statement-breakpoint
-- The timeline is history: a person removed from a case in error leaves their events, no longer linked to them.
ALTER TABLE case_events DROP CONSTRAINT case_events_party_id_same_service_fk;--> statement-breakpoint
ALTER TABLE case_events ADD CONSTRAINT case_events_party_id_same_service_fk FOREIGN KEY (org_id, party_id)
  REFERENCES parties (org_id, id) ON DELETE SET NULL (party_id) DEFERRABLE INITIALLY IMMEDIATE NOT VALID;--> statement-breakpoint
DO $$
BEGIN
  ALTER TABLE case_events VALIDATE CONSTRAINT case_events_party_id_same_service_fk;
EXCEPTION WHEN foreign_key_violation THEN
  RAISE WARNING 'case_events.party_id holds references to another service or to nothing: checked for new rows only';
END $$;
--> statement-breakpoint
-- Who acted: a member's user id or one of the service's API keys (the actor's id), never another service's.
CREATE FUNCTION parley_actor_in_org() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  actor uuid;
BEGIN
  EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) INTO actor USING NEW;
  IF actor IS NULL OR NEW.org_id IS NULL
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = NEW.org_id AND m.user_id = actor)
    OR EXISTS (SELECT 1 FROM api_keys k WHERE k.org_id = NEW.org_id AND k.id = actor) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '%.% must be a member or an API key of the same service', TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[0] || '_same_service', COLUMN = TG_ARGV[0], TABLE = TG_TABLE_NAME;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION parley_actor_in_org() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_actor_in_org() TO parley_app;--> statement-breakpoint
UPDATE "referrals" c SET "decided_by" = NULL WHERE "decided_by" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = c.org_id AND m.user_id = c.decided_by)
  AND NOT EXISTS (SELECT 1 FROM api_keys k WHERE k.org_id = c.org_id AND k.id = c.decided_by);--> statement-breakpoint
UPDATE "enquiries" c SET "handled_by" = NULL WHERE "handled_by" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = c.org_id AND m.user_id = c.handled_by)
  AND NOT EXISTS (SELECT 1 FROM api_keys k WHERE k.org_id = c.org_id AND k.id = c.handled_by);--> statement-breakpoint
UPDATE "invitations" c SET "invited_by" = NULL WHERE "invited_by" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = c.org_id AND m.user_id = c.invited_by)
  AND NOT EXISTS (SELECT 1 FROM api_keys k WHERE k.org_id = c.org_id AND k.id = c.invited_by);--> statement-breakpoint
CREATE TRIGGER referrals_decided_by_same_service BEFORE INSERT OR UPDATE OF decided_by, org_id ON referrals
  FOR EACH ROW EXECUTE FUNCTION parley_actor_in_org('decided_by');--> statement-breakpoint
CREATE TRIGGER enquiries_handled_by_same_service BEFORE INSERT OR UPDATE OF handled_by, org_id ON enquiries
  FOR EACH ROW EXECUTE FUNCTION parley_actor_in_org('handled_by');--> statement-breakpoint
CREATE TRIGGER invitations_invited_by_same_service BEFORE INSERT OR UPDATE OF invited_by, org_id ON invitations
  FOR EACH ROW EXECUTE FUNCTION parley_actor_in_org('invited_by');
