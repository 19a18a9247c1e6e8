CREATE TABLE "case_types" (
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text,
	"kind" text NOT NULL,
	"reference_prefix" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_types_org_id_code_pk" PRIMARY KEY("org_id","code"),
	CONSTRAINT "case_types_org_code_kind_key" UNIQUE("org_id","code","kind"),
	CONSTRAINT "case_types_kind_check" CHECK ("case_types"."kind" IN ('community', 'restorative_justice', 'send', 'social_care')),
	CONSTRAINT "case_types_code_check" CHECK ("case_types"."code" ~ '^[a-z][a-z0-9_-]{1,39}$')
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "case_kind" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "case_kind" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_types" ADD CONSTRAINT "case_types_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;