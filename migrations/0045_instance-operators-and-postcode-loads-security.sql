-- Hand-written. The next postcode lookup (0044) swaps names with the lookup when a load finishes
-- (features/postcodes/postcodes.repo.ts), so it carries everything the lookup does: the application role reads it
-- (0004) and a change to it raises every service's pairing version (0009). A load of the next lookup raises them too;
-- that only makes the pairing view read again.
GRANT SELECT ON postcode_lookup_next TO parley_app;
--> statement-breakpoint
CREATE TRIGGER postcode_lookup_bump_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON postcode_lookup_next FOR EACH STATEMENT EXECUTE FUNCTION parley_bump_all_volunteer_versions();
--> statement-breakpoint
-- Loads of the postcode file belong to no service: only the owner role (the CLI, the worker, instance pages through
-- asSystem) reads and writes them, so the application role gets no grant.
ALTER TABLE postcode_loads ENABLE ROW LEVEL SECURITY;
