package dev.accord.broker.webhook;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A saved webhook: which events, for which consumer/provider (null = any), and the request to send.
 */
public class Webhook {
  private Long id;

  private String uuid;
  private String description;
  private Long consumerId;
  private Long providerId;

  /**
   * Fires only for consumers carrying this label (null = any); never set together with consumerId.
   */
  private String consumerLabel;

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
  private Set<String> events = new LinkedHashSet<>();
  private LocalDateTime createdAt;
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

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, uuid, description, consumer_id, provider_id, consumer_label, provider_label, enabled, method, url, headers, body, username, password, created_at, updated_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static Webhook row(ResultSet rs, int rowNum) throws SQLException {
    Webhook r = new Webhook();
    r.id = rs.getObject("id", Long.class);
    r.uuid = rs.getString("uuid");
    r.description = rs.getString("description");
    r.consumerId = rs.getObject("consumer_id", Long.class);
    r.providerId = rs.getObject("provider_id", Long.class);
    r.consumerLabel = rs.getString("consumer_label");
    r.providerLabel = rs.getString("provider_label");
    r.enabled = rs.getBoolean("enabled");
    r.method = rs.getString("method");
    r.url = rs.getString("url");
    r.headers = rs.getString("headers");
    r.body = rs.getString("body");
    r.username = rs.getString("username");
    r.password = rs.getString("password");
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
