CREATE TABLE "accreditations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"area" text NOT NULL,
	"accredited_on" date NOT NULL,
	"expires_on" date,
	"accredited_by" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"role" text NOT NULL,
	"supervised" boolean DEFAULT false NOT NULL,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" text,
	"sign_off_notes" text,
	"override_justification" text,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" text,
	"ended_at" timestamp with time zone,
	"ended_reason" text
);
--> statement-breakpoint
CREATE TABLE "dbs_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"level" text NOT NULL,
	"workforce" text NOT NULL,
	"certificate_number" text NOT NULL,
	"certificate_last4" text NOT NULL,
	"issued_on" date NOT NULL,
	"update_service" boolean DEFAULT false NOT NULL,
	"status_checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"description" text NOT NULL,
	"miles" integer,
	"amount_pence" integer NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"minutes" integer NOT NULL,
	"foundation" boolean DEFAULT false NOT NULL,
	"area" text,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"course_id" uuid,
	"title" text NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"on" date NOT NULL,
	"notes" text,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"case_id" uuid,
	"on" date NOT NULL,
	"minutes" integer NOT NULL,
	"activity" text NOT NULL,
	"notes" text,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"application_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"postcode" text,
	"postcode_norm" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gender" text,
	"travel_miles" integer DEFAULT 10 NOT NULL,
	"max_active_cases" integer DEFAULT 3 NOT NULL,
	"status" text DEFAULT 'applicant' NOT NULL,
	"status_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"weekly_availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"away" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"connections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"employer" text,
	"employed_by_local_authority" text,
	"supervisor_user_id" uuid,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "postcode_lookup" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "postcode_lookup" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "accreditations" ADD CONSTRAINT "accreditations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dbs_checks" ADD CONSTRAINT "dbs_checks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_receipts" ADD CONSTRAINT "expense_receipts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accreditations_volunteer_idx" ON "accreditations" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "case_assignments_case_idx" ON "case_assignments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_assignments_volunteer_idx" ON "case_assignments" USING btree ("volunteer_id","ended_at");--> statement-breakpoint
CREATE INDEX "dbs_checks_volunteer_idx" ON "dbs_checks" USING btree ("volunteer_id","issued_on");--> statement-breakpoint
CREATE INDEX "expense_claims_org_status_idx" ON "expense_claims" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "expense_claims_volunteer_idx" ON "expense_claims" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "expense_receipts_claim_idx" ON "expense_receipts" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "training_courses_org_idx" ON "training_courses" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "training_records_volunteer_idx" ON "training_records" USING btree ("volunteer_id","on");--> statement-breakpoint
CREATE INDEX "volunteer_hours_volunteer_idx" ON "volunteer_hours" USING btree ("volunteer_id","on");--> statement-breakpoint
CREATE INDEX "volunteer_hours_case_idx" ON "volunteer_hours" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "volunteers_org_status_idx" ON "volunteers" USING btree ("org_id","status","name");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_org_user_idx" ON "volunteers" USING btree ("org_id","user_id");