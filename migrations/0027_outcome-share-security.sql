-- Hand-written. Row-level security, grants and same-service keys for the parties' consent to share the outcome with
-- the referrer (see 0001, 0017). A changed answer replaces the row; nothing is deleted by the app.
ALTER TABLE outcome_share_consents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON outcome_share_consents USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON outcome_share_consents TO parley_app;
--> statement-breakpoint
ALTER TABLE outcome_share_consents ADD CONSTRAINT outcome_share_consents_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE outcome_share_consents ADD CONSTRAINT outcome_share_consents_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
