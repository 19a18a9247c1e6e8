CREATE TABLE "postcode_loads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"filename" text NOT NULL,
	"names_filename" text,
	"release" text,
	"stored_path" text,
	"names_stored_path" text,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_loaded" integer,
	"rows_rejected" integer,
	"without_name" integer,
	"problem" text,
	"problem_detail" text,
	"requested_by" uuid,
	"requested_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "postcode_lookup_next" (
	"postcode" text PRIMARY KEY NOT NULL,
	"la_code" text NOT NULL,
	"la_name" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "instance_operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "postcode_loads_created_idx" ON "postcode_loads" USING btree ("created_at");