-- Hand-written. A service's case types: row-level security and grants (see 0001), the four types every service has had
-- so far seeded for each existing service (their reference prefixes carried over from the settings), and cases and
-- referrals tied to their type and its kind by a same-service key (see 0017): a trigger copies the kind from the type,
-- and the key refuses a kind that is not the type's, so the kind of a type in use cannot change under its cases.
ALTER TABLE case_types ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON case_types USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_types TO parley_app;
--> statement-breakpoint
INSERT INTO case_types (org_id, code, name, kind, reference_prefix)
SELECT o.id, k.kind, NULL, k.kind, NULLIF(o.settings -> 'caseTypePrefixes' ->> k.kind, '')
FROM organisations o CROSS JOIN (VALUES ('community'), ('restorative_justice'), ('send'), ('social_care')) AS k(kind)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION parley_case_kind_of_type() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.case_kind := COALESCE((SELECT t.kind FROM case_types t WHERE t.org_id = NEW.org_id AND t.code = NEW.case_type), NEW.case_kind);
  RETURN NEW;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_case_kind_of_type() TO parley_app;
--> statement-breakpoint
CREATE TRIGGER cases_case_kind BEFORE INSERT OR UPDATE OF case_type, case_kind ON cases FOR EACH ROW EXECUTE FUNCTION parley_case_kind_of_type();
--> statement-breakpoint
CREATE TRIGGER referrals_case_kind BEFORE INSERT OR UPDATE OF case_type, case_kind ON referrals FOR EACH ROW EXECUTE FUNCTION parley_case_kind_of_type();
--> statement-breakpoint
UPDATE cases SET case_kind = case_type;
--> statement-breakpoint
UPDATE referrals SET case_kind = case_type;
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_case_type_same_service_fk FOREIGN KEY (org_id, case_type, case_kind) REFERENCES case_types (org_id, code, kind) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE referrals ADD CONSTRAINT referrals_case_type_same_service_fk FOREIGN KEY (org_id, case_type, case_kind) REFERENCES case_types (org_id, code, kind) DEFERRABLE INITIALLY IMMEDIATE;
