package dev.accord.broker.pact;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Pact content, stored once per (consumer, provider, content hash). Verifications hang off this
 * row.
 */
@Entity
@Table(name = "pact_content")
public class PactContent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "consumer_id")
  private Long consumerId;

  @Column(name = "provider_id")
  private Long providerId;

  private String sha;

  private String content;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  protected PactContent() {}

  PactContent(Long consumerId, Long providerId, String sha, String content) {
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.sha = sha;
    this.content = content;
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

  public String getSha() {
    return sha;
  }

  public String getContent() {
    return content;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
