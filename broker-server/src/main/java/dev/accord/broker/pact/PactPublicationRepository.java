package dev.accord.broker.pact;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code pact_publication} table. Every write is a statement of its own, run when called. */
@Component
class PactPublicationRepository {
  private static final String SELECT =
      "SELECT " + PactPublication.COLUMNS + " FROM pact_publication p ";
  private final JdbcClient jdbc;

  PactPublicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PactPublication> findByConsumerVersionIdAndProviderId(
      Long consumerVersionId, Long providerId) {
    return jdbc.sql(SELECT + "WHERE consumer_version_id = ? AND provider_id = ?")
        .params(consumerVersionId, providerId)
        .query(PactPublication::row)
        .optional();
  }

  List<PactPublication> findByConsumerVersionId(Long consumerVersionId) {
    return jdbc.sql(SELECT + "WHERE consumer_version_id = ? ORDER BY id")
        .param(consumerVersionId)
        .query(PactPublication::row)
        .list();
  }

  List<PactPublication> findByProviderIdAndConsumerIdOrderByConsumerVersionIdDesc(
      Long providerId, Long consumerId) {
    return jdbc.sql(
            SELECT + "WHERE provider_id = ? AND consumer_id = ? ORDER BY consumer_version_id DESC")
        .params(providerId, consumerId)
        .query(PactPublication::row)
        .list();
  }

  Optional<PactPublication> findFirstByProviderIdAndConsumerIdOrderByConsumerVersionIdDesc(
      Long providerId, Long consumerId) {
    return jdbc.sql(
            SELECT
                + "WHERE provider_id = ? AND consumer_id = ? ORDER BY consumer_version_id DESC LIMIT 1")
        .params(providerId, consumerId)
        .query(PactPublication::row)
        .optional();
  }

  Optional<PactPublication> findFirstByPactContentIdOrderByConsumerVersionIdDesc(
      Long pactContentId) {
    return jdbc.sql(SELECT + "WHERE pact_content_id = ? ORDER BY consumer_version_id DESC LIMIT 1")
        .param(pactContentId)
        .query(PactPublication::row)
        .optional();
  }

  List<PactPublication> latestPerIntegration() {
    return jdbc.sql(
            SELECT
                + "WHERE p.consumer_version_id = (SELECT MAX(q.consumer_version_id) FROM pact_publication q "
                + "WHERE q.provider_id = p.provider_id AND q.consumer_id = p.consumer_id) "
                + "ORDER BY p.consumer_id, p.provider_id")
        .query(PactPublication::row)
        .list();
  }

  List<PactPublication> withConsumerTag(Long providerId, String tag) {
    return jdbc.sql(
            SELECT
                + "WHERE p.provider_id = ? AND p.consumer_version_id IN (SELECT t.version_id FROM tag t "
                + "WHERE t.pacticipant_id = p.consumer_id AND t.name = ?) ORDER BY p.consumer_version_id DESC")
        .params(providerId, tag)
        .query(PactPublication::row)
        .list();
  }

  List<PactPublication> withConsumerBranch(Long providerId, String branch) {
    return jdbc.sql(
            SELECT
                + "WHERE p.provider_id = ? AND p.consumer_version_id IN (SELECT bv.version_id FROM branch_version bv "
                + "JOIN branch b ON b.id = bv.branch_id WHERE b.pacticipant_id = p.consumer_id AND b.name = ?) "
                + "ORDER BY p.consumer_version_id DESC")
        .params(providerId, branch)
        .query(PactPublication::row)
        .list();
  }

  List<PactPublication> withConsumerMainBranch(Long providerId) {
    return jdbc.sql(
            SELECT
                + "WHERE p.provider_id = ? AND p.consumer_version_id IN (SELECT bv.version_id FROM branch_version bv "
                + "JOIN branch b ON b.id = bv.branch_id JOIN pacticipant c ON c.id = b.pacticipant_id "
                + "WHERE b.pacticipant_id = p.consumer_id AND b.name = c.main_branch) "
                + "ORDER BY p.consumer_version_id DESC")
        .param(providerId)
        .query(PactPublication::row)
        .list();
  }

  /** The publication of the pair's newest consumer version that carries no tag. */
  Optional<PactPublication> latestUntagged(Long providerId, Long consumerId) {
    return jdbc.sql(
            SELECT
                + "WHERE p.provider_id = :provider AND p.consumer_version_id = (SELECT MAX(q.consumer_version_id) "
                + "FROM pact_publication q WHERE q.provider_id = :provider AND q.consumer_id = :consumer "
                + "AND NOT EXISTS (SELECT 1 FROM tag t WHERE t.version_id = q.consumer_version_id))")
        .param("provider", providerId)
        .param("consumer", consumerId)
        .query(PactPublication::row)
        .optional();
  }

  /** Inserts the new publication and gives it the generated id. */
  PactPublication insert(PactPublication p) {
    p.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO pact_publication (consumer_version_id, consumer_id, provider_id, pact_content_id, "
                        + "created_at) VALUES (:consumerVersionId, :consumerId, :providerId, :contentId, :createdAt)")
                .param("consumerVersionId", p.getConsumerVersionId())
                .param("consumerId", p.getConsumerId())
                .param("providerId", p.getProviderId())
                .param("contentId", p.getPactContentId())
                .param("createdAt", p.getCreatedAt(), Types.TIMESTAMP)));
    return p;
  }

  /** Deletes the publication; its content and the content's results stay. */
  void delete(PactPublication p) {
    jdbc.sql("DELETE FROM pact_publication WHERE id = ?").param(p.getId()).update();
  }
}
