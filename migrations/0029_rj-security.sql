-- Hand-written. Row-level security, grants and same-service keys for restorative justice (see 0001, 0017). Suitability
-- recordings and letter reviews are never changed or deleted by the app: a new one is recorded instead.
ALTER TABLE rj_policies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rj_policies USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON rj_policies TO parley_app;
--> statement-breakpoint
ALTER TABLE rj_cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rj_cases USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON rj_cases TO parley_app;
--> statement-breakpoint
ALTER TABLE rj_suitability ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rj_suitability USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON rj_suitability TO parley_app;
--> statement-breakpoint
ALTER TABLE rj_risk_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rj_risk_assessments USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON rj_risk_assessments TO parley_app;
--> statement-breakpoint
ALTER TABLE rj_custody ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rj_custody USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON rj_custody TO parley_app;
--> statement-breakpoint
ALTER TABLE rj_letters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rj_letters USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON rj_letters TO parley_app;
--> statement-breakpoint
ALTER TABLE rj_letter_reviews ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON rj_letter_reviews USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON rj_letter_reviews TO parley_app;
--> statement-breakpoint
ALTER TABLE rj_cases ADD CONSTRAINT rj_cases_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_suitability ADD CONSTRAINT rj_suitability_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_suitability ADD CONSTRAINT rj_suitability_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_risk_assessments ADD CONSTRAINT rj_risk_assessments_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_risk_assessments ADD CONSTRAINT rj_risk_assessments_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_custody ADD CONSTRAINT rj_custody_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_custody ADD CONSTRAINT rj_custody_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_letters ADD CONSTRAINT rj_letters_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_letters ADD CONSTRAINT rj_letters_from_party_id_same_service_fk FOREIGN KEY (org_id, from_party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_letters ADD CONSTRAINT rj_letters_to_party_id_same_service_fk FOREIGN KEY (org_id, to_party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE rj_letter_reviews ADD CONSTRAINT rj_letter_reviews_letter_id_same_service_fk FOREIGN KEY (org_id, letter_id) REFERENCES rj_letters (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
