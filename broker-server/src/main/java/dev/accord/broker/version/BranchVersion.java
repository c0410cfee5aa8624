package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** Membership of a version in a branch. */
@Entity
@Table(name = "branch_version")
public class BranchVersion {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "branch_id")
  private Long branchId;

  @Column(name = "version_id")
  private Long versionId;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  protected BranchVersion() {}

  public BranchVersion(Long branchId, Long versionId) {
    this.branchId = branchId;
    this.versionId = versionId;
    this.createdAt = Hal.now();
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
