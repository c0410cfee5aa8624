package dev.accord.broker.deployment;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code deployed_version} table. Every write is a statement of its own, run when called. */
@Component
class DeployedVersionRepository {
  private static final String SELECT =
      "SELECT " + DeployedVersion.COLUMNS + " FROM deployed_version ";
  private final JdbcClient jdbc;

  DeployedVersionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DeployedVersion> findByUuid(String uuid) {
    return jdbc.sql(SELECT + "WHERE uuid = ?").param(uuid).query(DeployedVersion::row).optional();
  }

  Optional<DeployedVersion> findByCurrentKey(String currentKey) {
    return jdbc.sql(SELECT + "WHERE current_key = ?")
        .param(currentKey)
        .query(DeployedVersion::row)
        .optional();
  }

  List<DeployedVersion> findByEnvironmentIdAndUndeployedAtIsNullOrderByIdAsc(Long environmentId) {
    return jdbc.sql(SELECT + "WHERE environment_id = ? AND undeployed_at IS NULL ORDER BY id")
        .param(environmentId)
        .query(DeployedVersion::row)
        .list();
  }

  List<DeployedVersion> findByEnvironmentIdAndPacticipantIdAndUndeployedAtIsNullOrderByIdAsc(
      Long environmentId, Long pacticipantId) {
    return jdbc.sql(
            SELECT
                + "WHERE environment_id = ? AND pacticipant_id = ? AND undeployed_at IS NULL ORDER BY id")
        .params(environmentId, pacticipantId)
        .query(DeployedVersion::row)
        .list();
  }

  List<DeployedVersion> findByUndeployedAtIsNullOrderByIdAsc() {
    return jdbc.sql(SELECT + "WHERE undeployed_at IS NULL ORDER BY id")
        .query(DeployedVersion::row)
        .list();
  }

  /** Inserts the new deployment and gives it the generated id. */
  DeployedVersion insert(DeployedVersion d) {
    d.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO deployed_version (uuid, version_id, pacticipant_id, environment_id, "
                        + "application_instance, current_key, created_at, undeployed_at) VALUES (:uuid, :version, "
                        + ":pacticipant, :environment, :instance, :currentKey, :createdAt, :undeployedAt)")
                .param("uuid", d.getUuid())
                .param("version", d.getVersionId())
                .param("pacticipant", d.getPacticipantId())
                .param("environment", d.getEnvironmentId())
                .param("instance", d.getApplicationInstance(), Types.VARCHAR)
                .param("currentKey", d.getCurrentKey(), Types.VARCHAR)
                .param("createdAt", d.getCreatedAt(), Types.TIMESTAMP)
                .param("undeployedAt", d.getUndeployedAt(), Types.TIMESTAMP)));
    return d;
  }

  /** Writes whether a stored deployment is current (the columns a deployment may change). */
  void update(DeployedVersion d) {
    jdbc.sql(
            "UPDATE deployed_version SET current_key = :currentKey, undeployed_at = :undeployedAt WHERE id = :id")
        .param("currentKey", d.getCurrentKey(), Types.VARCHAR)
        .param("undeployedAt", d.getUndeployedAt(), Types.TIMESTAMP)
        .param("id", d.getId())
        .update();
  }
}
