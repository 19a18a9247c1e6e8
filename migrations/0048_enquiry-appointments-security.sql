-- Hand-written. Row-level security and grants for enquiry appointments (see 0001), and their same-service keys
-- (see 0017): the enquiry, the venue and the member of staff are always the same service's.
ALTER TABLE enquiry_appointments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON enquiry_appointments USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON enquiry_appointments TO parley_app;
--> statement-breakpoint
ALTER TABLE enquiry_appointments ADD CONSTRAINT enquiry_appointments_enquiry_id_same_service_fk FOREIGN KEY (org_id, enquiry_id) REFERENCES enquiries (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE enquiry_appointments ADD CONSTRAINT enquiry_appointments_venue_id_same_service_fk FOREIGN KEY (org_id, venue_id) REFERENCES venues (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE enquiry_appointments ADD CONSTRAINT enquiry_appointments_staff_user_id_same_service_fk FOREIGN KEY (org_id, staff_user_id) REFERENCES memberships (org_id, user_id) DEFERRABLE INITIALLY IMMEDIATE;
