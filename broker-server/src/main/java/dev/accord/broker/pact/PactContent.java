package dev.accord.broker.pact;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * Pact content, stored once per (consumer, provider, content hash). Verifications hang off this
 * row.
 */
public class PactContent {
  private Long id;
  private Long consumerId;
  private Long providerId;

  private String sha;

  private String content;
  private LocalDateTime createdAt;

  protected PactContent() {}

  PactContent(Long consumerId, Long providerId, String sha, String content) {
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.sha = sha;
    this.content = content;
    this.createdAt = Hal.now();
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS = "id, consumer_id, provider_id, sha, content, created_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static PactContent row(ResultSet rs, int rowNum) throws SQLException {
    PactContent r = new PactContent();
    r.id = rs.getObject("id", Long.class);
    r.consumerId = rs.getObject("consumer_id", Long.class);
    r.providerId = rs.getObject("provider_id", Long.class);
    r.sha = rs.getString("sha");
    r.content = rs.getString("content");
    r.createdAt = rs.getObject("created_at", LocalDateTime.class);
    return r;
  }

  /** The id the database generated when the row was inserted. */
  void assignId(long id) {
    this.id = id;
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
