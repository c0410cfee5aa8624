package dev.accord.broker.webhook;

import dev.accord.broker.database.Inserts;
import dev.accord.broker.web.Chunks;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook} table with its events ({@code webhook_event}, read with each webhook, in the
 * order they were saved). Every write is a statement of its own, run when called.
 */
@Component
class WebhookRepository {
  private static final String SELECT = "SELECT " + Webhook.COLUMNS + " FROM webhook w ";
  private final JdbcClient jdbc;

  WebhookRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Webhook> findById(Long id) {
    return withEvents(jdbc.sql(SELECT + "WHERE id = ?").param(id).query(Webhook::row).list())
        .stream()
        .findFirst();
  }

  Optional<Webhook> findByUuid(String uuid) {
    return withEvents(jdbc.sql(SELECT + "WHERE uuid = ?").param(uuid).query(Webhook::row).list())
        .stream()
        .findFirst();
  }

  List<Webhook> findAllByOrderById() {
    return withEvents(jdbc.sql(SELECT + "ORDER BY id").query(Webhook::row).list());
  }

  List<Webhook> forProvider(Long providerId) {
    return withEvents(
        jdbc.sql(SELECT + "WHERE provider_id = ? ORDER BY id")
            .param(providerId)
            .query(Webhook::row)
            .list());
  }

  List<Webhook> forConsumer(Long consumerId) {
    return withEvents(
        jdbc.sql(SELECT + "WHERE consumer_id = ? ORDER BY id")
            .param(consumerId)
            .query(Webhook::row)
            .list());
  }

  List<Webhook> forPair(Long providerId, Long consumerId) {
    return withEvents(
        jdbc.sql(SELECT + "WHERE provider_id = ? AND consumer_id = ? ORDER BY id")
            .params(providerId, consumerId)
            .query(Webhook::row)
            .list());
  }

  /**
   * Webhooks that fire for this pair: matching or unset consumer and provider, and the labels they
   * are scoped by carried.
   */
  List<Webhook> firingFor(Long consumerId, Long providerId, String event) {
    return withEvents(
        jdbc.sql(
                SELECT
                    + "WHERE w.enabled = TRUE "
                    + "AND EXISTS (SELECT 1 FROM webhook_event e WHERE e.webhook_id = w.id AND e.name = :event) "
                    + "AND (w.consumer_id IS NULL OR w.consumer_id = :consumer) "
                    + "AND (w.provider_id IS NULL OR w.provider_id = :provider) "
                    + "AND (w.consumer_label IS NULL OR EXISTS (SELECT 1 FROM pacticipant_label l "
                    + "WHERE l.pacticipant_id = :consumer AND l.name = w.consumer_label)) "
                    + "AND (w.provider_label IS NULL OR EXISTS (SELECT 1 FROM pacticipant_label l "
                    + "WHERE l.pacticipant_id = :provider AND l.name = w.provider_label)) "
                    + "ORDER BY w.id")
            .param("consumer", consumerId, Types.BIGINT)
            .param("provider", providerId, Types.BIGINT)
            .param("event", event)
            .query(Webhook::row)
            .list());
  }

  /** Reads the events of each webhook, one statement per 1,000 webhooks. */
  private List<Webhook> withEvents(List<Webhook> webhooks) {
    if (webhooks.isEmpty()) {
      return webhooks;
    }
    Map<Long, Webhook> byId = new HashMap<>();
    webhooks.forEach(w -> byId.put(w.getId(), w));
    for (List<Long> chunk : Chunks.of(byId.keySet())) {
      jdbc.sql("SELECT webhook_id, name FROM webhook_event WHERE webhook_id IN (:ids) ORDER BY id")
          .param("ids", chunk)
          .query(
              (RowCallbackHandler) rs -> byId.get(rs.getLong(1)).getEvents().add(rs.getString(2)));
    }
    return webhooks;
  }

  /** Inserts the new webhook and its events, and gives it the generated id. */
  Webhook insert(Webhook w) {
    w.assignId(
        Inserts.returningId(
            columns(
                jdbc.sql(
                    "INSERT INTO webhook (uuid, description, consumer_id, provider_id, consumer_label, "
                        + "provider_label, enabled, method, url, headers, body, username, password, created_at, "
                        + "updated_at) VALUES (:uuid, :description, :consumerId, :providerId, :consumerLabel, "
                        + ":providerLabel, :enabled, :method, :url, :headers, :body, :username, :password, "
                        + ":createdAt, :updatedAt)"),
                w)));
    insertEvents(w);
    return w;
  }

  /** Writes every column of a stored webhook and replaces its events. */
  void update(Webhook w) {
    columns(
            jdbc.sql(
                "UPDATE webhook SET uuid = :uuid, description = :description, consumer_id = :consumerId, "
                    + "provider_id = :providerId, consumer_label = :consumerLabel, provider_label = :providerLabel, "
                    + "enabled = :enabled, method = :method, url = :url, headers = :headers, body = :body, "
                    + "username = :username, password = :password, created_at = :createdAt, "
                    + "updated_at = :updatedAt WHERE id = :id"),
            w)
        .param("id", w.getId())
        .update();
    jdbc.sql("DELETE FROM webhook_event WHERE webhook_id = ?").param(w.getId()).update();
    insertEvents(w);
  }

  private void insertEvents(Webhook w) {
    for (String event : w.getEvents()) {
      jdbc.sql("INSERT INTO webhook_event (webhook_id, name) VALUES (?, ?)")
          .params(w.getId(), event)
          .update();
    }
  }

  private static JdbcClient.StatementSpec columns(JdbcClient.StatementSpec statement, Webhook w) {
    return statement
        .param("uuid", w.getUuid())
        .param("description", w.getDescription(), Types.VARCHAR)
        .param("consumerId", w.getConsumerId(), Types.BIGINT)
        .param("providerId", w.getProviderId(), Types.BIGINT)
        .param("consumerLabel", w.getConsumerLabel(), Types.VARCHAR)
        .param("providerLabel", w.getProviderLabel(), Types.VARCHAR)
        .param("enabled", w.isEnabled())
        .param("method", w.getMethod())
        .param("url", w.getUrl())
        .param("headers", w.getHeaders(), Types.VARCHAR)
        .param("body", w.getBody(), Types.VARCHAR)
        .param("username", w.getUsername(), Types.VARCHAR)
        .param("password", w.getPassword(), Types.VARCHAR)
        .param("createdAt", w.getCreatedAt(), Types.TIMESTAMP)
        .param("updatedAt", w.getUpdatedAt(), Types.TIMESTAMP);
  }

  /**
   * Deletes the webhook; the database deletes its events and detaches its deliveries (cascade, set
   * null).
   */
  void delete(Webhook w) {
    jdbc.sql("DELETE FROM webhook WHERE id = ?").param(w.getId()).update();
  }
}
