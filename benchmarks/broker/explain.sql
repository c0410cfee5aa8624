-- EXPLAIN (ANALYZE, BUFFERS) of the statements the broker runs for can-i-deploy, pacts-for-verification and publish,
-- as Hibernate logs them (org.hibernate.SQL=debug), with the bind parameters of a typical request on the seeded data:
-- consumer-005 (id 5) asking to deploy a version that production's provider-105 has not verified, provider-105 (id 105)
-- fetching its pacts. Run: psql -v vpp=1000 -f explain.sql -d <seeded database>
\set ON_ERROR_STOP on
\pset pager off
SELECT (4 * :vpp + :vpp * 87 / 100) AS cv_id, (104 * :vpp + :vpp * 9 / 10) AS pv_id \gset
SELECT number AS cv_number FROM version WHERE id = :cv_id \gset
SELECT pact_content_id AS content_id FROM pact_publication WHERE consumer_version_id = :cv_id AND provider_id = 105 \gset

\echo '--- 1. can-i-deploy: the consumer version by number (uq_version_number)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select v1_0.id,v1_0.build_url,v1_0.created_at,v1_0.number,v1_0.pacticipant_id from version v1_0 where v1_0.pacticipant_id=5 and v1_0.number=:'cv_number';

\echo '--- 2. can-i-deploy: its publications (uq_pact_publication)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select pp1_0.id,pp1_0.consumer_id,pp1_0.consumer_version_id,pp1_0.created_at,pp1_0.pact_content_id,pp1_0.provider_id from pact_publication pp1_0 where pp1_0.consumer_version_id=:cv_id;

\echo '--- 3. can-i-deploy: the provider versions currently deployed in production (ix_deployed_env_pacticipant)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select dv1_0.id,dv1_0.application_instance,dv1_0.created_at,dv1_0.current_key,dv1_0.environment_id,dv1_0.pacticipant_id,dv1_0.undeployed_at,dv1_0.uuid,dv1_0.version_id from deployed_version dv1_0 where dv1_0.environment_id=3 and dv1_0.pacticipant_id=105 and dv1_0.undeployed_at is null order by dv1_0.id;

\echo '--- 4. can-i-deploy: the latest verification of the content by that provider version (ix_verification_content_provider_version)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select v1_0.id,v1_0.build_url,v1_0.consumer_id,v1_0.created_at,v1_0.pact_content_id,v1_0.provider_id,v1_0.provider_version_id,v1_0.success,v1_0.test_results,v1_0.verified_by_implementation,v1_0.verified_by_version,v1_0.wip from verification v1_0 where v1_0.pact_content_id=:content_id and v1_0.provider_version_id=:pv_id order by v1_0.id desc fetch first 1 rows only;

\echo '--- 5. can-i-deploy "unknown": which provider versions did verify this content (the explanation)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select v2_0.number from verification v1_0 join version v2_0 on v2_0.id=v1_0.provider_version_id where v1_0.pact_content_id=:content_id group by v2_0.id,v2_0.number order by v2_0.id desc fetch first 3 rows only;

\echo '--- 6. can-i-deploy "unknown": was it verified under a branch name instead of a SHA'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select v2_0.number from verification v1_0 join version v2_0 on v2_0.id=v1_0.provider_version_id where v1_0.pact_content_id=:content_id and v2_0.number in ('main','master','develop','feat-1','feat-2') group by v2_0.id,v2_0.number order by v2_0.id desc fetch first 1 rows only;

\echo '--- 7. pacts-for-verification: the consumer main branch head (uq_branch_name), then its pact with the provider'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select b1_0.id,b1_0.created_at,b1_0.head_version_id,b1_0.name,b1_0.pacticipant_id,b1_0.updated_at from branch b1_0 where b1_0.pacticipant_id=5 and b1_0.name='main';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select pp1_0.id,pp1_0.consumer_id,pp1_0.consumer_version_id,pp1_0.created_at,pp1_0.pact_content_id,pp1_0.provider_id from pact_publication pp1_0 where pp1_0.consumer_version_id=:cv_id and pp1_0.provider_id=105;

\echo '--- 8. pacts-for-verification: pending = no successful verification by a provider version on the provider branch'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select case when count(v1_0.id)>0 then true else false end from verification v1_0 where v1_0.pact_content_id=:content_id and v1_0.success=true and (true=true or v1_0.wip=false) and exists(select bv1_0.id from branch_version bv1_0 join branch b1_0 on b1_0.id=bv1_0.branch_id where bv1_0.version_id=v1_0.provider_version_id and b1_0.pacticipant_id=v1_0.provider_id and b1_0.name='main');

\echo '--- 9. publish: is this content already stored (uq_pact_content)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select pc1_0.id from pact_content pc1_0 where pc1_0.consumer_id=5 and pc1_0.provider_id=105 and pc1_0.sha='0000000000000000000000000000000000000000000000000000000000000000';

\echo '--- 10. latest pact of an integration (ix_publication_provider_consumer, backward scan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
select pp1_0.id from pact_publication pp1_0 where pp1_0.provider_id=105 and pp1_0.consumer_id=5 order by pp1_0.consumer_version_id desc fetch first 1 rows only;
