package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** A tag on a version (the pre-branch way of marking versions). */
public class Tag {
  private Long id;
  private Long versionId;
  private Long pacticipantId;

  private String name;
  private LocalDateTime createdAt;

  protected Tag() {}

  public Tag(Long versionId, Long pacticipantId, String name) {
    this.versionId = versionId;
    this.pacticipantId = pacticipantId;
    this.name = name;
    this.createdAt = Hal.now();
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS = "id, version_id, pacticipant_id, name, created_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static Tag row(ResultSet rs, int rowNum) throws SQLException {
    Tag r = new Tag();
    r.id = rs.getObject("id", Long.class);
    r.versionId = rs.getObject("version_id", Long.class);
    r.pacticipantId = rs.getObject("pacticipant_id", Long.class);
    r.name = rs.getString("name");
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

  public Long getVersionId() {
    return versionId;
  }

  public Long getPacticipantId() {
    return pacticipantId;
  }

  public String getName() {
    return name;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
