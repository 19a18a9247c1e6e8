CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "email_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"outbox_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"message_id" text NOT NULL,
	"dedupe_key" text,
	"template" text NOT NULL,
	"to_address" text NOT NULL,
	"to_name" text,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"ics" text,
	"ics_method" text,
	"case_id" uuid,
	"meeting_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"smtp_response" text,
	"created_at" timestamp with time zone NOT NULL,
	"sending_since" timestamp with time zone,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"volunteer_id" uuid,
	"party_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"response" text DEFAULT 'needs_action' NOT NULL,
	"responded_at" timestamp with time zone,
	"attended" boolean,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"party_id" uuid,
	"requester_name" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"preferred_times" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"meeting_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"place" text,
	"venue_id" uuid,
	"room_id" uuid,
	"home_party_id" uuid,
	"location_text" text,
	"video_link" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"ics_uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"short_notice_agreed" boolean DEFAULT false NOT NULL,
	"notes" text,
	"cancel_reason" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record" jsonb,
	"request_id" uuid,
	"reminder_sent_for" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shuttle_conveyances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"to_party_id" uuid NOT NULL,
	"conveyed" text NOT NULL,
	"conveyed_at" timestamp with time zone NOT NULL,
	"conveyed_by" text
);
--> statement-breakpoint
CREATE TABLE "shuttle_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"from_party_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"permission" text NOT NULL,
	"shareable_words" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text
);
--> statement-breakpoint
CREATE TABLE "venue_rooms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer DEFAULT 6 NOT NULL,
	"access_notes" text,
	"separate_waiting_room" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"postcode" text,
	"postcode_norm" text,
	"access_notes" text,
	"opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closed_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intake_records" ADD COLUMN "availability_windows" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shuttle_conveyances" ADD CONSTRAINT "shuttle_conveyances_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shuttle_statements" ADD CONSTRAINT "shuttle_statements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_rooms" ADD CONSTRAINT "venue_rooms_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_idx" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_volunteer_idx" ON "calendar_feeds" USING btree ("org_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "email_deliveries_outbox_idx" ON "email_deliveries" USING btree ("outbox_id","at");--> statement-breakpoint
CREATE INDEX "email_outbox_org_created_idx" ON "email_outbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_dedupe_idx" ON "email_outbox" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "email_outbox_meeting_idx" ON "email_outbox" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_meeting_idx" ON "meeting_participants" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_volunteer_idx" ON "meeting_participants" USING btree ("org_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_party_idx" ON "meeting_participants" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "meeting_requests_org_status_idx" ON "meeting_requests" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "meeting_requests_case_idx" ON "meeting_requests" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meetings_org_starts_idx" ON "meetings" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_case_starts_idx" ON "meetings" USING btree ("case_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_room_starts_idx" ON "meetings" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_ics_uid_idx" ON "meetings" USING btree ("ics_uid");--> statement-breakpoint
CREATE INDEX "shuttle_conveyances_statement_idx" ON "shuttle_conveyances" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "shuttle_conveyances_case_idx" ON "shuttle_conveyances" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "shuttle_statements_case_idx" ON "shuttle_statements" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "shuttle_statements_meeting_idx" ON "shuttle_statements" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "venue_rooms_venue_idx" ON "venue_rooms" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "venues_org_name_idx" ON "venues" USING btree ("org_id","name");