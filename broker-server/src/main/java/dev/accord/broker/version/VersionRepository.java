package dev.accord.broker.version;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code version} table. Every write is a statement of its own, run when called. */
@Component
class VersionRepository {
  private static final String SELECT = "SELECT " + Version.COLUMNS + " FROM version ";
  private final JdbcClient jdbc;

  VersionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Version> findById(Long id) {
    return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(Version::row).optional();
  }

  /** At most 1,000 ids (see {@code Chunks}). */
  List<Version> findAllById(Collection<Long> ids) {
    return jdbc.sql(SELECT + "WHERE id IN (:ids)").param("ids", ids).query(Version::row).list();
  }

  Optional<Version> findByPacticipantIdAndNumber(Long pacticipantId, String number) {
    return jdbc.sql(SELECT + "WHERE pacticipant_id = ? AND number = ?")
        .params(pacticipantId, number)
        .query(Version::row)
        .optional();
  }

  Optional<Version> findFirstByPacticipantIdOrderByIdDesc(Long pacticipantId) {
    return jdbc.sql(SELECT + "WHERE pacticipant_id = ? ORDER BY id DESC LIMIT 1")
        .param(pacticipantId)
        .query(Version::row)
        .optional();
  }

  List<Version> findByPacticipantIdOrderByIdDesc(Long pacticipantId, long offset, int size) {
    return jdbc.sql(
            SELECT + "WHERE pacticipant_id = :id ORDER BY id DESC LIMIT :size OFFSET :offset")
        .param("id", pacticipantId)
        .param("size", size)
        .param("offset", offset)
        .query(Version::row)
        .list();
  }

  long countByPacticipantId(Long pacticipantId) {
    return jdbc.sql("SELECT COUNT(*) FROM version WHERE pacticipant_id = ?")
        .param(pacticipantId)
        .query(Long.class)
        .single();
  }

  Optional<Version> findLatestWithTag(Long pacticipantId, String tag) {
    return jdbc.sql(
            SELECT
                + "WHERE id = (SELECT MAX(t.version_id) FROM tag t WHERE t.pacticipant_id = ? AND t.name = ?)")
        .params(pacticipantId, tag)
        .query(Version::row)
        .optional();
  }

  List<Version> findAllWithTag(Long pacticipantId, String tag) {
    return jdbc.sql(
            SELECT
                + "WHERE pacticipant_id = :id AND id IN (SELECT t.version_id FROM tag t WHERE "
                + "t.pacticipant_id = :id AND t.name = :tag) ORDER BY id DESC")
        .param("id", pacticipantId)
        .param("tag", tag)
        .query(Version::row)
        .list();
  }

  /**
   * Whether the number of a new version may be a branch name (V6; the can-i-deploy explanation
   * names versions numbered like a branch): main, master, develop or a branch of the pacticipant.
   */
  static final String BRANCH_NAMED =
      "CASE WHEN :number IN ('main', 'master', 'develop') OR EXISTS (SELECT 1 FROM branch b "
          + "WHERE b.pacticipant_id = :pacticipantId AND b.name = :number) THEN TRUE ELSE FALSE END";

  /** Inserts the new version and gives it the generated id. */
  Version insert(Version v) {
    v.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO version (pacticipant_id, number, build_url, created_at, branch_named) "
                        + "VALUES (:pacticipantId, :number, :buildUrl, :createdAt, "
                        + BRANCH_NAMED
                        + ")")
                .param("pacticipantId", v.getPacticipantId())
                .param("number", v.getNumber())
                .param("buildUrl", v.getBuildUrl(), Types.VARCHAR)
                .param("createdAt", v.getCreatedAt(), Types.TIMESTAMP)));
    return v;
  }

  /** Writes the one column a stored version may change: its build URL. */
  void update(Version v) {
    jdbc.sql("UPDATE version SET build_url = :buildUrl WHERE id = :id")
        .param("buildUrl", v.getBuildUrl(), Types.VARCHAR)
        .param("id", v.getId())
        .update();
  }

  /** Deletes the version; the database deletes its pacts, results, tags, ... (cascade). */
  void delete(Version v) {
    jdbc.sql("DELETE FROM version WHERE id = ?").param(v.getId()).update();
  }
}
