package dev.accord.broker.pact;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code integration} table. Every write is a statement of its own, run when called. */
@Component
class IntegrationRepository {
  private static final String SELECT = "SELECT " + Integration.COLUMNS + " FROM integration ";
  private final JdbcClient jdbc;

  IntegrationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every integration, oldest first. */
  List<Integration> findAll() {
    return jdbc.sql(SELECT + "ORDER BY id").query(Integration::row).list();
  }

  Optional<Integration> findByConsumerIdAndProviderId(Long consumerId, Long providerId) {
    return jdbc.sql(SELECT + "WHERE consumer_id = ? AND provider_id = ?")
        .params(consumerId, providerId)
        .query(Integration::row)
        .optional();
  }

  List<Integration> findByProviderId(Long providerId) {
    return jdbc.sql(SELECT + "WHERE provider_id = ? ORDER BY id")
        .param(providerId)
        .query(Integration::row)
        .list();
  }

  /** Inserts the new integration and gives it the generated id. */
  Integration insert(Integration i) {
    i.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO integration (consumer_id, provider_id, created_at) "
                        + "VALUES (:consumerId, :providerId, :createdAt)")
                .param("consumerId", i.getConsumerId())
                .param("providerId", i.getProviderId())
                .param("createdAt", i.getCreatedAt(), Types.TIMESTAMP)));
    return i;
  }
}
