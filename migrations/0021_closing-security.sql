-- Hand-written. Row-level security, grants and same-service keys for the end of a case (see 0001, 0017). A check-in and
-- its answers, and a feedback response, are never changed or deleted by the app: they are what the person said.
ALTER TABLE follow_up_points ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON follow_up_points USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON follow_up_points TO parley_app;
--> statement-breakpoint
ALTER TABLE check_ins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON check_ins USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON check_ins TO parley_app;
--> statement-breakpoint
ALTER TABLE check_in_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON check_in_answers USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON check_in_answers TO parley_app;
--> statement-breakpoint
ALTER TABLE party_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON party_links USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON party_links TO parley_app;
--> statement-breakpoint
ALTER TABLE feedback_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON feedback_responses USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON feedback_responses TO parley_app;
--> statement-breakpoint
ALTER TABLE testimonials ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON testimonials USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON testimonials TO parley_app;
--> statement-breakpoint
ALTER TABLE follow_up_points ADD CONSTRAINT follow_up_points_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE check_ins ADD CONSTRAINT check_ins_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE check_ins ADD CONSTRAINT check_ins_point_id_same_service_fk FOREIGN KEY (org_id, point_id) REFERENCES follow_up_points (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE check_ins ADD CONSTRAINT check_ins_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE check_ins ADD CONSTRAINT check_ins_request_id_same_service_fk FOREIGN KEY (org_id, request_id) REFERENCES meeting_requests (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE check_in_answers ADD CONSTRAINT check_in_answers_check_in_id_same_service_fk FOREIGN KEY (org_id, check_in_id) REFERENCES check_ins (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE party_links ADD CONSTRAINT party_links_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE party_links ADD CONSTRAINT party_links_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE party_links ADD CONSTRAINT party_links_point_id_same_service_fk FOREIGN KEY (org_id, point_id) REFERENCES follow_up_points (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE feedback_responses ADD CONSTRAINT feedback_responses_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE feedback_responses ADD CONSTRAINT feedback_responses_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE testimonials ADD CONSTRAINT testimonials_feedback_id_same_service_fk FOREIGN KEY (org_id, feedback_id) REFERENCES feedback_responses (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
