CREATE INDEX "cases_org_type_status_changed_idx" ON "cases" USING btree ("org_id","case_type","status_changed_at");--> statement-breakpoint
CREATE INDEX "send_cases_org_updated_idx" ON "send_cases" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "send_certificates_org_superseded_idx" ON "send_certificates" USING btree ("org_id","superseded_at");