package dev.accord.broker.pact;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The pact a consumer version published for a provider; immutable once written. */
@Entity
@Table(name = "pact_publication")
public class PactPublication {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "consumer_version_id")
  private Long consumerVersionId;

  @Column(name = "consumer_id")
  private Long consumerId;

  @Column(name = "provider_id")
  private Long providerId;

  @Column(name = "pact_content_id")
  private Long pactContentId;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  protected PactPublication() {}

  PactPublication(Long consumerVersionId, Long consumerId, Long providerId, Long pactContentId) {
    this.consumerVersionId = consumerVersionId;
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.pactContentId = pactContentId;
    this.createdAt = Hal.now();
  }

  /**
   * A detached copy of a stored row, as read by hand-written SQL (the matrix); never persist it.
   */
  public static PactPublication detached(
      Long id,
      Long consumerVersionId,
      Long consumerId,
      Long providerId,
      Long pactContentId,
      LocalDateTime createdAt) {
    PactPublication p = new PactPublication();
    p.id = id;
    p.consumerVersionId = consumerVersionId;
    p.consumerId = consumerId;
    p.providerId = providerId;
    p.pactContentId = pactContentId;
    p.createdAt = createdAt;
    return p;
  }

  public Long getId() {
    return id;
  }

  public Long getConsumerVersionId() {
    return consumerVersionId;
  }

  public Long getConsumerId() {
    return consumerId;
  }

  public Long getProviderId() {
    return providerId;
  }

  public Long getPactContentId() {
    return pactContentId;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
