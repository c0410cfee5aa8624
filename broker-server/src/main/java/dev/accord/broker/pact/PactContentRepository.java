package dev.accord.broker.pact;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code pact_content} table. Every write is a statement of its own, run when called. */
@Component
class PactContentRepository {
  private static final String SELECT = "SELECT " + PactContent.COLUMNS + " FROM pact_content ";
  private final JdbcClient jdbc;

  PactContentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PactContent> findById(Long id) {
    return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(PactContent::row).optional();
  }

  Optional<PactContent> findByConsumerIdAndProviderIdAndSha(
      Long consumerId, Long providerId, String sha) {
    return jdbc.sql(SELECT + "WHERE consumer_id = ? AND provider_id = ? AND sha = ?")
        .params(consumerId, providerId, sha)
        .query(PactContent::row)
        .optional();
  }

  Optional<ContentRef> findRefById(Long id) {
    return jdbc.sql("SELECT id, sha FROM pact_content WHERE id = ?")
        .param(id)
        .query((rs, n) -> new ContentRef(rs.getLong(1), rs.getString(2)))
        .optional();
  }

  /** At most 1,000 ids (see {@code Chunks}). */
  List<ContentRef> findRefsByIdIn(Collection<Long> ids) {
    return jdbc.sql("SELECT id, sha FROM pact_content WHERE id IN (:ids)")
        .param("ids", ids)
        .query((rs, n) -> new ContentRef(rs.getLong(1), rs.getString(2)))
        .list();
  }

  /** Inserts the new content and gives it the generated id. */
  PactContent insert(PactContent c) {
    c.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO pact_content (consumer_id, provider_id, sha, content, created_at) "
                        + "VALUES (:consumerId, :providerId, :sha, :content, :createdAt)")
                .param("consumerId", c.getConsumerId())
                .param("providerId", c.getProviderId())
                .param("sha", c.getSha())
                .param("content", c.getContent())
                .param("createdAt", c.getCreatedAt(), Types.TIMESTAMP)));
    return c;
  }
}
