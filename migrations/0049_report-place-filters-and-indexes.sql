ALTER TABLE "referrals" ADD COLUMN "postcode_norm" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "local_authority" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "referred_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "referrals_org_postcode_idx" ON "referrals" USING btree ("org_id","postcode_norm" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "referrals_org_la_idx" ON "referrals" USING btree ("org_id",lower("local_authority"));--> statement-breakpoint
CREATE INDEX "case_events_contact_idx" ON "case_events" USING btree ("case_id","at","org_id") WHERE "case_events"."kind" = 'contact';--> statement-breakpoint
CREATE INDEX "case_events_org_transition_idx" ON "case_events" USING btree ("org_id","at") WHERE "case_events"."kind" = 'transition';--> statement-breakpoint
CREATE INDEX "cases_org_postcode_idx" ON "cases" USING btree ("org_id","postcode_norm" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_org_la_idx" ON "cases" USING btree ("org_id",lower("local_authority"));--> statement-breakpoint
CREATE INDEX "volunteer_hours_org_on_idx" ON "volunteer_hours" USING btree ("org_id","on");--> statement-breakpoint
CREATE INDEX "follow_up_points_org_due_idx" ON "follow_up_points" USING btree ("org_id","due_on");