-- Seeds a broker database (schema from broker-server's Flyway migration) with a large history, set-based:
-- 200 pacticipants, 200,000 versions, 200,000 branch memberships, 100,000 pact publications over 50,000
-- distinct contents, 500,000 verifications, deployments of every pacticipant to two environments.
-- Usage: psql -v ON_ERROR_STOP=1 -d <db> -f seed.sql   (after the broker has started once on <db>)
\timing on
BEGIN;
INSERT INTO environment (uuid, name, display_name, production, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-00000000000a', 'production', 'Production', true, now(), now()),
       ('00000000-0000-0000-0000-00000000000b', 'test', 'Test', false, now(), now());

-- svc-001..svc-100 are consumers, svc-101..svc-200 providers.
INSERT INTO pacticipant (name, main_branch, created_at, updated_at)
SELECT 'svc-' || lpad(i::text, 3, '0'), 'main', now(), now() FROM generate_series(1, 200) i;

-- 1,000 versions each, numbered like git SHAs, in creation order.
INSERT INTO version (pacticipant_id, number, created_at)
SELECT p.id, md5(p.name || '-' || g), now() - (1000 - g) * interval '1 minute'
FROM pacticipant p CROSS JOIN generate_series(1, 1000) g ORDER BY p.id, g;

INSERT INTO branch (pacticipant_id, name, created_at, updated_at) SELECT id, 'main', now(), now() FROM pacticipant;
INSERT INTO branch_version (branch_id, version_id, created_at)
SELECT b.id, v.id, v.created_at FROM branch b JOIN version v ON v.pacticipant_id = b.pacticipant_id ORDER BY v.id;
UPDATE branch b SET head_version_id = (SELECT max(v.id) FROM version v WHERE v.pacticipant_id = b.pacticipant_id);

-- Each consumer i talks to providers 100+i and 100+(i mod 100)+1: 200 integrations.
CREATE TEMP TABLE seed_integration AS
SELECT c.id AS consumer_id, p.id AS provider_id, row_number() OVER () AS n
FROM pacticipant c
JOIN generate_series(0, 1) k ON true
JOIN pacticipant p ON p.name = 'svc-' || lpad((100 + ((substr(c.name, 5)::int - 1 + k) % 100) + 1)::text, 3, '0')
WHERE substr(c.name, 5)::int <= 100;
INSERT INTO integration (consumer_id, provider_id, created_at) SELECT consumer_id, provider_id, now() FROM seed_integration;

-- 250 distinct contents per integration (content changes every second published version): 50,000 rows.
INSERT INTO pact_content (consumer_id, provider_id, sha, content, created_at)
SELECT i.consumer_id, i.provider_id, md5(i.n || '/' || g) || md5(g || '/' || i.n),
       '{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"description":"call ' || g || '","request":{"method":"GET","path":"/x"},"response":{"status":200}}],"metadata":{"pactSpecification":{"version":"3.0.0"}}}',
       now()
FROM seed_integration i CROSS JOIN generate_series(1, 250) g;

-- Every second consumer version (500 per consumer) publishes to both its providers: 100,000 publications.
CREATE TEMP TABLE seed_cv AS
SELECT v.id AS version_id, v.pacticipant_id, row_number() OVER (PARTITION BY v.pacticipant_id ORDER BY v.id) AS k
FROM version v JOIN pacticipant c ON c.id = v.pacticipant_id WHERE substr(c.name, 5)::int <= 100;
INSERT INTO pact_publication (consumer_version_id, consumer_id, provider_id, pact_content_id, created_at)
SELECT cv.version_id, i.consumer_id, i.provider_id, pc.id, now()
FROM seed_cv cv
JOIN seed_integration i ON i.consumer_id = cv.pacticipant_id
JOIN pact_content pc ON pc.consumer_id = i.consumer_id AND pc.provider_id = i.provider_id
  AND pc.sha = md5(i.n || '/' || ((cv.k - 2) / 4 + 1)) || md5(((cv.k - 2) / 4 + 1) || '/' || i.n)
WHERE cv.k % 2 = 0;

-- 10 verifications per content by the provider's versions: 500,000 rows, 1 in 10 failed.
CREATE TEMP TABLE seed_pv AS
SELECT v.id AS version_id, v.pacticipant_id, row_number() OVER (PARTITION BY v.pacticipant_id ORDER BY v.id) AS k
FROM version v JOIN pacticipant p ON p.id = v.pacticipant_id WHERE substr(p.name, 5)::int > 100;
CREATE INDEX ON seed_pv (pacticipant_id, k);
INSERT INTO verification (pact_content_id, provider_version_id, consumer_id, provider_id, success, wip, created_at)
SELECT pc.id, pv.version_id, pc.consumer_id, pc.provider_id, (pc.id + g) % 10 <> 0, false, now()
FROM pact_content pc
CROSS JOIN generate_series(0, 9) g
JOIN seed_pv pv ON pv.pacticipant_id = pc.provider_id AND pv.k = ((pc.id * 7 + g * 97) % 1000) + 1;

-- Every pacticipant has its version #990 deployed to production and its latest to test.
INSERT INTO deployed_version (uuid, version_id, pacticipant_id, environment_id, current_key, created_at)
SELECT md5('prod' || v.id), v.id, v.pacticipant_id, e.id, v.pacticipant_id || ':' || e.id || ':', now()
FROM (SELECT id, pacticipant_id, row_number() OVER (PARTITION BY pacticipant_id ORDER BY id) k FROM version) v
JOIN environment e ON e.name = 'production' WHERE v.k = 990;
INSERT INTO deployed_version (uuid, version_id, pacticipant_id, environment_id, current_key, created_at)
SELECT md5('test' || v.id), v.id, v.pacticipant_id, e.id, v.pacticipant_id || ':' || e.id || ':', now()
FROM (SELECT id, pacticipant_id, row_number() OVER (PARTITION BY pacticipant_id ORDER BY id) k FROM version) v
JOIN environment e ON e.name = 'test' WHERE v.k = 1000;
COMMIT;
ANALYZE;
SELECT (SELECT count(*) FROM pacticipant) pacticipants, (SELECT count(*) FROM version) versions,
       (SELECT count(*) FROM pact_publication) publications, (SELECT count(*) FROM pact_content) contents,
       (SELECT count(*) FROM verification) verifications;
