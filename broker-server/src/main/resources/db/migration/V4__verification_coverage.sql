-- What a verification covered, as the verifier published it (Accord's optional "coverage" object: counts, provider
-- states, endpoints); null for results from other verifiers. Runs unchanged on PostgreSQL and H2, like V1 to V3.
ALTER TABLE verification ADD COLUMN coverage ${long_text};
