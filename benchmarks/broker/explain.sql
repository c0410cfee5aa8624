-- EXPLAIN (ANALYZE, BUFFERS) of the statements the broker runs (schema V6 and later) for can-i-deploy (as MatrixRows writes them),
-- pacts-for-verification (as SelectionRows writes them) and publish (as Hibernate logs them, org.hibernate.SQL=debug), with the bind parameters of a typical request on the seeded data:
-- consumer-005 (id 5) asking to deploy a version that production's provider-105 has not verified, provider-105 (id 105)
-- fetching its pacts. Run: psql -v vpp=1000 -f explain.sql -d <seeded database>
\set ON_ERROR_STOP on
\pset pager off
SELECT (4 * :vpp + :vpp * 87 / 100) AS cv_id, (104 * :vpp + :vpp * 9 / 10) AS pv_id \gset
SELECT number AS cv_number FROM version WHERE id = :cv_id \gset
SELECT pact_content_id AS content_id FROM pact_publication WHERE consumer_version_id = :cv_id AND provider_id = 105 \gset

-- can-i-deploy: the statements of matrix/MatrixRows.java (plain SQL, one per kind of row for the whole answer; four for
-- this question since session 10), with the collections a "consumer-005 version to production" question binds.
\echo '--- 1. can-i-deploy: the pacticipant, its version by number with its branches and tags, and the environment, one statement (uq_pacticipant_name, uq_version_number, uq_environment_name, ix_branch_version_version, uq_tag)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.id, p.name, p.display_name, p.main_branch, p.repository_url, p.created_at, p.updated_at, v.id AS v_id, v.pacticipant_id AS v_pacticipant_id, v.number AS v_number, v.build_url AS v_build_url, v.created_at AS v_created_at, (SELECT ARRAY_AGG(b.name ORDER BY bv.id) FROM branch_version bv JOIN branch b ON b.id = bv.branch_id WHERE bv.version_id = v.id) AS v_branches, (SELECT ARRAY_AGG(t.name ORDER BY t.id) FROM tag t WHERE t.version_id = v.id) AS v_tags, (SELECT e.id FROM environment e WHERE e.name = 'production') AS e_id FROM pacticipant p LEFT JOIN version v ON v.pacticipant_id = p.id AND v.number = :'cv_number' WHERE p.name = 'consumer-005';

\echo '--- 2. can-i-deploy: the publications of the selected versions with their content sha and provider, and the integrations of the selected pacticipant as a provider with their consumer (uq_pact_publication, pact_content_pkey, pacticipant_pkey)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 0 AS kind, p.id, p.consumer_version_id, p.consumer_id, p.provider_id, p.pact_content_id, p.created_at, c.sha, q.id AS q_id, q.name AS q_name, q.display_name AS q_display_name, q.main_branch AS q_main_branch, q.repository_url AS q_repository_url, q.created_at AS q_created_at, q.updated_at AS q_updated_at FROM pact_publication p JOIN pact_content c ON c.id = p.pact_content_id JOIN pacticipant q ON q.id = p.provider_id WHERE p.consumer_version_id IN (:cv_id) UNION ALL SELECT 1 AS kind, i.id AS id, NULL AS consumer_version_id, i.consumer_id AS consumer_id, i.provider_id AS provider_id, NULL AS pact_content_id, NULL AS created_at, NULL AS sha, q.id AS q_id, q.name AS q_name, q.display_name AS q_display_name, q.main_branch AS q_main_branch, q.repository_url AS q_repository_url, q.created_at AS q_created_at, q.updated_at AS q_updated_at FROM integration i JOIN pacticipant q ON q.id = i.consumer_id WHERE i.provider_id IN (5) ORDER BY kind, consumer_version_id, provider_id, id;

\echo '--- 3. can-i-deploy: the versions of the counterparts currently deployed or released in production, with their branches and tags (ix_deployed_env_pacticipant, ix_released_env_pacticipant)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 0 AS kind, d.id AS rid, v.id AS v_id, v.pacticipant_id AS v_pacticipant_id, v.number AS v_number, v.build_url AS v_build_url, v.created_at AS v_created_at, (SELECT ARRAY_AGG(b.name ORDER BY bv.id) FROM branch_version bv JOIN branch b ON b.id = bv.branch_id WHERE bv.version_id = v.id) AS v_branches, (SELECT ARRAY_AGG(t.name ORDER BY t.id) FROM tag t WHERE t.version_id = v.id) AS v_tags FROM deployed_version d JOIN version v ON v.id = d.version_id WHERE d.environment_id = 3 AND d.pacticipant_id IN (105, 142) AND d.undeployed_at IS NULL UNION ALL SELECT 1 AS kind, rv.id AS rid, v.id AS v_id, v.pacticipant_id AS v_pacticipant_id, v.number AS v_number, v.build_url AS v_build_url, v.created_at AS v_created_at, (SELECT ARRAY_AGG(b.name ORDER BY bv.id) FROM branch_version bv JOIN branch b ON b.id = bv.branch_id WHERE bv.version_id = v.id) AS v_branches, (SELECT ARRAY_AGG(t.name ORDER BY t.id) FROM tag t WHERE t.version_id = v.id) AS v_tags FROM released_version rv JOIN version v ON v.id = rv.version_id WHERE rv.environment_id = 3 AND rv.pacticipant_id IN (105, 142) AND rv.support_ended_at IS NULL ORDER BY kind, rid;

