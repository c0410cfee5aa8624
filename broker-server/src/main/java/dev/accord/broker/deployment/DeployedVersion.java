package dev.accord.broker.deployment;

import dev.accord.broker.web.Hal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A version deployed to an environment (per application instance) until it is replaced or
 * undeployed.
 */
public class DeployedVersion {
  private Long id;

  private String uuid;
  private Long versionId;
  private Long pacticipantId;
  private Long environmentId;
  private String applicationInstance;

  /**
   * Non-null while current; unique, so one current deployment per (pacticipant, environment,
   * instance).
   */
  private String currentKey;

  private LocalDateTime createdAt;
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

  /** The columns {@link #row} reads, in table order. */
  static final String COLUMNS =
      "id, uuid, version_id, pacticipant_id, environment_id, application_instance, current_key, created_at, undeployed_at";

  /** A stored row, as selected with {@link #COLUMNS}. */
  static DeployedVersion row(ResultSet rs, int rowNum) throws SQLException {
    DeployedVersion r = new DeployedVersion();
    r.id = rs.getObject("id", Long.class);
    r.uuid = rs.getString("uuid");
    r.versionId = rs.getObject("version_id", Long.class);
    r.pacticipantId = rs.getObject("pacticipant_id", Long.class);
    r.environmentId = rs.getObject("environment_id", Long.class);
    r.applicationInstance = rs.getString("application_instance");
    r.currentKey = rs.getString("current_key");
    r.createdAt = rs.getObject("created_at", LocalDateTime.class);
    r.undeployedAt = rs.getObject("undeployed_at", LocalDateTime.class);
    return r;
  }

  /** The id the database generated when the row was inserted. */
  void assignId(long id) {
    this.id = id;
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

  /** The unique key while current, null once undeployed. */
  String getCurrentKey() {
    return currentKey;
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
