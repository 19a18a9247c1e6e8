-- The pairing rules read a facilitator's RJ practice checks (supervision, observed practice, CPD) from
-- training_records, so a change there raises the service's volunteer data version like the other tables they read.
CREATE TRIGGER training_records_bump_version AFTER INSERT OR UPDATE OR DELETE ON training_records FOR EACH ROW EXECUTE FUNCTION parley_bump_volunteer_version();
