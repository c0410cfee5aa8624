package dev.accord.broker.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One event occurrence to deliver to one webhook: the queue row. Written in the transaction that
 * caused the event; claimed by a delivery worker with {@code FOR UPDATE SKIP LOCKED} (see {@link
 * WebhookDelivery}).
 */
@Entity
@Table(name = "triggered_webhook")
public class TriggeredWebhook {
  public static final String PENDING = "pending";
  public static final String DELIVERING = "delivering";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String uuid;

  @Column(name = "webhook_id")
  private Long webhookId;

  @Column(name = "webhook_uuid")
  private String webhookUuid;

  @Column(name = "event_name")
  private String eventName;

  @Column(name = "consumer_id")
  private Long consumerId;

  @Column(name = "provider_id")
  private Long providerId;

  @Column(name = "pact_publication_id")
  private Long pactPublicationId;

  @Column(name = "verification_id")
  private Long verificationId;

  private String context;
  private String status;
  private int attempts;

  @Column(name = "next_attempt_at")
  private LocalDateTime nextAttemptAt;

  @Column(name = "claimed_by")
  private String claimedBy;

  @Column(name = "claimed_at")
  private LocalDateTime claimedAt;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "updated_at")
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
