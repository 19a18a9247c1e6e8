CREATE TABLE "enquiry_appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"venue_id" uuid,
	"location_text" text,
	"video_link" text,
	"staff_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"cancel_reason" text,
	"ics_uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enquiry_appointments_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "can_send_letters" boolean;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "postal_address" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "posted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "posted_by" text;--> statement-breakpoint
ALTER TABLE "enquiry_appointments" ADD CONSTRAINT "enquiry_appointments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiry_appointments_org_starts_idx" ON "enquiry_appointments" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "enquiry_appointments_enquiry_idx" ON "enquiry_appointments" USING btree ("org_id","enquiry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enquiry_appointments_one_booked_idx" ON "enquiry_appointments" USING btree ("enquiry_id") WHERE status = 'booked';--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_org_id_id_key" UNIQUE("org_id","id");