package dev.accord.broker.pacticipant;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** An application that takes part in contracts: a consumer, a provider, or both. */
@Entity
@Table(name = "pacticipant")
public class Pacticipant {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "main_branch")
  private String mainBranch;

  @Column(name = "repository_url")
  private String repositoryUrl;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  protected Pacticipant() {}

  public Pacticipant(String name) {
    this.name = name;
    this.createdAt = Hal.now();
    this.updatedAt = createdAt;
  }

  /**
   * A detached copy of a stored row, as read by hand-written SQL (the matrix); never persist it.
   */
  public static Pacticipant detached(
      Long id,
      String name,
      String displayName,
      String mainBranch,
      String repositoryUrl,
      LocalDateTime createdAt,
      LocalDateTime updatedAt) {
    Pacticipant p = new Pacticipant();
    p.id = id;
    p.name = name;
    p.displayName = displayName;
    p.mainBranch = mainBranch;
    p.repositoryUrl = repositoryUrl;
    p.createdAt = createdAt;
    p.updatedAt = updatedAt;
    return p;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDisplayName() {
    return displayName == null || displayName.isBlank() ? Hal.displayName(name) : displayName;
  }

  public String getMainBranch() {
    return mainBranch;
  }

  public String getRepositoryUrl() {
    return repositoryUrl;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public void setName(String name) {
    this.name = name;
    touch();
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
    touch();
  }

  public void setMainBranch(String mainBranch) {
    this.mainBranch = mainBranch;
    touch();
  }

  public void setRepositoryUrl(String repositoryUrl) {
    this.repositoryUrl = repositoryUrl;
    touch();
  }

  private void touch() {
    this.updatedAt = Hal.now();
  }
}
