-- The pairing view's version counter (0008): row-level security like every service-owned table, and triggers that
-- raise a service's counter whenever something the pairing rules read changes. Triggers run as whoever changed
-- the row, so the application role may insert and update its own service's counter and nothing else.
ALTER TABLE volunteer_data_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON volunteer_data_versions USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON volunteer_data_versions TO parley_app;
--> statement-breakpoint
-- Versions come from a sequence, never reused: a change rolled back cannot leave a number a later change repeats.
CREATE SEQUENCE volunteer_data_version_seq;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE volunteer_data_version_seq TO parley_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION parley_bump_volunteer_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO volunteer_data_versions AS v (org_id, version)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END, nextval('volunteer_data_version_seq'))
  ON CONFLICT (org_id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_bump_volunteer_version() TO parley_app;
--> statement-breakpoint
CREATE TRIGGER volunteers_bump_version AFTER INSERT OR UPDATE OR DELETE ON volunteers FOR EACH ROW EXECUTE FUNCTION parley_bump_volunteer_version();
--> statement-breakpoint
CREATE TRIGGER accreditations_bump_version AFTER INSERT OR UPDATE OR DELETE ON accreditations FOR EACH ROW EXECUTE FUNCTION parley_bump_volunteer_version();
--> statement-breakpoint
CREATE TRIGGER dbs_checks_bump_version AFTER INSERT OR UPDATE OR DELETE ON dbs_checks FOR EACH ROW EXECUTE FUNCTION parley_bump_volunteer_version();
--> statement-breakpoint
CREATE TRIGGER case_assignments_bump_version AFTER INSERT OR UPDATE OR DELETE ON case_assignments FOR EACH ROW EXECUTE FUNCTION parley_bump_volunteer_version();
--> statement-breakpoint
CREATE TRIGGER cases_status_bump_version AFTER UPDATE OF status ON cases FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION parley_bump_volunteer_version();
--> statement-breakpoint
-- Postcode places are shared by every service: an import raises every counter (it runs as the owner).
CREATE OR REPLACE FUNCTION parley_bump_all_volunteer_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE volunteer_data_versions SET version = nextval('volunteer_data_version_seq');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER postcode_lookup_bump_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON postcode_lookup FOR EACH STATEMENT EXECUTE FUNCTION parley_bump_all_volunteer_versions();
