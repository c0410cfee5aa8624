package dev.accord.broker.deployment;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;

/** A version released to an environment (mobile apps, libraries): supported until support ends. */
public class ReleasedVersion {
  private Long id;

  private String uuid;
  private Long versionId;
  private Long pacticipantId;
  private Long environmentId;
  private LocalDateTime createdAt;
  private LocalDateTime supportEndedAt;

  protected ReleasedVersion() {}

  ReleasedVersion(Long versionId, Long pacticipantId, Long environmentId) {
    this.uuid = UUID.randomUUID().toString();
    this.versionId = versionId;
    this.pacticipantId = pacticipantId;
    this.environmentId = environmentId;
    this.createdAt = Hal.now();
  }

  void endSupport() {
    this.supportEndedAt = Hal.now();
  }

  void resumeSupport() {
    this.supportEndedAt = null;
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, uuid, version_id, pacticipant_id, environment_id, created_at, support_ended_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static ReleasedVersion row(ResultSet rs, int rowNum) throws SQLException {
    ReleasedVersion r = new ReleasedVersion();
    r.id = rs.getObject("id", Long.class);
    r.uuid = rs.getString("uuid");
    r.versionId = rs.getObject("version_id", Long.class);
    r.pacticipantId = rs.getObject("pacticipant_id", Long.class);
    r.environmentId = rs.getObject("environment_id", Long.class);
    r.createdAt = rs.getObject("created_at", LocalDateTime.class);
    r.supportEndedAt = rs.getObject("support_ended_at", LocalDateTime.class);
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

  public Long getVersionId() {
    return versionId;
  }

  public Long getPacticipantId() {
    return pacticipantId;
  }

  public Long getEnvironmentId() {
    return environmentId;
  }

  public boolean isCurrentlySupported() {
    return supportEndedAt == null;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getSupportEndedAt() {
    return supportEndedAt;
  }
}
