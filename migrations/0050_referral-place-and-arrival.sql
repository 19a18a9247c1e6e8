-- Hand-written. A referral's place (the referred person's postcode without its space, and its local authority) for
-- the reports' area and local-authority filters: from its case when it was accepted (the case took them from the same
-- person), else from the referral's people (the one referred, or the first) and the postcode lookup.
UPDATE referrals r SET postcode_norm = c.postcode_norm, local_authority = c.local_authority
FROM cases c
WHERE c.org_id = r.org_id AND c.id = r.case_id AND (c.postcode_norm IS NOT NULL OR c.local_authority IS NOT NULL);
--> statement-breakpoint
UPDATE referrals r SET postcode_norm = p.compact, local_authority = (SELECT l.la_name FROM postcode_lookup l WHERE l.postcode = p.compact)
FROM (
  SELECT r2.id, nullif(upper(regexp_replace(coalesce(
           (SELECT x->>'postcode' FROM jsonb_array_elements(r2.parties) x WHERE x->>'isReferredPerson' = 'true' LIMIT 1),
           r2.parties->0->>'postcode'), '\s', '', 'g')), '') AS compact
  FROM referrals r2
  WHERE r2.case_id IS NULL AND jsonb_typeof(r2.parties) = 'array'
) p
WHERE p.id = r.id AND p.compact IS NOT NULL AND p.compact ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$';
--> statement-breakpoint
-- When a case's referral arrived, kept on the case (cases.referred_at) so the timeliness report reads the cases it
-- counts and never every referral of the service: set from the referral whenever a case is made or its referral_id
-- changes, the same way 0036 keeps case_kind.
CREATE OR REPLACE FUNCTION parley_case_referred_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.referred_at := (SELECT r.created_at FROM referrals r WHERE r.org_id = NEW.org_id AND r.id = NEW.referral_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION parley_case_referred_at() TO parley_app;
--> statement-breakpoint
CREATE TRIGGER cases_referred_at BEFORE INSERT OR UPDATE OF referral_id, referred_at ON cases FOR EACH ROW EXECUTE FUNCTION parley_case_referred_at();
--> statement-breakpoint
UPDATE cases c SET referred_at = r.created_at FROM referrals r WHERE r.org_id = c.org_id AND r.id = c.referral_id;
