-- Row-level security: the second wall between services.
-- Tenant work runs under the non-superuser role parley_app with parley.org_id set per transaction
-- (SET LOCAL ROLE parley_app; set_config('parley.org_id', …, true)). The owner role (migrations,
-- sign-in, the CLI) is not subject to these policies.
DO $$
BEGIN
  CREATE ROLE parley_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT parley_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION parley_current_org() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('parley.org_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO parley_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_current_org() TO parley_app;
--> statement-breakpoint
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organisations USING (id = parley_current_org()) WITH CHECK (id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, UPDATE ON organisations TO parley_app;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO parley_app;
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO parley_app;
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON api_keys USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON api_keys TO parley_app;
--> statement-breakpoint
-- People are visible to a service only while they are its members.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_of_current_org ON users FOR SELECT USING (
  EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = parley_current_org())
);
--> statement-breakpoint
GRANT SELECT ON users TO parley_app;
--> statement-breakpoint
-- The audit trail is append-only for the application: no UPDATE or DELETE is granted.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_events USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_events TO parley_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_events_id_seq TO parley_app;
--> statement-breakpoint
ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_heads USING (chain = parley_current_org()::text) WITH CHECK (chain = parley_current_org()::text);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON audit_heads TO parley_app;
--> statement-breakpoint
-- Jobs are enqueued inside tenant transactions; the worker runs as the owner.
GRANT INSERT ON jobs TO parley_app;
