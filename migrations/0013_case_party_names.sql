ALTER TABLE "cases" ADD COLUMN "party_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- A case carries the names of its first four parties, in the order they were added, so the case list reads one row
-- per case instead of looking up each case's parties. The triggers below keep them whenever parties are added,
-- renamed, moved to another case or removed, once per statement, as whoever changes the parties: row-level security
-- lets them see and change cases of their own service only.
CREATE OR REPLACE FUNCTION parley_case_party_names(case_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE cases c
  SET party_names = n.names
  FROM (
    SELECT c2.id, ARRAY(SELECT p.name FROM parties p WHERE p.case_id = c2.id ORDER BY p.created_at, p.name LIMIT 4) AS names
    FROM cases c2 WHERE c2.id = ANY(case_ids)
  ) n
  WHERE c.id = n.id AND c.party_names IS DISTINCT FROM n.names
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION parley_parties_added_or_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_case_party_names(ARRAY(SELECT DISTINCT case_id FROM changed_parties));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION parley_parties_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM parley_case_party_names(ARRAY(
    SELECT n.case_id FROM new_parties n JOIN old_parties o ON o.id = n.id
    WHERE n.name IS DISTINCT FROM o.name OR n.case_id IS DISTINCT FROM o.case_id OR n.created_at IS DISTINCT FROM o.created_at
    UNION
    SELECT o.case_id FROM new_parties n JOIN old_parties o ON o.id = n.id WHERE n.case_id IS DISTINCT FROM o.case_id
  ));
  RETURN NULL;
END $$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_case_party_names(uuid[]) TO parley_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_parties_added_or_removed() TO parley_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_parties_changed() TO parley_app;--> statement-breakpoint
CREATE TRIGGER parties_added_case_names AFTER INSERT ON parties REFERENCING NEW TABLE AS changed_parties FOR EACH STATEMENT EXECUTE FUNCTION parley_parties_added_or_removed();--> statement-breakpoint
CREATE TRIGGER parties_removed_case_names AFTER DELETE ON parties REFERENCING OLD TABLE AS changed_parties FOR EACH STATEMENT EXECUTE FUNCTION parley_parties_added_or_removed();--> statement-breakpoint
CREATE TRIGGER parties_changed_case_names AFTER UPDATE ON parties REFERENCING OLD TABLE AS old_parties NEW TABLE AS new_parties FOR EACH STATEMENT EXECUTE FUNCTION parley_parties_changed();--> statement-breakpoint
UPDATE "cases" c SET "party_names" = ARRAY(SELECT p."name" FROM "parties" p WHERE p."case_id" = c."id" ORDER BY p."created_at", p."name" LIMIT 4);
