package dev.accord.broker.pact;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** The pact a consumer version published for a provider; immutable once written. */
public class PactPublication {
  private Long id;
  private Long consumerVersionId;
  private Long consumerId;
  private Long providerId;
  private Long pactContentId;
  private LocalDateTime createdAt;

  protected PactPublication() {}

  PactPublication(Long consumerVersionId, Long consumerId, Long providerId, Long pactContentId) {
    this.consumerVersionId = consumerVersionId;
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.pactContentId = pactContentId;
    this.createdAt = Hal.now();
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, consumer_version_id, consumer_id, provider_id, pact_content_id, created_at";

  /**
   * A stored row, as selected with {@link #COLUMNS} (the matrix and pacts-for-verification select
   * the same column names with their own SQL).
   */
  public static PactPublication row(ResultSet rs, int rowNum) throws SQLException {
    PactPublication r = new PactPublication();
    r.id = rs.getObject("id", Long.class);
    r.consumerVersionId = rs.getObject("consumer_version_id", Long.class);
    r.consumerId = rs.getObject("consumer_id", Long.class);
    r.providerId = rs.getObject("provider_id", Long.class);
    r.pactContentId = rs.getObject("pact_content_id", Long.class);
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
