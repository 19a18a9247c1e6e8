ALTER TABLE "rj_cases" ADD COLUMN "first_contact_on" date;--> statement-breakpoint
ALTER TABLE "rj_cases" ADD COLUMN "enhanced_rights" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rj_cases" ADD COLUMN "information_given_on" date;--> statement-breakpoint
ALTER TABLE "rj_cases" ADD COLUMN "court" text;--> statement-breakpoint
ALTER TABLE "rj_cases" ADD COLUMN "sentence_deferred_to" date;--> statement-breakpoint
ALTER TABLE "rj_cases" ADD COLUMN "court_report_sent_on" date;