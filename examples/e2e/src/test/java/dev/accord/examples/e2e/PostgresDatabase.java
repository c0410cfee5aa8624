package dev.accord.examples.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A uniquely named PostgreSQL database on 127.0.0.1:5432 (user postgres, trust auth), dropped at the end.
 * Where PostgreSQL is not reachable the test is skipped with the reason, except on CI ({@code CI=true}),
 * where it fails.
 */
final class PostgresDatabase implements AutoCloseable {
  static final String SERVER = System.getProperty("accord.e2e.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getProperty("accord.e2e.postgres.user", "postgres");

  final String name = "accord_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private PostgresDatabase() {}

  static PostgresDatabase create() {
    PostgresDatabase db = new PostgresDatabase();
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db.name);
    } catch (SQLException e) {
      String why = "PostgreSQL is needed at " + SERVER + " (user " + USER + ", trust auth) for the end-to-end test: "
          + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why, e);
      }
      Assumptions.abort(why + " (skipped; on CI this fails)");
    }
    return db;
  }

  String jdbcUrl() {
    return SERVER + name;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
