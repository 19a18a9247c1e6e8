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
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_requests_org_due_idx" ON "data_requests" USING btree ("org_id","status","due_on");--> statement-breakpoint
ALTER TABLE data_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON data_requests USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON data_requests TO parley_app;
