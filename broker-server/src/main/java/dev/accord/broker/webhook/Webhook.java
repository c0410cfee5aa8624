package dev.accord.broker.webhook;

import dev.accord.broker.web.Hal;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A saved webhook: which events, for which consumer/provider (null = any), and the request to send.
 */
@Entity
@Table(name = "webhook")
public class Webhook {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String uuid;
  private String description;

  @Column(name = "consumer_id")
  private Long consumerId;

  @Column(name = "provider_id")
  private Long providerId;

  /**
   * Fires only for consumers carrying this label (null = any); never set together with consumerId.
   */
  @Column(name = "consumer_label")
  private String consumerLabel;

  @Column(name = "provider_label")
  private String providerLabel;

  private boolean enabled;
  private String method;
  private String url;

  /** JSON object of header name to value (template variables allowed in values). */
  private String headers;

  /** JSON value: an object/array sent as JSON, or a string sent as is. Null = no body. */
  private String body;

  private String username;
  private String password;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "webhook_event", joinColumns = @JoinColumn(name = "webhook_id"))
  @Column(name = "name")
  private Set<String> events = new LinkedHashSet<>();

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  protected Webhook() {}

  Webhook(String uuid) {
    this.uuid = uuid;
    this.createdAt = Hal.now();
    this.updatedAt = createdAt;
  }

  void update(WebhookDefinition d) {
    this.description = d.description();
    this.consumerId = d.consumerId();
    this.providerId = d.providerId();
    this.consumerLabel = d.consumerLabel();
    this.providerLabel = d.providerLabel();
    this.enabled = d.enabled();
    this.method = d.method();
    this.url = d.url();
    this.headers = d.headersJson();
    this.body = d.bodyJson();
    this.username = d.username();
    this.password = d.password();
    this.events.clear();
    this.events.addAll(d.events());
    this.updatedAt = Hal.now();
  }

  public Long getId() {
    return id;
  }

  public String getUuid() {
    return uuid;
  }

  public String getDescription() {
    return description;
  }

  public Long getConsumerId() {
    return consumerId;
  }

  public Long getProviderId() {
    return providerId;
  }

  public String getConsumerLabel() {
    return consumerLabel;
  }

  public String getProviderLabel() {
    return providerLabel;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getMethod() {
    return method;
  }

  public String getUrl() {
    return url;
  }

  public String getHeaders() {
    return headers;
  }

  public String getBody() {
    return body;
  }

  public String getUsername() {
    return username;
  }

  String getPassword() {
    return password;
  }

  public Set<String> getEvents() {
    return events;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
