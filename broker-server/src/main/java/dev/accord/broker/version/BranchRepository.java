package dev.accord.broker.version;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code branch} table. Every write is a statement of its own, run when called. */
@Component
class BranchRepository {
  private static final String SELECT = "SELECT " + Branch.COLUMNS + " FROM branch ";
  private final JdbcClient jdbc;

  BranchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Branch> findByPacticipantIdAndName(Long pacticipantId, String name) {
    return jdbc.sql(SELECT + "WHERE pacticipant_id = ? AND name = ?")
        .params(pacticipantId, name)
        .query(Branch::row)
        .optional();
  }

  List<Branch> findByPacticipantIdOrderByNameAsc(Long pacticipantId) {
    return jdbc.sql(SELECT + "WHERE pacticipant_id = ? ORDER BY name")
        .param(pacticipantId)
        .query(Branch::row)
        .list();
  }

  /** Inserts the new branch and gives it the generated id. */
  Branch insert(Branch b) {
    b.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO branch (pacticipant_id, name, head_version_id, created_at, updated_at) "
                        + "VALUES (:pacticipantId, :name, :head, :createdAt, :updatedAt)")
                .param("pacticipantId", b.getPacticipantId())
                .param("name", b.getName())
                .param("head", b.getHeadVersionId(), Types.BIGINT)
                .param("createdAt", b.getCreatedAt(), Types.TIMESTAMP)
                .param("updatedAt", b.getUpdatedAt(), Types.TIMESTAMP)));
    // a version already numbered like the new branch may now be a branch name (V6)
    jdbc.sql(
            "UPDATE version SET branch_named = TRUE WHERE pacticipant_id = ? AND number = ? "
                + "AND branch_named = FALSE")
        .params(b.getPacticipantId(), b.getName())
        .update();
    return b;
  }

  /** Writes the head of a stored branch (the columns a branch may change). */
  void update(Branch b) {
    jdbc.sql("UPDATE branch SET head_version_id = :head, updated_at = :updatedAt WHERE id = :id")
        .param("head", b.getHeadVersionId(), Types.BIGINT)
        .param("updatedAt", b.getUpdatedAt(), Types.TIMESTAMP)
        .param("id", b.getId())
        .update();
  }

  /** Deletes the branch; the database deletes its memberships (cascade). */
  void delete(Branch b) {
    jdbc.sql("DELETE FROM branch WHERE id = ?").param(b.getId()).update();
  }
}
