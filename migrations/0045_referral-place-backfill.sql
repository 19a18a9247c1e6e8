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
