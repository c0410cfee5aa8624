package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A tag on a version (the pre-branch way of marking versions). */
@Entity
@Table(name = "tag")
public class Tag {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "version_id")
  private Long versionId;

  @Column(name = "pacticipant_id")
  private Long pacticipantId;

  private String name;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  protected Tag() {}

  public Tag(Long versionId, Long pacticipantId, String name) {
    this.versionId = versionId;
    this.pacticipantId = pacticipantId;
    this.name = name;
    this.createdAt = Hal.now();
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
