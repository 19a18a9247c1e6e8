-- Hand-written. Row-level security, grants and the same-service key for the local authority's duties after a SEND
-- agreement (see 0033). A duty is never deleted: it is met, or stays outstanding for the compliance figure.
ALTER TABLE send_duties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON send_duties USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON send_duties TO parley_app;
--> statement-breakpoint
ALTER TABLE send_duties ADD CONSTRAINT send_duties_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
