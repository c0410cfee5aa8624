package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * A version of a pacticipant, numbered by its git SHA (or any version string). Newer versions have
 * higher ids.
 */
public class Version {
  private Long id;
  private Long pacticipantId;

  private String number;
  private String buildUrl;
  private LocalDateTime createdAt;

  protected Version() {}

  public Version(Long pacticipantId, String number) {
    this.pacticipantId = pacticipantId;
    this.number = number;
    this.createdAt = Hal.now();
  }

  /** A stored row, as the matrix and pacts-for-verification read it with their own SQL. */
  public static Version stored(
      Long id, Long pacticipantId, String number, String buildUrl, LocalDateTime createdAt) {
    Version v = new Version();
    v.id = id;
    v.pacticipantId = pacticipantId;
    v.number = number;
    v.buildUrl = buildUrl;
    v.createdAt = createdAt;
    return v;
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS = "id, pacticipant_id, number, build_url, created_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static Version row(ResultSet rs, int rowNum) throws SQLException {
    Version r = new Version();
    r.id = rs.getObject("id", Long.class);
    r.pacticipantId = rs.getObject("pacticipant_id", Long.class);
    r.number = rs.getString("number");
    r.buildUrl = rs.getString("build_url");
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

  public Long getPacticipantId() {
    return pacticipantId;
  }

  public String getNumber() {
    return number;
  }

  public String getBuildUrl() {
    return buildUrl;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public void setBuildUrl(String buildUrl) {
    this.buildUrl = buildUrl;
  }
}
