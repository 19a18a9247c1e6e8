CREATE TABLE "rj_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"offence_category" text,
	"senior_decision" text,
	"senior_note" text,
	"senior_by" text,
	"senior_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rj_cases_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "rj_custody" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"establishment" text NOT NULL,
	"prison_number" text NOT NULL,
	"offender_manager_name" text NOT NULL,
	"offender_manager_contact" text NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rj_custody_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "rj_letter_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reviewer_id" text NOT NULL,
	"reviewer_label" text NOT NULL,
	"decision" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "rj_letter_reviews_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "rj_letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_party_id" uuid NOT NULL,
	"to_party_id" uuid NOT NULL,
	"form" text DEFAULT 'letter' NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"redactions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"passed_at" timestamp with time zone,
	"passed_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rj_letters_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "rj_policies" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rj_risk_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"areas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rating" text NOT NULL,
	"decision" text NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" text NOT NULL,
	"signed_off_at" timestamp with time zone,
	"signed_off_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rj_risk_assessments_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "rj_suitability" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"acknowledges_facts" boolean NOT NULL,
	"accepts_responsibility" boolean,
	"willing" boolean NOT NULL,
	"notes" text,
	"assessed_on" date NOT NULL,
	"assessed_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rj_suitability_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "rj_cases" ADD CONSTRAINT "rj_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rj_custody" ADD CONSTRAINT "rj_custody_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rj_letter_reviews" ADD CONSTRAINT "rj_letter_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rj_letters" ADD CONSTRAINT "rj_letters_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rj_policies" ADD CONSTRAINT "rj_policies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rj_risk_assessments" ADD CONSTRAINT "rj_risk_assessments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rj_suitability" ADD CONSTRAINT "rj_suitability_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rj_cases_case_idx" ON "rj_cases" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rj_custody_party_idx" ON "rj_custody" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "rj_letter_reviews_letter_idx" ON "rj_letter_reviews" USING btree ("letter_id","at");--> statement-breakpoint
CREATE INDEX "rj_letters_case_idx" ON "rj_letters" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rj_risk_assessments_version_idx" ON "rj_risk_assessments" USING btree ("party_id","version");--> statement-breakpoint
CREATE INDEX "rj_suitability_case_idx" ON "rj_suitability" USING btree ("case_id","party_id","created_at");