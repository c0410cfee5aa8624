-- Seeds an Accord broker database (schema created by the broker's Flyway migrations) with a large,
-- realistic history, using set-based SQL only. Run with: psql -v vpp=1000 -f seed.sql
--   vpp = versions per pacticipant (1000 gives the full size below; 100 gives 1/10 for development).
-- Full size (vpp=1000): 200 pacticipants, 200,000 versions, 100,000 pact publications sharing 10,000
-- contents, 500,000 verifications, 3 environments with 12,600 deployments, release records, tags.
--
-- Shape (all ids explicit, so the load driver can compute names and numbers without asking the broker):
--   pacticipants 1..100 are consumers "consumer-001".., 101..200 are providers "provider-101"..
--   version id = (pacticipant-1)*vpp + n, n = 1..vpp; number = 40 hex chars derived from md5(p:n)
--   branches: every 5th version on a feature branch feat-k (vpp/20 of them), the rest on main
--   consumer c publishes, from version vpp/2+1 on, a pact with provider 100+c and with 101+(c+36)%100;
--   the content changes every 10 versions (so 10 publications share each content hash)
--   each content is verified by the 50 provider versions around the time it was published; ~4% fail
--   environments test/staging/production: every pacticipant has a current deployment in each
--   (latest, vpp*0.95, vpp*0.9) plus 20 undeployed past production deployments; 20 consumers have
--   releases in production (one with support ended)
\set ON_ERROR_STOP on
\timing on
SET synchronous_commit = off;
SET client_min_messages = warning;
-- The rows are consistent by construction: a superuser skips the foreign-key triggers (a check per row of the 2,500,000
-- verifications of --scale 1m); another role keeps them, and the seed is only slower.
DO $$ BEGIN PERFORM set_config('session_replication_role', 'replica', false);
EXCEPTION WHEN insufficient_privilege THEN RAISE WARNING 'foreign keys checked while seeding (not a superuser)'; END $$;

BEGIN;
TRUNCATE pacticipant, version, branch, branch_version, tag, pact_content, pact_publication, verification,
  integration, environment, deployed_version, released_version RESTART IDENTITY CASCADE;

CREATE TEMP TABLE params AS SELECT :vpp::int AS v, greatest(:vpp / 20, 1)::int AS nb, greatest(:vpp / 20, 1)::int AS nf,
  timestamp '2026-11-21 00:00:00' AS t0;

INSERT INTO pacticipant (id, name, display_name, main_branch, repository_url, created_at, updated_at)
SELECT p, CASE WHEN p <= 100 THEN 'consumer-' ELSE 'provider-' END || lpad(p::text, 3, '0'),
       CASE WHEN p <= 100 THEN 'Consumer ' ELSE 'Provider ' END || p, 'main',
       'https://git.example.com/team/' || p, t0 - interval '400 days', t0 - interval '400 days'
FROM generate_series(1, 200) p, params;

INSERT INTO version (id, pacticipant_id, number, build_url, created_at)
SELECT (p - 1) * v + n, p, md5(p || ':' || n) || substr(md5(n || ':' || p), 1, 8),
       'https://ci.example.com/build/' || p || '/' || n, t0 - (v - n) * interval '1 hour' + p * interval '1 second'
FROM params, generate_series(1, 200) p, generate_series(1, v) n;

-- branch ids: main = (p-1)*(nf+1)+1, feat-k = (p-1)*(nf+1)+2+k (k = 0..nf-1)
INSERT INTO branch (id, pacticipant_id, name, head_version_id, created_at, updated_at)
SELECT (p - 1) * (nf + 1) + 1 + k, p, CASE WHEN k = 0 THEN 'main' ELSE 'feat-' || (k - 1) END, NULL,
       t0 - interval '400 days', t0
FROM params, generate_series(1, 200) p, generate_series(0, nf) k;

INSERT INTO branch_version (branch_id, version_id, created_at)
SELECT (p - 1) * (nf + 1) + 1 + CASE WHEN n % 5 = 0 THEN 1 + (n / 5) % nf ELSE 0 END, (p - 1) * v + n,
       t0 - (v - n) * interval '1 hour'
FROM params, generate_series(1, 200) p, generate_series(1, v) n
ORDER BY 2;

UPDATE branch b SET head_version_id = h.vid
FROM (SELECT branch_id, max(version_id) AS vid FROM branch_version GROUP BY branch_id) h
WHERE h.branch_id = b.id;

INSERT INTO tag (version_id, pacticipant_id, name, created_at)
SELECT (p - 1) * v + n, p, 'release-' || (n / 50), t0 - (v - n) * interval '1 hour'
FROM params, generate_series(1, 200) p, generate_series(50, v, 50) n;

INSERT INTO integration (consumer_id, provider_id, created_at)
SELECT c, CASE WHEN j = 0 THEN 100 + c ELSE 101 + (c + 36) % 100 END, t0 - interval '200 days'
FROM params, generate_series(1, 100) c, generate_series(0, 1) j;

-- content id = ((c-1)*2 + j)*nb + b + 1; ~3 KB of V3 pact JSON, different for every block b
INSERT INTO pact_content (id, consumer_id, provider_id, sha, content, created_at)
SELECT id, c, prov, encode(sha256(convert_to(doc, 'UTF8')), 'hex'), doc, t0 - (v - (v / 2 + 10 * b + 1)) * interval '1 hour'
FROM (
  SELECT ((c - 1) * 2 + j) * nb + b + 1 AS id, c, prov, b, v, t0,
         '{"consumer":{"name":"consumer-' || lpad(c::text, 3, '0') || '"},"provider":{"name":"provider-' || lpad(prov::text, 3, '0')
         || '"},"interactions":[' || (
           SELECT string_agg('{"description":"request ' || i || ' of block ' || b || '","providerState":"item ' || i || ' exists",'
             || '"request":{"method":"GET","path":"/items/' || i || '","headers":{"Accept":"application/json"}},'
             || '"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":{"id":' || i || ',"name":"item ' || i
             || '","price":' || (i * 10 + b) || ',"tags":["a","b"]},"matchingRules":{"body":{"$.id":{"matchers":[{"match":"integer"}]},'
             || '"$.name":{"matchers":[{"match":"type"}]}}}}}', ',')
           FROM generate_series(1, 6) i)
         || '],"metadata":{"pactSpecification":{"version":"3.0.0"}}}' AS doc
  FROM params, generate_series(1, 100) c, generate_series(0, 1) j,
       LATERAL (SELECT CASE WHEN j = 0 THEN 100 + c ELSE 101 + (c + 36) % 100 END AS prov) pr,
       generate_series(0, nb - 1) b
) s;

INSERT INTO pact_publication (consumer_version_id, consumer_id, provider_id, pact_content_id, created_at)
SELECT (c - 1) * v + n, c, CASE WHEN j = 0 THEN 100 + c ELSE 101 + (c + 36) % 100 END,
       ((c - 1) * 2 + j) * nb + least((n - v / 2 - 1) / 10, nb - 1) + 1, t0 - (v - n) * interval '1 hour'
FROM params, generate_series(1, 100) c, generate_series(0, 1) j, generate_series(v / 2 + 1, v) n
ORDER BY 1, 3;

-- Each content is verified by the 50 provider versions m in [v/2 + 10b - 39, v/2 + 10b + 10].
INSERT INTO verification (pact_content_id, provider_version_id, consumer_id, provider_id, success, wip, build_url, test_results,
                          verified_by_implementation, verified_by_version, created_at)
SELECT pc.id, (pc.provider_id - 1) * p.v + m, pc.consumer_id, pc.provider_id,
       (hashint4((pc.id * 7919 + m)::int) % 25) <> 0, false,
       'https://ci.example.com/verify/' || pc.provider_id || '/' || m, NULL, 'Pact-Rust', '1.4.7',
       p.t0 - (p.v - m) * interval '1 hour' + interval '30 minutes'
FROM params p, pact_content pc,
     LATERAL generate_series(greatest(p.v / 2 + 10 * ((pc.id - 1) % p.nb) - 39, 1),
                             least(p.v / 2 + 10 * ((pc.id - 1) % p.nb) + 10, p.v)) m
ORDER BY 2, 1;

INSERT INTO environment (id, uuid, name, display_name, production, contacts, created_at, updated_at)
VALUES (1, md5('env-test'), 'test', 'Test', false, NULL, now(), now()),
       (2, md5('env-staging'), 'staging', 'Staging', false, NULL, now(), now()),
       (3, md5('env-production'), 'production', 'Production', true, NULL, now(), now());

-- past production deployments (ended), then the current one per environment
INSERT INTO deployed_version (uuid, version_id, pacticipant_id, environment_id, application_instance, current_key, created_at, undeployed_at)
SELECT md5('dep:' || p || ':' || k), (p - 1) * v + greatest(v * 9 / 10 - 3 * k, 1), p, 3, NULL, NULL,
       t0 - (v - greatest(v * 9 / 10 - 3 * k, 1)) * interval '1 hour', t0 - (v - greatest(v * 9 / 10 - 3 * k + 3, 1)) * interval '1 hour'
FROM params, generate_series(1, 200) p, generate_series(20, 1, -1) k
ORDER BY k DESC, p;

INSERT INTO deployed_version (uuid, version_id, pacticipant_id, environment_id, application_instance, current_key, created_at, undeployed_at)
SELECT md5('cur:' || p || ':' || e), (p - 1) * v + CASE e WHEN 1 THEN v WHEN 2 THEN v * 95 / 100 ELSE v * 9 / 10 END, p, e, NULL,
       p || ':' || e || ':', t0, NULL
FROM params, generate_series(1, 200) p, generate_series(1, 3) e;

INSERT INTO released_version (uuid, version_id, pacticipant_id, environment_id, created_at, support_ended_at)
SELECT md5('rel:' || p || ':' || r), (p - 1) * v + v * r / 10, p, 3, t0 - interval '10 days', CASE WHEN r = 7 THEN t0 ELSE NULL END
FROM params, generate_series(1, 20) p, generate_series(7, 8) r;

-- identity sequences continue after the explicit ids
SELECT setval(pg_get_serial_sequence('pacticipant', 'id'), (SELECT max(id) FROM pacticipant));
SELECT setval(pg_get_serial_sequence('version', 'id'), (SELECT max(id) FROM version));
SELECT setval(pg_get_serial_sequence('branch', 'id'), (SELECT max(id) FROM branch));
SELECT setval(pg_get_serial_sequence('branch_version', 'id'), (SELECT max(id) FROM branch_version));
SELECT setval(pg_get_serial_sequence('tag', 'id'), (SELECT max(id) FROM tag));
SELECT setval(pg_get_serial_sequence('integration', 'id'), (SELECT max(id) FROM integration));
SELECT setval(pg_get_serial_sequence('pact_content', 'id'), (SELECT max(id) FROM pact_content));
SELECT setval(pg_get_serial_sequence('pact_publication', 'id'), (SELECT max(id) FROM pact_publication));
SELECT setval(pg_get_serial_sequence('verification', 'id'), (SELECT max(id) FROM verification));
SELECT setval(pg_get_serial_sequence('environment', 'id'), (SELECT max(id) FROM environment));
SELECT setval(pg_get_serial_sequence('deployed_version', 'id'), (SELECT max(id) FROM deployed_version));
SELECT setval(pg_get_serial_sequence('released_version', 'id'), (SELECT max(id) FROM released_version));
COMMIT;

VACUUM ANALYZE;

SELECT (SELECT count(*) FROM pacticipant) AS pacticipants, (SELECT count(*) FROM version) AS versions,
       (SELECT count(*) FROM pact_publication) AS publications, (SELECT count(*) FROM pact_content) AS contents,
       (SELECT count(*) FROM verification) AS verifications, (SELECT count(*) FROM deployed_version) AS deployments,
       (SELECT count(*) FROM tag) AS tags, (SELECT count(*) FROM branch) AS branches;
