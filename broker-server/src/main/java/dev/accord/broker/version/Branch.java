package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** A git branch of a pacticipant; its head is the version most recently added to it. */
public class Branch {
  private Long id;
  private Long pacticipantId;

  private String name;
  private Long headVersionId;
  private LocalDateTime createdAt;
  private LocalDateTime updatedAt;

  protected Branch() {}

  public Branch(Long pacticipantId, String name) {
    this.pacticipantId = pacticipantId;
    this.name = name;
    this.createdAt = Hal.now();
    this.updatedAt = createdAt;
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS = "id, pacticipant_id, name, head_version_id, created_at, updated_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static Branch row(ResultSet rs, int rowNum) throws SQLException {
    Branch r = new Branch();
    r.id = rs.getObject("id", Long.class);
    r.pacticipantId = rs.getObject("pacticipant_id", Long.class);
    r.name = rs.getString("name");
    r.headVersionId = rs.getObject("head_version_id", Long.class);
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

  public Long getPacticipantId() {
    return pacticipantId;
  }

  public String getName() {
    return name;
  }

  public Long getHeadVersionId() {
    return headVersionId;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public void setHeadVersionId(Long headVersionId) {
    this.headVersionId = headVersionId;
    this.updatedAt = Hal.now();
  }
}
