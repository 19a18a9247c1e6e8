DROP INDEX "parties_org_name_idx";--> statement-breakpoint
DROP INDEX "parties_org_surname_idx";--> statement-breakpoint
DROP INDEX "parties_org_phone_idx";--> statement-breakpoint
DROP INDEX "parties_org_postcode_idx";--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "case_opened_at" timestamp with time zone;--> statement-breakpoint
-- A party carries its case's opened_at, so a search can list the newest matching cases from the parties indexes
-- alone. A case's opened_at never changes; the trigger copies it when a party is added (or moved to another case),
-- as whoever adds the party, so row-level security shows it the case of its own service only.
CREATE OR REPLACE FUNCTION parley_party_case_opened_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.opened_at INTO NEW.case_opened_at FROM cases c WHERE c.id = NEW.case_id;
  RETURN NEW;
END $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_party_case_opened_at() TO parley_app;--> statement-breakpoint
CREATE TRIGGER parties_case_opened_at BEFORE INSERT OR UPDATE OF case_id, case_opened_at ON parties FOR EACH ROW EXECUTE FUNCTION parley_party_case_opened_at();--> statement-breakpoint
UPDATE "parties" p SET "case_opened_at" = c."opened_at" FROM "cases" c WHERE c."id" = p."case_id";--> statement-breakpoint
CREATE INDEX "parties_org_name_idx" ON "parties" USING btree ("org_id","name_norm" text_pattern_ops,"case_opened_at","case_id");--> statement-breakpoint
CREATE INDEX "parties_org_surname_idx" ON "parties" USING btree ("org_id","surname_norm" text_pattern_ops,"case_opened_at","case_id");--> statement-breakpoint
CREATE INDEX "parties_org_phone_idx" ON "parties" USING btree ("org_id","phone_norm","case_opened_at","case_id");--> statement-breakpoint
CREATE INDEX "parties_org_postcode_idx" ON "parties" USING btree ("org_id","postcode_norm" text_pattern_ops,"case_opened_at","case_id");