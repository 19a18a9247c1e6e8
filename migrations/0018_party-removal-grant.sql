-- A person entered on a case in error can be removed (a party with an intake record or meetings withdraws instead).
-- The tenant policy on parties already covers every command; the app role needs the DELETE privilege. The
-- parties_removed_case_names trigger (0013) keeps the case's party names.
GRANT DELETE ON parties TO parley_app;
