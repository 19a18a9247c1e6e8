CREATE TABLE "check_in_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"check_in_id" uuid NOT NULL,
	"term_id" uuid,
	"answer" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"party_id" uuid,
	"source" text NOT NULL,
	"note" text,
	"request_id" uuid,
	"answered_at" timestamp with time zone NOT NULL,
	"recorded_by" text,
	CONSTRAINT "check_ins_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "feedback_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"case_type" text NOT NULL,
	"party_id" uuid,
	"source" text NOT NULL,
	"satisfaction" integer NOT NULL,
	"felt_heard" boolean NOT NULL,
	"would_recommend" boolean NOT NULL,
	"what_helped" text,
	"cope_before" integer,
	"cope_after" integer,
	"may_quote" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"recorded_by" text,
	CONSTRAINT "feedback_responses_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "follow_up_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"weeks" integer NOT NULL,
	"start_on" date NOT NULL,
	"due_on" date NOT NULL,
	"links_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follow_up_points_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "party_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"point_id" uuid,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "testimonials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"case_type" text NOT NULL,
	"original_text" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "closing_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "pathway" text DEFAULT 'mediation' NOT NULL;--> statement-breakpoint
ALTER TABLE "check_in_answers" ADD CONSTRAINT "check_in_answers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_points" ADD CONSTRAINT "follow_up_points_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_links" ADD CONSTRAINT "party_links_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonials" ADD CONSTRAINT "testimonials_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_answers_check_in_idx" ON "check_in_answers" USING btree ("check_in_id");--> statement-breakpoint
CREATE INDEX "check_ins_case_idx" ON "check_ins" USING btree ("case_id","answered_at");--> statement-breakpoint
CREATE INDEX "feedback_org_submitted_idx" ON "feedback_responses" USING btree ("org_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_points_case_seq_idx" ON "follow_up_points" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "party_links_token_idx" ON "party_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "party_links_case_idx" ON "party_links" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "testimonials_org_status_idx" ON "testimonials" USING btree ("org_id","status","created_at");