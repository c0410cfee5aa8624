package dev.accord.broker.version;

import dev.accord.broker.web.Hal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A version of a pacticipant, numbered by its git SHA (or any version string). Newer versions have
 * higher ids.
 */
@Entity
@Table(name = "version")
public class Version {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pacticipant_id")
  private Long pacticipantId;

  private String number;

  @Column(name = "build_url")
  private String buildUrl;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  protected Version() {}

  public Version(Long pacticipantId, String number) {
    this.pacticipantId = pacticipantId;
    this.number = number;
    this.createdAt = Hal.now();
  }

  /**
   * A detached copy of a stored row, as read by hand-written SQL (the matrix); never persist it.
   */
  public static Version detached(
      Long id, Long pacticipantId, String number, String buildUrl, LocalDateTime createdAt) {
    Version v = new Version();
    v.id = id;
    v.pacticipantId = pacticipantId;
    v.number = number;
    v.buildUrl = buildUrl;
    v.createdAt = createdAt;
    return v;
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
