package dev.accord.broker.deployment;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;

/** A version released to an environment (mobile apps, libraries): supported until support ends. */
@Entity
@Table(name = "released_version")
public class ReleasedVersion {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String uuid;

  @Column(name = "version_id")
  private Long versionId;

  @Column(name = "pacticipant_id")
  private Long pacticipantId;

  @Column(name = "environment_id")
  private Long environmentId;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "support_ended_at")
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
