-- Hand-written. Row-level security and grants for the report exports (see 0001): a service sees only its own.
ALTER TABLE report_exports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON report_exports USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON report_exports TO parley_app;
