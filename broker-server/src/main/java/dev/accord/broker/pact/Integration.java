package dev.accord.broker.pact;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** A consumer-provider pair that has exchanged at least one pact. */
public class Integration {
  private Long id;
  private Long consumerId;
  private Long providerId;
  private LocalDateTime createdAt;

  protected Integration() {}

  Integration(Long consumerId, Long providerId) {
    this.consumerId = consumerId;
    this.providerId = providerId;
    this.createdAt = Hal.now();
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS = "id, consumer_id, provider_id, created_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static Integration row(ResultSet rs, int rowNum) throws SQLException {
    Integration r = new Integration();
    r.id = rs.getObject("id", Long.class);
    r.consumerId = rs.getObject("consumer_id", Long.class);
    r.providerId = rs.getObject("provider_id", Long.class);
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

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
