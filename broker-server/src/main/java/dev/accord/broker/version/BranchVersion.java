package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Membership of a version in a branch. */
public class BranchVersion {
  private Long id;
  private Long branchId;
  private Long versionId;
  private LocalDateTime createdAt;

  protected BranchVersion() {}

  public BranchVersion(Long branchId, Long versionId) {
    this.branchId = branchId;
    this.versionId = versionId;
    this.createdAt = Hal.now();
  }

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS = "id, branch_id, version_id, created_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static BranchVersion row(ResultSet rs, int rowNum) throws SQLException {
    BranchVersion r = new BranchVersion();
    r.id = rs.getObject("id", Long.class);
    r.branchId = rs.getObject("branch_id", Long.class);
    r.versionId = rs.getObject("version_id", Long.class);
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

  public Long getBranchId() {
    return branchId;
  }

  public Long getVersionId() {
    return versionId;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
