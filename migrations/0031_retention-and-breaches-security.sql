-- Hand-written. Row-level security, grants and same-service keys for retention and the breach log (see 0001, 0017).
-- The destruction log is only ever added to: the app role may not change or remove a line of it.
ALTER TABLE retention_schedules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON retention_schedules USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON retention_schedules TO parley_app;
--> statement-breakpoint
ALTER TABLE legal_holds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON legal_holds USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON legal_holds TO parley_app;
--> statement-breakpoint
ALTER TABLE destruction_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON destruction_log USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON destruction_log TO parley_app;
--> statement-breakpoint
ALTER TABLE breaches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON breaches USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON breaches TO parley_app;
--> statement-breakpoint
ALTER TABLE legal_holds ADD CONSTRAINT legal_holds_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
-- A signature stays evidence, except to the retention run: only the owner role (never parley_app), and only in a
-- transaction that says it is erasing, may take a given signature's name and marks out when the case's time is up.
CREATE OR REPLACE FUNCTION parley_signature_is_evidence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'pending' AND NOT (current_setting('parley.erasing', true) = 'on' AND current_user <> 'parley_app') THEN
    RAISE EXCEPTION 'A signature, once given or declined, is evidence and is never changed' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'agreement_signers_evidence', TABLE = 'agreement_signers';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- The register of people's requests (subject access, erasure, rectification).
ALTER TABLE data_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON data_requests USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON data_requests TO parley_app;
