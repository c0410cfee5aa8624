package dev.accord.broker.pact;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A consumer-provider pair that has exchanged at least one pact. */
@Entity
@Table(name = "integration")
public class Integration {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "consumer_id")
  private Long consumerId;

  @Column(name = "provider_id")
  private Long providerId;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  protected Integration() {}

  Integration(Long consumerId, Long providerId) {
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.createdAt = Hal.now();
  }

  public Long getId() {
    return id;
  }

  public Long getConsumerId() {
    return consumerId;
  }

  public Long getProviderId() {
    return providerId;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
