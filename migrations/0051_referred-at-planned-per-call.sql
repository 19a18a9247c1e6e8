-- Hand-written. The trigger that keeps a case's referral arrival (0050) looks the referral up by its key. PL/pgSQL
-- keeps a statement's plan for the session, and an embedded database has one session for its life: a plan made
-- while the service's referrals fitted in a page reads the whole table, and kept reading it for every case as the
-- table grew (quadratic when many cases are made at once). Planned for each call, it always uses the key's index.
ALTER FUNCTION parley_case_referred_at() SET plan_cache_mode = force_custom_plan;
