CREATE TABLE "send_duties" (
	"term_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"what" text NOT NULL,
	"due_on" date,
	"met_on" date,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "send_duties_org_id_term_id_key" UNIQUE("org_id","term_id")
);
--> statement-breakpoint
ALTER TABLE "send_cases" ADD COLUMN "route" text DEFAULT 'mediation' NOT NULL;--> statement-breakpoint
ALTER TABLE "send_cases" ADD COLUMN "every_party_agreed" boolean;--> statement-breakpoint
ALTER TABLE "send_cases" ADD COLUMN "attendees" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "send_cases" ADD COLUMN "delay_reason" text;--> statement-breakpoint
ALTER TABLE "send_cases" ADD COLUMN "appeal_made" boolean;--> statement-breakpoint
ALTER TABLE "send_duties" ADD CONSTRAINT "send_duties_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "send_duties_case_idx" ON "send_duties" USING btree ("org_id","case_id");--> statement-breakpoint
CREATE INDEX "cases_org_kind_status_changed_idx" ON "cases" USING btree ("org_id","case_kind","status_changed_at");--> statement-breakpoint
CREATE INDEX "send_cases_org_updated_idx" ON "send_cases" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "send_certificates_org_superseded_idx" ON "send_certificates" USING btree ("org_id","superseded_at");