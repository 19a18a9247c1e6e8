-- Hand-written. A SEND duty is a term of the case's signed agreement: its term is always one of the same service's
-- agreement terms (see the same-service keys of 0001 and 0038).
ALTER TABLE send_duties ADD CONSTRAINT send_duties_term_id_same_service_fk FOREIGN KEY (org_id, term_id) REFERENCES agreement_terms (org_id, id) DEFERRABLE INITIALLY IMMEDIATE;
