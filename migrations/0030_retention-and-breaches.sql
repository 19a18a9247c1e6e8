CREATE TABLE "breaches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"summary" text NOT NULL,
	"aware_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone,
	"risk" text NOT NULL,
	"people_affected" integer,
	"reported_to_ico_at" timestamp with time zone,
	"ico_reference" text,
	"not_reported_reason" text,
	"people_told_at" timestamp with time zone,
	"actions_taken" text,
	"closed_at" timestamp with time zone,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "breaches_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_contact" text,
	"received_on" date NOT NULL,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extension_reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"refusal_reason" text,
	"closed_on" date,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_requests_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "destruction_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"case_type" text NOT NULL,
	"years" integer NOT NULL,
	"closed_before" timestamp with time zone NOT NULL,
	"case_count" integer NOT NULL,
	"references" text[] NOT NULL,
	"ran_by" text
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"placed_by" text,
	"placed_at" timestamp with time zone NOT NULL,
	"lifted_by" text,
	"lifted_at" timestamp with time zone,
	CONSTRAINT "legal_holds_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "retention_schedules" (
	"org_id" uuid NOT NULL,
	"case_type" text NOT NULL,
	"years" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "breaches" ADD CONSTRAINT "breaches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_log" ADD CONSTRAINT "destruction_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_schedules" ADD CONSTRAINT "retention_schedules_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breaches_org_aware_idx" ON "breaches" USING btree ("org_id","aware_at");--> statement-breakpoint
CREATE INDEX "data_requests_org_due_idx" ON "data_requests" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "destruction_log_org_run_idx" ON "destruction_log" USING btree ("org_id","run_at");--> statement-breakpoint
CREATE INDEX "legal_holds_org_case_idx" ON "legal_holds" USING btree ("org_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_schedules_org_type_idx" ON "retention_schedules" USING btree ("org_id","case_type");