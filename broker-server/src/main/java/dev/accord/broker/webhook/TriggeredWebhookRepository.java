package dev.accord.broker.webhook;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code triggered_webhook} table (the delivery queue; claims and status changes are SQL in
 * {@link WebhookDelivery}). Every write is a statement of its own, run when called.
 */
@Component
class TriggeredWebhookRepository {
  private static final String SELECT =
      "SELECT " + TriggeredWebhook.COLUMNS + " FROM triggered_webhook ";
  private final JdbcClient jdbc;

  TriggeredWebhookRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<TriggeredWebhook> findById(Long id) {
    return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(TriggeredWebhook::row).optional();
  }

  Optional<TriggeredWebhook> findByUuid(String uuid) {
    return jdbc.sql(SELECT + "WHERE uuid = ?").param(uuid).query(TriggeredWebhook::row).optional();
  }

  /** The newest {@code limit} deliveries of the webhook. */
  List<TriggeredWebhook> findByWebhookUuidOrderByIdDesc(String webhookUuid, int limit) {
    return jdbc.sql(SELECT + "WHERE webhook_uuid = ? ORDER BY id DESC LIMIT ?")
        .params(webhookUuid, limit)
        .query(TriggeredWebhook::row)
        .list();
  }

  List<TriggeredWebhook> findByPactPublicationIdOrderById(Long pactPublicationId) {
    return jdbc.sql(SELECT + "WHERE pact_publication_id = ? ORDER BY id")
        .param(pactPublicationId)
        .query(TriggeredWebhook::row)
        .list();
  }

  List<TriggeredWebhook> findByVerificationIdOrderById(Long verificationId) {
    return jdbc.sql(SELECT + "WHERE verification_id = ? ORDER BY id")
        .param(verificationId)
        .query(TriggeredWebhook::row)
        .list();
  }

  /** Queues the new row and gives it the generated id. */
  TriggeredWebhook insert(TriggeredWebhook t) {
    t.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO triggered_webhook (uuid, webhook_id, webhook_uuid, event_name, consumer_id, "
                        + "provider_id, pact_publication_id, verification_id, context, status, attempts, "
                        + "next_attempt_at, claimed_by, claimed_at, created_at, updated_at) VALUES (:uuid, "
                        + ":webhookId, :webhookUuid, :eventName, :consumerId, :providerId, :publicationId, "
                        + ":verificationId, :context, :status, :attempts, :nextAttemptAt, :claimedBy, :claimedAt, "
                        + ":createdAt, :updatedAt)")
                .param("uuid", t.getUuid())
                .param("webhookId", t.getWebhookId(), Types.BIGINT)
                .param("webhookUuid", t.getWebhookUuid())
                .param("eventName", t.getEventName())
                .param("consumerId", t.getConsumerId(), Types.BIGINT)
                .param("providerId", t.getProviderId(), Types.BIGINT)
                .param("publicationId", t.getPactPublicationId(), Types.BIGINT)
                .param("verificationId", t.getVerificationId(), Types.BIGINT)
                .param("context", t.getContext())
                .param("status", t.getStatus())
                .param("attempts", t.getAttempts())
                .param("nextAttemptAt", t.getNextAttemptAt(), Types.TIMESTAMP)
                .param("claimedBy", t.getClaimedBy(), Types.VARCHAR)
                .param("claimedAt", t.getClaimedAt(), Types.TIMESTAMP)
                .param("createdAt", t.getCreatedAt(), Types.TIMESTAMP)
                .param("updatedAt", t.getUpdatedAt(), Types.TIMESTAMP)));
    return t;
  }
}
