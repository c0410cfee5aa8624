package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A git branch of a pacticipant; its head is the version most recently added to it. */
@Entity
@Table(name = "branch")
public class Branch {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pacticipant_id")
  private Long pacticipantId;

  private String name;

  @Column(name = "head_version_id")
  private Long headVersionId;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  protected Branch() {}

  public Branch(Long pacticipantId, String name) {
    this.pacticipantId = pacticipantId;
    this.name = name;
    this.createdAt = Hal.now();
    this.updatedAt = createdAt;
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
