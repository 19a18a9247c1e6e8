-- Hand-written. Row-level security, grants and same-service keys for SEND mediation (see 0001, 0017). A certificate is
-- never deleted: a re-issue adds a new one and marks the old one superseded.
ALTER TABLE send_cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON send_cases USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON send_cases TO parley_app;
--> statement-breakpoint
ALTER TABLE send_certificates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON send_certificates USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON send_certificates TO parley_app;
--> statement-breakpoint
ALTER TABLE send_cases ADD CONSTRAINT send_cases_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE send_cases ADD CONSTRAINT send_cases_mias_meeting_id_same_service_fk FOREIGN KEY (org_id, mias_meeting_id) REFERENCES meetings (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE send_certificates ADD CONSTRAINT send_certificates_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE send_certificates ADD CONSTRAINT send_certificates_replaces_id_same_service_fk FOREIGN KEY (org_id, replaces_id) REFERENCES send_certificates (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
