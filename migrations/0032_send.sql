CREATE TABLE "send_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"decision_type" text,
	"issues" text[] DEFAULT '{}' NOT NULL,
	"decision_letter_on" date,
	"requested_by" text,
	"child_name" text,
	"local_authority" text,
	"icbs" text[] DEFAULT '{}' NOT NULL,
	"child_views_obtained" boolean,
	"child_views_method" text,
	"child_views_not_reason" text,
	"mias_on" date,
	"mias_meeting_id" uuid,
	"mias_decision" text,
	"decision_told_on" date,
	"icb_notified_on" date,
	"adviser_told_on" date,
	"mediation_held_on" date,
	"la_attendee_name" text,
	"la_attendee_role" text,
	"la_attendee_has_authority" boolean,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "send_cases_org_id_case_id_key" UNIQUE("org_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "send_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"outcome" text,
	"issues" jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"appeal_deadline" date NOT NULL,
	"adviser_name" text NOT NULL,
	"adviser_organisation" text NOT NULL,
	"issued_by" text NOT NULL,
	"replaces_id" uuid,
	"reissue_reason" text,
	"superseded_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "send_certificates_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "send_cases" ADD CONSTRAINT "send_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_certificates" ADD CONSTRAINT "send_certificates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "send_certificates_org_number_idx" ON "send_certificates" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "send_certificates_case_idx" ON "send_certificates" USING btree ("org_id","case_id");