CREATE TABLE "agreement_signers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"party_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"method" text,
	"channel" text,
	"typed_name" text,
	"drawing" text,
	"decline_reason" text,
	"at" timestamp with time zone,
	"version_hash" text,
	"witness_user_id" uuid,
	"witness_name" text,
	"address_hash" text,
	"browser" text,
	"recorded_by" text,
	CONSTRAINT "agreement_signers_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"who" jsonb NOT NULL,
	"what" text NOT NULL,
	"due_kind" text NOT NULL,
	"due_on" date,
	"check_how" text NOT NULL,
	"appealable" boolean,
	CONSTRAINT "agreement_terms_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"statements" jsonb NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"canonical" text,
	"hash" text,
	"reference" text,
	"frozen_at" timestamp with time zone,
	"frozen_by" text,
	"signed_at" timestamp with time zone,
	"final_pdf" text,
	"final_pdf_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_versions_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_wording" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_type" text NOT NULL,
	"statements" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreements_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "signing_link_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"address_hash" text,
	"browser" text
);
--> statement-breakpoint
CREATE TABLE "signing_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"signer_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_to" text NOT NULL,
	"code_hash" text,
	"code_sent_at" timestamp with time zone,
	"confirmed_hash" text,
	"failed_codes" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signing_links_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "agreement_signers" ADD CONSTRAINT "agreement_signers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_terms" ADD CONSTRAINT "agreement_terms_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_wording" ADD CONSTRAINT "agreement_wording_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_link_events" ADD CONSTRAINT "signing_link_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_links" ADD CONSTRAINT "signing_links_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_signers_version_idx" ON "agreement_signers" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "agreement_terms_version_idx" ON "agreement_terms" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_number_idx" ON "agreement_versions" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_reference_idx" ON "agreement_versions" USING btree ("org_id","reference");--> statement-breakpoint
CREATE INDEX "agreement_versions_pdf_hash_idx" ON "agreement_versions" USING btree ("org_id","final_pdf_hash");--> statement-breakpoint
CREATE INDEX "agreement_versions_case_idx" ON "agreement_versions" USING btree ("org_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_wording_case_type_idx" ON "agreement_wording" USING btree ("org_id","case_type");--> statement-breakpoint
CREATE INDEX "agreements_case_idx" ON "agreements" USING btree ("org_id","case_id");--> statement-breakpoint
CREATE INDEX "signing_link_events_link_idx" ON "signing_link_events" USING btree ("link_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_links_token_idx" ON "signing_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signing_links_signer_idx" ON "signing_links" USING btree ("org_id","signer_id");