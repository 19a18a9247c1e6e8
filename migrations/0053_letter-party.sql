-- A letter to post knows the person on the case it is for, so an address added on the People tab after the letter
-- was written reaches it (until then it cannot be marked as posted). Generated, then the same-service key added by
-- hand (as 0017's): a person removed from a case leaves the letter, no longer linked to them.
ALTER TABLE "email_outbox" ADD COLUMN "party_id" uuid;--> statement-breakpoint
CREATE INDEX "email_outbox_party_idx" ON "email_outbox" USING btree ("org_id","party_id") WHERE "email_outbox"."party_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_party_id_same_service_fk" FOREIGN KEY ("org_id", "party_id")
  REFERENCES "parties" ("org_id", "id") ON DELETE SET NULL ("party_id") DEFERRABLE INITIALLY IMMEDIATE;--> statement-breakpoint
-- Letters already written: linked to the one person on their case with the name they were written to, if just one.
UPDATE "email_outbox" o SET "party_id" = p."id"
FROM "parties" p
WHERE o."channel" = 'post' AND o."party_id" IS NULL AND o."case_id" IS NOT NULL
  AND p."org_id" = o."org_id" AND p."case_id" = o."case_id" AND lower(trim(p."name")) = lower(trim(o."to_name"))
  AND (SELECT count(*) FROM "parties" q
       WHERE q."org_id" = o."org_id" AND q."case_id" = o."case_id" AND lower(trim(q."name")) = lower(trim(o."to_name"))) = 1;
