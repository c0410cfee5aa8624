-- Two flags that keep the can-i-deploy "unknown" explanation (matrix/MatrixRows.hints) bounded by the question instead
-- of reading every verification of a long-lived content. Both only narrow what the explanation reads: it rechecks the
-- exact condition on the few rows they let through. Runs unchanged on PostgreSQL and H2.

-- FALSE once a later result of the same (content, provider version) exists; the broker clears it when it stores the
-- later result and sets it again on the latest remaining one when a result is deleted.
ALTER TABLE verification ADD COLUMN latest BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE verification SET latest = FALSE WHERE EXISTS (SELECT 1 FROM verification y
  WHERE y.pact_content_id = verification.pact_content_id AND y.provider_version_id = verification.provider_version_id
  AND y.id > verification.id);
-- the newest latest successful (or failed) results of a content, in provider version order
CREATE INDEX ix_verification_content_latest ON verification (pact_content_id, latest, success, provider_version_id);

-- TRUE when the version number may be a branch name of its pacticipant (or main, master, develop): set when the version
-- or a branch with that name is created; left TRUE when the branch is deleted (the explanation rechecks).
ALTER TABLE version ADD COLUMN branch_named BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE version SET branch_named = TRUE WHERE number IN ('main', 'master', 'develop')
  OR EXISTS (SELECT 1 FROM branch b WHERE b.pacticipant_id = version.pacticipant_id AND b.name = version.number);
CREATE INDEX ix_version_branch_named ON version (pacticipant_id, branch_named);
