-- Hand-written. Row-level security and grants for agreements (see 0001), the same-service keys of their references
-- (see 0017), and the evidence rule: a signature, once given or declined, is never changed.
ALTER TABLE agreements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON agreements USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON agreements TO parley_app;
--> statement-breakpoint
ALTER TABLE agreement_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON agreement_versions USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON agreement_versions TO parley_app;
--> statement-breakpoint
ALTER TABLE agreement_terms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON agreement_terms USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON agreement_terms TO parley_app;
--> statement-breakpoint
ALTER TABLE agreement_signers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON agreement_signers USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON agreement_signers TO parley_app;
--> statement-breakpoint
ALTER TABLE signing_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON signing_links USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON signing_links TO parley_app;
--> statement-breakpoint
ALTER TABLE signing_link_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON signing_link_events USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON signing_link_events TO parley_app;
--> statement-breakpoint
ALTER TABLE agreement_wording ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON agreement_wording USING (org_id = parley_current_org()) WITH CHECK (org_id = parley_current_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON agreement_wording TO parley_app;
--> statement-breakpoint
ALTER TABLE agreements ADD CONSTRAINT agreements_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_versions ADD CONSTRAINT agreement_versions_agreement_id_same_service_fk FOREIGN KEY (org_id, agreement_id) REFERENCES agreements (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_versions ADD CONSTRAINT agreement_versions_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_terms ADD CONSTRAINT agreement_terms_version_id_same_service_fk FOREIGN KEY (org_id, version_id) REFERENCES agreement_versions (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_signers ADD CONSTRAINT agreement_signers_version_id_same_service_fk FOREIGN KEY (org_id, version_id) REFERENCES agreement_versions (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_signers ADD CONSTRAINT agreement_signers_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_signers ADD CONSTRAINT agreement_signers_party_id_same_service_fk FOREIGN KEY (org_id, party_id) REFERENCES parties (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_signers ADD CONSTRAINT agreement_signers_user_id_same_service_fk FOREIGN KEY (org_id, user_id) REFERENCES memberships (org_id, user_id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE agreement_signers ADD CONSTRAINT agreement_signers_witness_user_id_same_service_fk FOREIGN KEY (org_id, witness_user_id) REFERENCES memberships (org_id, user_id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE signing_links ADD CONSTRAINT signing_links_signer_id_same_service_fk FOREIGN KEY (org_id, signer_id) REFERENCES agreement_signers (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE signing_links ADD CONSTRAINT signing_links_version_id_same_service_fk FOREIGN KEY (org_id, version_id) REFERENCES agreement_versions (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE signing_links ADD CONSTRAINT signing_links_case_id_same_service_fk FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
ALTER TABLE signing_link_events ADD CONSTRAINT signing_link_events_link_id_same_service_fk FOREIGN KEY (org_id, link_id) REFERENCES signing_links (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
--> statement-breakpoint
CREATE FUNCTION parley_signature_is_evidence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'A signature, once given or declined, is evidence and is never changed' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'agreement_signers_evidence', TABLE = 'agreement_signers';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER agreement_signers_evidence BEFORE UPDATE ON agreement_signers FOR EACH ROW EXECUTE FUNCTION parley_signature_is_evidence();
