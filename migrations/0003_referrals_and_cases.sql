CREATE TABLE "enquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"postcode" text,
	"message" text NOT NULL,
	"appointment" jsonb,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "journey_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"journey" text NOT NULL,
	"answers" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_lookup" (
	"postcode" text PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"la_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"case_type" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"description" text NOT NULL,
	"parties" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"referrer" jsonb,
	"risks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consent_to_contact" boolean NOT NULL,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_key" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"case_id" uuid
);
--> statement-breakpoint
CREATE TABLE "volunteer_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"postcode" text,
	"details" jsonb NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"summary" text NOT NULL,
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visibility" text DEFAULT 'team' NOT NULL,
	"disclosure" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"case_type" text NOT NULL,
	"status" text NOT NULL,
	"held_from" text,
	"outcome" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"referral_id" uuid,
	"coordinator_id" uuid,
	"summary" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"local_authority" text,
	"postcode_norm" text,
	"opened_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"situation_now" text,
	"wanted_future" text,
	"ideas" text,
	"concerns" text,
	"availability" text,
	"suitability" text,
	"suitability_notes" text,
	"meeting_mode" text,
	"met_on" date,
	"disclosure" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"postcode" text,
	"safe_contact" text,
	"can_leave_messages" boolean,
	"needs" text,
	"in_custody" boolean DEFAULT false NOT NULL,
	"establishment" text,
	"prison_number" text,
	"offender_manager" text,
	"consent" text DEFAULT 'not_asked' NOT NULL,
	"name_norm" text NOT NULL,
	"phone_norm" text,
	"email_norm" text,
	"postcode_norm" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safeguarding_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid,
	"disclosed" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"referred_to" text,
	"referred_at" timestamp with time zone,
	"legal_basis" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"assignee_id" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text
);
--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_drafts" ADD CONSTRAINT "journey_drafts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_counters" ADD CONSTRAINT "reference_counters_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_applications" ADD CONSTRAINT "volunteer_applications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_records" ADD CONSTRAINT "intake_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_records" ADD CONSTRAINT "safeguarding_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiries_org_status_idx" ON "enquiries" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_counters_key" ON "reference_counters" USING btree ("org_id","kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_org_reference_idx" ON "referrals" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "referrals_org_status_idx" ON "referrals" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "referrals_match_keys_idx" ON "referrals" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "volunteer_applications_org_idx" ON "volunteer_applications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "case_events_case_at_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_org_reference_idx" ON "cases" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "cases_org_status_opened_idx" ON "cases" USING btree ("org_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "cases_org_opened_idx" ON "cases" USING btree ("org_id","opened_at");--> statement-breakpoint
CREATE INDEX "cases_org_type_idx" ON "cases" USING btree ("org_id","case_type","opened_at");--> statement-breakpoint
CREATE INDEX "cases_org_coordinator_idx" ON "cases" USING btree ("org_id","coordinator_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_records_party_idx" ON "intake_records" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "intake_records_case_idx" ON "intake_records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "parties_case_idx" ON "parties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "parties_org_name_idx" ON "parties" USING btree ("org_id","name_norm" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "parties_org_phone_idx" ON "parties" USING btree ("org_id","phone_norm");--> statement-breakpoint
CREATE INDEX "parties_org_email_idx" ON "parties" USING btree ("org_id","email_norm");--> statement-breakpoint
CREATE INDEX "parties_org_postcode_idx" ON "parties" USING btree ("org_id","postcode_norm" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "safeguarding_org_status_idx" ON "safeguarding_records" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "safeguarding_case_idx" ON "safeguarding_records" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "tasks_case_idx" ON "tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "tasks_org_assignee_due_idx" ON "tasks" USING btree ("org_id","assignee_id","due_on");