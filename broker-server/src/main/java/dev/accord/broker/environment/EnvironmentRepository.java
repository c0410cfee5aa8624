package dev.accord.broker.environment;

import dev.accord.broker.database.Inserts;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code environment} table. Every write is a statement of its own, run when called. */
@Component
class EnvironmentRepository {
  private static final String SELECT = "SELECT " + Environment.COLUMNS + " FROM environment ";
  private final JdbcClient jdbc;

  EnvironmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Environment> findByUuid(String uuid) {
    return jdbc.sql(SELECT + "WHERE uuid = ?").param(uuid).query(Environment::row).optional();
  }

  /**
   * The environment row locked for the rest of the transaction: record-deployments into one
   * environment take turns.
   */
  Optional<Environment> lockByUuid(String uuid) {
    return jdbc.sql(SELECT + "WHERE uuid = ? FOR UPDATE")
        .param(uuid)
        .query(Environment::row)
        .optional();
  }

  Optional<Environment> findByName(String name) {
    return jdbc.sql(SELECT + "WHERE name = ?").param(name).query(Environment::row).optional();
  }

  List<Environment> findAllByOrderByNameAsc() {
    return jdbc.sql(SELECT + "ORDER BY name").query(Environment::row).list();
  }

  /** Inserts the new environment and gives it the generated id. */
  Environment insert(Environment e) {
    e.assignId(
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO environment (uuid, name, display_name, production, contacts, created_at, "
                        + "updated_at) VALUES (:uuid, :name, :displayName, :production, :contacts, :createdAt, "
                        + ":updatedAt)")
                .param("uuid", e.getUuid())
                .param("name", e.getName())
                .param("displayName", e.getDisplayName(), Types.VARCHAR)
                .param("production", e.isProduction())
                .param("contacts", e.getContacts(), Types.VARCHAR)
                .param("createdAt", e.getCreatedAt(), Types.TIMESTAMP)
                .param("updatedAt", e.getUpdatedAt(), Types.TIMESTAMP)));
    return e;
  }

  /** Writes every column a stored environment may change. */
  void update(Environment e) {
    jdbc.sql(
            "UPDATE environment SET name = :name, display_name = :displayName, production = :production, "
                + "contacts = :contacts, updated_at = :updatedAt WHERE id = :id")
        .param("name", e.getName())
        .param("displayName", e.getDisplayName(), Types.VARCHAR)
        .param("production", e.isProduction())
        .param("contacts", e.getContacts(), Types.VARCHAR)
        .param("updatedAt", e.getUpdatedAt(), Types.TIMESTAMP)
        .param("id", e.getId())
        .update();
  }

  /** Deletes the environment; the database deletes its deployments and releases (cascade). */
  void delete(Environment e) {
    jdbc.sql("DELETE FROM environment WHERE id = ?").param(e.getId()).update();
  }
}
