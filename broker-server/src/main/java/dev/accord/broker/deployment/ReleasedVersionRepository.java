package dev.accord.broker.deployment;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code released_version} table. Every write is a statement of its own, run when called. */
@Component
class ReleasedVersionRepository {
  private static final String SELECT =
      "SELECT " + ReleasedVersion.COLUMNS + " FROM released_version ";
  private final JdbcClient jdbc;

  ReleasedVersionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ReleasedVersion> findByUuid(String uuid) {
    return jdbc.sql(SELECT + "WHERE uuid = ?").param(uuid).query(ReleasedVersion::row).optional();
  }

  Optional<ReleasedVersion> findByVersionIdAndEnvironmentId(Long versionId, Long environmentId) {
    return jdbc.sql(SELECT + "WHERE version_id = ? AND environment_id = ?")
        .params(versionId, environmentId)
        .query(ReleasedVersion::row)
        .optional();
  }

  List<ReleasedVersion> findByEnvironmentIdAndSupportEndedAtIsNullOrderByIdAsc(Long environmentId) {
    return jdbc.sql(SELECT + "WHERE environment_id = ? AND support_ended_at IS NULL ORDER BY id")
        .param(environmentId)
        .query(ReleasedVersion::row)
        .list();
  }

  List<ReleasedVersion> findByEnvironmentIdAndPacticipantIdAndSupportEndedAtIsNullOrderByIdAsc(
      Long environmentId, Long pacticipantId) {
    return jdbc.sql(
            SELECT
                + "WHERE environment_id = ? AND pacticipant_id = ? AND support_ended_at IS NULL ORDER BY id")
        .params(environmentId, pacticipantId)
        .query(ReleasedVersion::row)
        .list();
  }

  List<ReleasedVersion> findBySupportEndedAtIsNullOrderByIdAsc() {
    return jdbc.sql(SELECT + "WHERE support_ended_at IS NULL ORDER BY id")
        .query(ReleasedVersion::row)
        .list();
  }

  /** Inserts the new release and gives it the generated id. */
  ReleasedVersion insert(ReleasedVersion r) {
    r.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO released_version (uuid, version_id, pacticipant_id, environment_id, created_at, "
                        + "support_ended_at) VALUES (:uuid, :version, :pacticipant, :environment, :createdAt, "
                        + ":supportEndedAt)")
                .param("uuid", r.getUuid())
                .param("version", r.getVersionId())
                .param("pacticipant", r.getPacticipantId())
                .param("environment", r.getEnvironmentId())
                .param("createdAt", r.getCreatedAt(), Types.TIMESTAMP)
                .param("supportEndedAt", r.getSupportEndedAt(), Types.TIMESTAMP)));
    return r;
  }

  /** Writes whether a stored release is supported (the column a release may change). */
  void update(ReleasedVersion r) {
    jdbc.sql("UPDATE released_version SET support_ended_at = :supportEndedAt WHERE id = :id")
        .param("supportEndedAt", r.getSupportEndedAt(), Types.TIMESTAMP)
        .param("id", r.getId())
        .update();
  }
}