\echo '--- 4. can-i-deploy: the latest verification of each (content, provider version) pair (ix_verification_content_provider_version), and for the same contents the "unknown" explanation: the 3 newest successful and failed latest results, and a branch-named verifying version (ix_verification_content_latest, ix_version_branch_named of V6)'
SELECT string_agg(DISTINCT pact_content_id::text, ',') AS contents FROM pact_publication WHERE consumer_version_id = :cv_id \gset
SELECT string_agg(DISTINCT version_id::text, ',') AS deployed FROM deployed_version WHERE environment_id = 3 AND pacticipant_id IN (105, 142) AND undeployed_at IS NULL \gset
SELECT min(pact_content_id) AS c_a, max(pact_content_id) AS c_b FROM pact_publication WHERE consumer_version_id = :cv_id \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 0 AS kind, r.id AS r_id, r.pact_content_id AS r_pact_content_id, r.provider_version_id AS r_provider_version_id, r.consumer_id AS r_consumer_id, r.provider_id AS r_provider_id, r.success AS r_success, r.wip AS r_wip, r.build_url AS r_build_url, r.test_results AS r_test_results, r.verified_by_implementation AS r_verified_by_implementation, r.verified_by_version AS r_verified_by_version, r.created_at AS r_created_at, NULL AS h_number FROM verification r WHERE r.id IN (SELECT MAX(x.id) FROM verification x WHERE x.pact_content_id IN (:c_a, :c_b) AND x.provider_version_id IN (:deployed) GROUP BY x.pact_content_id, x.provider_version_id) UNION ALL SELECT 1 + h.kind AS kind, NULL AS r_id, h.content_id AS r_pact_content_id, h.version_id AS r_provider_version_id, NULL AS r_consumer_id, NULL AS r_provider_id, h.ok AS r_success, NULL AS r_wip, NULL AS r_build_url, NULL AS r_test_results, NULL AS r_verified_by_implementation, NULL AS r_verified_by_version, NULL AS r_created_at, h.number AS h_number FROM (
SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM ((SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_a AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_a AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_b AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_b AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 1 AS kind, r.success AS ok, r.provider_version_id AS version_id FROM pact_content c JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE WHERE c.id IN (:c_a, :c_b) AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h JOIN version v ON v.id = h.version_id) h ORDER BY kind, r_pact_content_id, r_success DESC, r_provider_version_id DESC;

\echo '--- 5. can-i-deploy "unknown", a content whose hints were not read with its latest verifications (an answer with more than 25 contents): the explanation alone'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT h.content_id, h.kind, h.ok, h.number FROM (
SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM ((SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_a AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_a AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_b AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :c_b AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 1 AS kind, r.success AS ok, r.provider_version_id AS version_id FROM pact_content c JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE WHERE c.id IN (:c_a, :c_b) AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h JOIN version v ON v.id = h.version_id) h ORDER BY h.content_id, h.kind, h.ok DESC, h.version_id DESC;

\echo '--- 6. can-i-deploy: the branches and tags of versions read through the version service (a tag, branch or latest destination; ix_branch_version_version, uq_tag)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 0 AS kind, bv.version_id, bv.id AS rid, b.name FROM branch_version bv JOIN branch b ON b.id = bv.branch_id WHERE bv.version_id IN (:cv_id, :deployed) UNION ALL SELECT 1 AS kind, t.version_id, t.id AS rid, t.name FROM tag t WHERE t.version_id IN (:cv_id, :deployed) ORDER BY kind, version_id, rid;

-- pacts-for-verification: the statements of verificationselection/SelectionRows.java (plain SQL, one per kind of row for
-- the whole request), with what provider-105's request (mainBranch + deployedOrReleased, pending for branch main) binds.
SELECT min(consumer_id) AS c1, max(consumer_id) AS c2 FROM integration WHERE provider_id = 105 \gset
SELECT string_agg(id::text, ',') AS env_ids FROM environment \gset
SELECT string_agg(DISTINCT p.pact_content_id::text, ',') AS content_ids FROM deployed_version d
  JOIN pact_publication p ON p.consumer_version_id = d.version_id AND p.provider_id = 105 WHERE d.pacticipant_id IN (:c1, :c2) AND d.undeployed_at IS NULL \gset

\echo '--- 7. pacts-for-verification: the provider and its consumers; the environments'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 0 AS kind, 0 AS rid, p.id, p.name, p.display_name, p.main_branch, p.repository_url, p.created_at, p.updated_at FROM pacticipant p WHERE p.name = 'provider-105'
UNION ALL SELECT 1 AS kind, i.id AS rid, c.id, c.name, c.display_name, c.main_branch, c.repository_url, c.created_at, c.updated_at
FROM pacticipant p JOIN integration i ON i.provider_id = p.id JOIN pacticipant c ON c.id = i.consumer_id WHERE p.name = 'provider-105' ORDER BY kind, rid;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, name FROM environment ORDER BY name;

\echo '--- 7b. pacts-for-verification: the provider pacts of the consumers main branch heads (uq_branch_name, version_pkey, uq_pact_publication)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT b.pacticipant_id AS b_pacticipant_id, b.name AS b_name, p.id, p.consumer_version_id, p.consumer_id, p.provider_id, p.pact_content_id, p.created_at, c.sha,
  v.id AS v_id, v.pacticipant_id AS v_pacticipant_id, v.number AS v_number, v.build_url AS v_build_url, v.created_at AS v_created_at
FROM branch b JOIN pact_publication p ON p.consumer_version_id = b.head_version_id AND p.provider_id = 105
JOIN pact_content c ON c.id = p.pact_content_id JOIN version v ON v.id = b.head_version_id
WHERE b.pacticipant_id IN (:c1, :c2) AND b.name IN ('main');

\echo '--- 7c. pacts-for-verification: the consumers deployed and released versions with the provider pacts (ix_deployed_env_pacticipant, released_version)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT x.kind, x.rid, x.environment_id AS x_environment_id, p.id, p.consumer_version_id, p.consumer_id, p.provider_id, p.pact_content_id, p.created_at, c.sha,
  v.id AS v_id, v.pacticipant_id AS v_pacticipant_id, v.number AS v_number, v.build_url AS v_build_url, v.created_at AS v_created_at
FROM (SELECT 0 AS kind, d.id AS rid, d.environment_id, d.version_id FROM deployed_version d
      WHERE d.environment_id IN (:env_ids) AND d.pacticipant_id IN (:c1, :c2) AND d.undeployed_at IS NULL
      UNION ALL SELECT 1 AS kind, rv.id AS rid, rv.environment_id, rv.version_id FROM released_version rv
      WHERE rv.environment_id IN (:env_ids) AND rv.pacticipant_id IN (:c1, :c2) AND rv.support_ended_at IS NULL) x
JOIN pact_publication p ON p.consumer_version_id = x.version_id AND p.provider_id = 105
JOIN pact_content c ON c.id = p.pact_content_id JOIN version v ON v.id = x.version_id ORDER BY x.kind, x.rid;

\echo '--- 8. pacts-for-verification: pending = the selected contents with a successful verification by a provider version on the provider branch'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM pact_content c WHERE c.id IN (:content_ids) AND EXISTS (SELECT 1 FROM verification r
  JOIN branch_version bv ON bv.version_id = r.provider_version_id JOIN branch b ON b.id = bv.branch_id
  WHERE r.pact_content_id = c.id AND r.success = TRUE AND b.pacticipant_id = r.provider_id AND b.name = 'main');

\echo '--- 9. publish: is this content already stored (uq_pact_content)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select pc1_0.id from pact_content pc1_0 where pc1_0.consumer_id=5 and pc1_0.provider_id=105 and pc1_0.sha='0000000000000000000000000000000000000000000000000000000000000000';

\echo '--- 9b. publish: the consumer version by number, and its pact with the provider (uq_version_number, uq_pact_publication)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select v1_0.id from version v1_0 where v1_0.pacticipant_id=5 and v1_0.number='0000000000000000000000000000000000000000';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select pp1_0.id from pact_publication pp1_0 where pp1_0.consumer_version_id=:cv_id and pp1_0.provider_id=105;

\echo '--- 9c. publish: the branch by name, and the version on it (uq_branch_name, uq_branch_version)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select b1_0.id from branch b1_0 where b1_0.pacticipant_id=5 and b1_0.name='main';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select bv1_0.id from branch_version bv1_0 where bv1_0.branch_id=(select id from branch where pacticipant_id=5 and name='main') and bv1_0.version_id=:cv_id;

\echo '--- 10. latest pact of an integration (ix_publication_provider_consumer, backward scan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select pp1_0.id from pact_publication pp1_0 where pp1_0.provider_id=105 and pp1_0.consumer_id=5 order by pp1_0.consumer_version_id desc fetch first 1 rows only;

-- A long-lived content: the seed gives every content 50 verifications; a content unchanged for months is verified by every
-- provider build. 10,000 more verifications of one content (each of 1,000 provider-105 versions 10 times, the failing ones
-- first), with fresh statistics, then rolled back: pending (8, and as it was written before: every verification of the
-- contents made distinct) and the can-i-deploy explanation (5) on that content.
SELECT split_part(:'content_ids', ',', 1) AS long_id \gset
BEGIN;
INSERT INTO verification (pact_content_id, provider_version_id, consumer_id, provider_id, success, wip, created_at)
SELECT :long_id::bigint, 104 * :vpp + m, (SELECT consumer_id FROM pact_content WHERE id = :long_id::bigint), 105, k > 5, false, now()
FROM generate_series(greatest(:vpp - 999, 1), :vpp) m, generate_series(1, 10) k ORDER BY k;
-- as the broker does when it stores a later result of the same content and provider version (V6)
UPDATE verification r SET latest = FALSE WHERE r.pact_content_id = :long_id::bigint AND r.latest AND EXISTS (SELECT 1 FROM verification y
  WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id AND y.id > r.id);
ANALYZE verification;
\echo '--- 11. long-lived content: pending (8) as SelectionRows writes it'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM pact_content c WHERE c.id IN (:content_ids) AND EXISTS (SELECT 1 FROM verification r
  JOIN branch_version bv ON bv.version_id = r.provider_version_id JOIN branch b ON b.id = bv.branch_id
  WHERE r.pact_content_id = c.id AND r.success = TRUE AND b.pacticipant_id = r.provider_id AND b.name = 'main');
\echo '--- 11b. long-lived content: pending as it was written before (every verification of the contents, made distinct)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT DISTINCT r.pact_content_id FROM verification r WHERE r.pact_content_id IN (:content_ids) AND r.success = TRUE
AND EXISTS (SELECT 1 FROM branch_version bv JOIN branch b ON b.id = bv.branch_id WHERE bv.version_id = r.provider_version_id
  AND b.pacticipant_id = r.provider_id AND b.name = 'main');
\echo '--- 11c. long-lived content: the can-i-deploy "unknown" explanation (5) on it'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM ((SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL
(SELECT r.pact_content_id AS content_id, 1 AS kind, r.success AS ok, r.provider_version_id AS version_id FROM pact_content c JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE WHERE c.id IN (:long_id) AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h JOIN version v ON v.id = h.version_id ORDER BY h.content_id, h.kind, h.ok DESC, h.version_id DESC;
\echo '--- 11d. the same statement as the broker runs it (no per-node timing): psql \\timing, three runs'
\timing on
SELECT count(*) FROM (SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM ((SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL (SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL (SELECT r.pact_content_id AS content_id, 1 AS kind, r.success AS ok, r.provider_version_id AS version_id FROM pact_content c JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE WHERE c.id IN (:long_id) AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h JOIN version v ON v.id = h.version_id ORDER BY h.content_id, h.kind, h.ok DESC, h.version_id DESC) t;
SELECT count(*) FROM (SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM ((SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL (SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL (SELECT r.pact_content_id AS content_id, 1 AS kind, r.success AS ok, r.provider_version_id AS version_id FROM pact_content c JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE WHERE c.id IN (:long_id) AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h JOIN version v ON v.id = h.version_id ORDER BY h.content_id, h.kind, h.ok DESC, h.version_id DESC) t;
SELECT count(*) FROM (SELECT h.content_id, h.kind, h.ok, h.version_id, v.number FROM ((SELECT r.pact_content_id AS content_id, 0 AS kind, TRUE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = TRUE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL (SELECT r.pact_content_id AS content_id, 0 AS kind, FALSE AS ok, r.provider_version_id AS version_id FROM verification r WHERE r.pact_content_id = :long_id AND r.latest = TRUE AND r.success = FALSE AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) ORDER BY r.provider_version_id DESC FETCH FIRST 3 ROWS ONLY) UNION ALL (SELECT r.pact_content_id AS content_id, 1 AS kind, r.success AS ok, r.provider_version_id AS version_id FROM pact_content c JOIN version n ON n.pacticipant_id = c.provider_id AND n.branch_named = TRUE JOIN verification r ON r.pact_content_id = c.id AND r.provider_version_id = n.id AND r.latest = TRUE WHERE c.id IN (:long_id) AND r.id = (SELECT MAX(y.id) FROM verification y WHERE y.pact_content_id = r.pact_content_id AND y.provider_version_id = r.provider_version_id) AND (n.number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b WHERE b.pacticipant_id = r.provider_id AND b.name = n.number)))) h JOIN version v ON v.id = h.version_id ORDER BY h.content_id, h.kind, h.ok DESC, h.version_id DESC) t;
\timing off
ROLLBACK;
