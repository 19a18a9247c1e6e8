ALTER TABLE "rj_cases" ADD COLUMN "court" text;--> statement-breakpoint
ALTER TABLE "rj_cases" ADD COLUMN "sentence_deferred_to" date;--> statement-breakpoint
ALTER TABLE "rj_cases" ADD COLUMN "court_report_sent_on" date;