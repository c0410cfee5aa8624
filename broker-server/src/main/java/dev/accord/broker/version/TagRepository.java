package dev.accord.broker.version;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code tag} table. Every write is a statement of its own, run when called. */
@Component
class TagRepository {
  private static final String SELECT = "SELECT " + Tag.COLUMNS + " FROM tag ";
  private final JdbcClient jdbc;

  TagRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Tag> findByVersionIdAndName(Long versionId, String name) {
    return jdbc.sql(SELECT + "WHERE version_id = ? AND name = ?")
        .params(versionId, name)
        .query(Tag::row)
        .optional();
  }

  List<Tag> findByVersionIdOrderByIdAsc(Long versionId) {
    return jdbc.sql(SELECT + "WHERE version_id = ? ORDER BY id")
        .param(versionId)
        .query(Tag::row)
        .list();
  }

  List<String> tagNamesOf(Long pacticipantId) {
    return jdbc.sql("SELECT DISTINCT name FROM tag WHERE pacticipant_id = ?")
        .param(pacticipantId)
        .query(String.class)
        .list();
  }

  /** Inserts the new tag and gives it the generated id. */
  Tag insert(Tag t) {
    t.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO tag (version_id, pacticipant_id, name, created_at) "
                        + "VALUES (:versionId, :pacticipantId, :name, :createdAt)")
                .param("versionId", t.getVersionId())
                .param("pacticipantId", t.getPacticipantId())
                .param("name", t.getName())
                .param("createdAt", t.getCreatedAt(), Types.TIMESTAMP)));
    return t;
  }

  void delete(Tag t) {
    jdbc.sql("DELETE FROM tag WHERE id = ?").param(t.getId()).update();
  }
}
