ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "shuttle_statements" ADD CONSTRAINT "shuttle_statements_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "venue_rooms" ADD CONSTRAINT "venue_rooms_org_id_id_key" UNIQUE("org_id","id");--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_org_id_id_key" UNIQUE("org_id","id");