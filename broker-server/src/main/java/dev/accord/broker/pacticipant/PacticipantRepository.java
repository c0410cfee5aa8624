package dev.accord.broker.pacticipant;

import dev.accord.broker.database.Inserts;
import dev.accord.broker.web.Chunks;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code pacticipant} table. Every write is a statement of its own, run when called. */
@Component
class PacticipantRepository {
  private static final String SELECT = "SELECT " + Pacticipant.COLUMNS + " FROM pacticipant ";
  private final JdbcClient jdbc;

  PacticipantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Pacticipant> findById(Long id) {
    return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(Pacticipant::row).optional();
  }

  Optional<Pacticipant> findByName(String name) {
    return jdbc.sql(SELECT + "WHERE name = ?").param(name).query(Pacticipant::row).optional();
  }

  /** The pacticipants with these ids, in no particular order. */
  List<Pacticipant> findAllById(Collection<Long> ids) {
    List<Pacticipant> out = new ArrayList<>();
    for (List<Long> chunk : Chunks.of(ids)) {
      out.addAll(
          jdbc.sql(SELECT + "WHERE id IN (:ids)")
              .param("ids", chunk)
              .query(Pacticipant::row)
              .list());
    }
    return out;
  }

  List<Pacticipant> findAllByOrderByNameAsc() {
    return jdbc.sql(SELECT + "ORDER BY name").query(Pacticipant::row).list();
  }

  List<Pacticipant> findAllByOrderByNameAsc(long offset, int size) {
    return jdbc.sql(SELECT + "ORDER BY name LIMIT :size OFFSET :offset")
        .param("size", size)
        .param("offset", offset)
        .query(Pacticipant::row)
        .list();
  }

  /**
   * Names containing {@code part} in any case; {@code %} and {@code _} in it are matched literally.
   */
  List<Pacticipant> findByNameContainingIgnoreCaseOrderByNameAsc(
      String part, long offset, int size) {
    String literal = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return jdbc.sql(
            SELECT
                + "WHERE UPPER(name) LIKE UPPER(:pattern) ESCAPE '\\' ORDER BY name "
                + "LIMIT :size OFFSET :offset")
        .param("pattern", "%" + literal + "%")
        .param("size", size)
        .param("offset", offset)
        .query(Pacticipant::row)
        .list();
  }

  /** Inserts the new pacticipant and gives it the generated id. */
  Pacticipant insert(Pacticipant p) {
    p.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO pacticipant (name, display_name, main_branch, repository_url, created_at, "
                        + "updated_at) VALUES (:name, :displayName, :mainBranch, :repositoryUrl, :createdAt, "
                        + ":updatedAt)")
                .param("name", p.getName())
                .param("displayName", p.storedDisplayName(), Types.VARCHAR)
                .param("mainBranch", p.getMainBranch(), Types.VARCHAR)
                .param("repositoryUrl", p.getRepositoryUrl(), Types.VARCHAR)
                .param("createdAt", p.getCreatedAt(), Types.TIMESTAMP)
                .param("updatedAt", p.getUpdatedAt(), Types.TIMESTAMP)));
    return p;
  }

  /** Writes every column of a stored pacticipant. */
  void update(Pacticipant p) {
    jdbc.sql(
            "UPDATE pacticipant SET name = :name, display_name = :displayName, main_branch = :mainBranch, "
                + "repository_url = :repositoryUrl, updated_at = :updatedAt WHERE id = :id")
        .param("name", p.getName())
        .param("displayName", p.storedDisplayName(), Types.VARCHAR)
        .param("mainBranch", p.getMainBranch(), Types.VARCHAR)
        .param("repositoryUrl", p.getRepositoryUrl(), Types.VARCHAR)
        .param("updatedAt", p.getUpdatedAt(), Types.TIMESTAMP)
        .param("id", p.getId())
        .update();
  }

  /** Deletes the pacticipant; the database deletes its versions, pacts, results, ... (cascade). */
  void delete(Pacticipant p) {
    jdbc.sql("DELETE FROM pacticipant WHERE id = ?").param(p.getId()).update();
  }
}
