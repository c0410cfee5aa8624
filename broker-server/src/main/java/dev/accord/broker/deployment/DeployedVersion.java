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

/**
 * A version deployed to an environment (per application instance) until it is replaced or
 * undeployed.
 */
@Entity
@Table(name = "deployed_version")
public class DeployedVersion {
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

  @Column(name = "application_instance")
  private String applicationInstance;

  /**
   * Non-null while current; unique, so one current deployment per (pacticipant, environment,
   * instance).
   */
  @Column(name = "current_key")
  private String currentKey;

  @Column(name = "created_at")
  private LocalDateTime createdAt;

  @Column(name = "undeployed_at")
  private LocalDateTime undeployedAt;

  protected DeployedVersion() {}

  DeployedVersion(
      Long versionId, Long pacticipantId, Long environmentId, String applicationInstance) {
    this.uuid = UUID.randomUUID().toString();
    this.versionId = versionId;
    this.pacticipantId = pacticipantId;
    this.environmentId = environmentId;
    this.applicationInstance = applicationInstance;
    this.currentKey = key(pacticipantId, environmentId, applicationInstance);
    this.createdAt = Hal.now();
  }

  /**
   * 'pacticipant:environment:instance'; when that would not fit the 255-character column (an
   * instance name of up to 255 characters is allowed), the instance is replaced by its SHA-256,
   * still one key per instance.
   */
  static String key(Long pacticipantId, Long environmentId, String applicationInstance) {
    String prefix = pacticipantId + ":" + environmentId + ":";
    String instance = applicationInstance == null ? "" : applicationInstance;
    if (prefix.length() + instance.length() <= 255) {
      return prefix + instance;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(instance.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return prefix + "sha256:" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void undeploy() {
    this.currentKey = null;
    this.undeployedAt = Hal.now();
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

  public String getApplicationInstance() {
    return applicationInstance;
  }

  public boolean isCurrentlyDeployed() {
    return undeployedAt == null;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUndeployedAt() {
    return undeployedAt;
  }
}
