package dev.accord.broker.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * One event occurrence to deliver to one webhook: the queue row. Written in the transaction that
 * caused the event; claimed by a delivery worker with {@code FOR UPDATE SKIP LOCKED} (see {@link
 * WebhookDelivery}).
 */
public class TriggeredWebhook {
  public static final String PENDING = "pending";
  public static final String DELIVERING = "delivering";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  private Long id;

  private String uuid;
  private Long webhookId;
  private String webhookUuid;
  private String eventName;
  private Long consumerId;
  private Long providerId;
  private Long pactPublicationId;
  private Long verificationId;

  private String context;
  private String status;
  private int attempts;
  private LocalDateTime nextAttemptAt;
  private String claimedBy;
  private LocalDateTime claimedAt;
  private LocalDateTime createdAt;
  private LocalDateTime updatedAt;

  protected TriggeredWebhook() {}

  TriggeredWebhook(
      String uuid,
      Webhook webhook,
      String eventName,
      Long consumerId,
      Long providerId,
      Long pactPublicationId,
      Long verificationId,
      String context,
      LocalDateTime now) {
    this.uuid = uuid;
    this.webhookId = webhook.getId();
    this.webhookUuid = webhook.getUuid();
    this.eventName = eventName;
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.pactPublicationId = pactPublicationId;
    this.verificationId = verificationId;
    this.context = context;
    this.status = PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, uuid, webhook_id, webhook_uuid, event_name, consumer_id, provider_id, pact_publication_id, verification_id, context, status, attempts, next_attempt_at, claimed_by, claimed_at, created_at, updated_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static TriggeredWebhook row(ResultSet rs, int rowNum) throws SQLException {
    TriggeredWebhook r = new TriggeredWebhook();
    r.id = rs.getObject("id", Long.class);
    r.uuid = rs.getString("uuid");
    r.webhookId = rs.getObject("webhook_id", Long.class);
    r.webhookUuid = rs.getString("webhook_uuid");
    r.eventName = rs.getString("event_name");
    r.consumerId = rs.getObject("consumer_id", Long.class);
    r.providerId = rs.getObject("provider_id", Long.class);
    r.pactPublicationId = rs.getObject("pact_publication_id", Long.class);
    r.verificationId = rs.getObject("verification_id", Long.class);
    r.context = rs.getString("context");
    r.status = rs.getString("status");
    r.attempts = rs.getInt("attempts");
    r.nextAttemptAt = rs.getObject("next_attempt_at", LocalDateTime.class);
    r.claimedBy = rs.getString("claimed_by");
    r.claimedAt = rs.getObject("claimed_at", LocalDateTime.class);
    r.createdAt = rs.getObject("created_at", LocalDateTime.class);
    r.updatedAt = rs.getObject("updated_at", LocalDateTime.class);
    return r;
  }

  /** The id the database generated when the row was inserted. */
  void assignId(long id) {
    this.id = id;
  }

  public Long getId() {
    return id;
  }

  public String getUuid() {
    return uuid;
  }

  public Long getWebhookId() {
    return webhookId;
  }

  public String getWebhookUuid() {
    return webhookUuid;
  }

  public String getEventName() {
    return eventName;
  }

  public Long getConsumerId() {
    return consumerId;
  }

  public Long getProviderId() {
    return providerId;
  }

  public Long getPactPublicationId() {
    return pactPublicationId;
  }

  public Long getVerificationId() {
    return verificationId;
  }

  public String getContext() {
    return context;
  }

  public String getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public LocalDateTime getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public LocalDateTime getClaimedAt() {
    return claimedAt;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
