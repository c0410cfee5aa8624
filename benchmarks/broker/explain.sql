-- EXPLAIN of the queries can-i-deploy and pacts-for-verification run, with values from the seeded data.
-- Usage: psql -d <seeded db> -f explain.sql
SELECT (SELECT id FROM pacticipant WHERE name = 'svc-042') AS c,
       (SELECT id FROM pacticipant WHERE name = 'svc-142') AS p,
       (SELECT max(v.id) FROM version v JOIN pact_publication pp ON pp.consumer_version_id = v.id
         WHERE v.pacticipant_id = (SELECT id FROM pacticipant WHERE name = 'svc-042')) AS cv,
       (SELECT id FROM environment WHERE name = 'production') AS env \gset
SELECT pact_content_id AS content FROM pact_publication WHERE consumer_version_id = :cv LIMIT 1 \gset
SELECT version_id AS pv FROM deployed_version WHERE pacticipant_id = :p AND undeployed_at IS NULL LIMIT 1 \gset

\echo '--- can-i-deploy: the pacts a consumer version published'
EXPLAIN ANALYZE SELECT * FROM pact_publication WHERE consumer_version_id = :cv;
\echo '--- can-i-deploy: versions of the provider currently deployed in the environment'
EXPLAIN ANALYZE SELECT * FROM deployed_version WHERE environment_id = :env AND pacticipant_id = :p AND undeployed_at IS NULL ORDER BY id;
\echo '--- can-i-deploy: latest verification of that content by that provider version'
EXPLAIN ANALYZE SELECT * FROM verification
 WHERE pact_content_id = :content AND provider_version_id = :pv
 ORDER BY id DESC LIMIT 1;
\echo '--- version by number'
EXPLAIN ANALYZE SELECT * FROM version WHERE pacticipant_id = :c AND number = md5('svc-042-990');
\echo '--- provider side: integrations, then the consumer version pact with this provider'
EXPLAIN ANALYZE SELECT * FROM integration WHERE provider_id = :p;
EXPLAIN ANALYZE SELECT * FROM pact_publication WHERE consumer_version_id = :cv AND provider_id = :p;
\echo '--- pacts-for-verification: branch head, pending (successful verifications of a content), branch names of a version'
EXPLAIN ANALYZE SELECT * FROM branch WHERE pacticipant_id = :c AND name = 'main';
EXPLAIN ANALYZE SELECT * FROM verification WHERE pact_content_id = :content AND success;
EXPLAIN ANALYZE SELECT b.name FROM branch_version bv JOIN branch b ON b.id = bv.branch_id WHERE bv.version_id = :cv ORDER BY bv.id;
\echo '--- latest pact per consumer of a provider (provider pact collections)'
EXPLAIN ANALYZE SELECT p.* FROM pact_publication p WHERE p.provider_id = :p AND p.consumer_version_id =
  (SELECT max(q.consumer_version_id) FROM pact_publication q WHERE q.provider_id = :p AND q.consumer_id = p.consumer_id);
