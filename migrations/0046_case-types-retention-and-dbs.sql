-- Hand-written. Case types a service adds are first-class in its retention schedule and its volunteer policy.
-- A retention period is kept for one of the service's own case types: a same-service key (see 0017 and 0036) ties each
-- schedule to its type. The schedules saved so far (for the four built-in types every service has) are kept as they are.
ALTER TABLE retention_schedules ADD CONSTRAINT retention_schedules_case_type_same_service_fk FOREIGN KEY (org_id, case_type) REFERENCES case_types (org_id, code) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
-- The volunteer policy's "case types that need a current DBS check" now goes by the case's type rather than its kind:
-- each type a service has already added joins the list when its kind's built-in type is on it (the list as saved, or
-- the default of all four), so no case needs a DBS check less than it did.
WITH lists AS (
  SELECT o.id,
    CASE WHEN jsonb_typeof(o.settings -> 'volunteers' -> 'dbsRequiredFor') = 'array' THEN o.settings -> 'volunteers' -> 'dbsRequiredFor'
         ELSE '["community", "restorative_justice", "send", "social_care"]'::jsonb END AS list
  FROM organisations o
), added AS (
  SELECT l.id, l.list, jsonb_agg(t.code ORDER BY t.created_at, t.code) AS codes
  FROM lists l JOIN case_types t ON t.org_id = l.id
  WHERE t.name IS NOT NULL AND l.list @> jsonb_build_array(t.kind) AND NOT l.list @> jsonb_build_array(t.code)
  GROUP BY l.id, l.list
)
UPDATE organisations o
SET settings = jsonb_set(
  COALESCE(o.settings, '{}'::jsonb),
  '{volunteers}',
  (CASE WHEN jsonb_typeof(o.settings -> 'volunteers') = 'object' THEN o.settings -> 'volunteers' ELSE '{}'::jsonb END)
    || jsonb_build_object('dbsRequiredFor', a.list || a.codes))
FROM added a
WHERE a.id = o.id;
