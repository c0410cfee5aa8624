package dev.accord.broker;

import static dev.accord.broker.PublishTraffic.CONSUMER;
import static dev.accord.broker.PublishTraffic.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIVEN a broker process receiving a stream of publishes and verification results, WHEN it is
 * killed with SIGKILL mid-stream (twice on H2, once on PostgreSQL) and started again on the same
 * database, THEN every publish and verification it acknowledged is stored, and no publish or
 * verification is half-written (a version without its pact, a provider version without its result).
 */
class CrashDurabilityTest {
  /**
   * Two kills on H2 (the embedded default, where writes were lost), one on PostgreSQL; each kill
   * costs a JVM start.
   */
  static final int KILLS_ON_H2 = 2;

  static final int KILLS_ON_POSTGRES = 1;
  static final int ACKS_BETWEEN_KILLS = 20;
  private static final Duration PHASE_LIMIT = Duration.ofMinutes(2);

  @TempDir Path dir;

  @Test
  void kill9DuringTrafficLosesNoAcknowledgedWriteOnH2() throws Exception {
    String url =
        "jdbc:h2:file:" + dir.resolve("broker").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    String report =
        killNineDuringTraffic(
            url, "sa", () -> DriverManager.getConnection(url, "sa", ""), "h2", KILLS_ON_H2);
    System.out.println("[CrashDurabilityTest] H2: " + report);
  }

  @Test
  void kill9DuringTrafficLosesNoAcknowledgedWriteOnPostgres() throws Exception {
    String server = OwnedPostgres.sharedJdbcBase();
    String db = RunningBroker.createDatabase(server);
    try {
      String report =
          killNineDuringTraffic(
              server + db,
              "postgres",
              () -> DriverManager.getConnection(server + db, "postgres", ""),
              "postgres",
              KILLS_ON_POSTGRES);
      System.out.println("[CrashDurabilityTest] PostgreSQL: " + report);
    } finally {
      try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  interface Sql {
    Connection open() throws SQLException;
  }

  private String killNineDuringTraffic(String jdbcUrl, String user, Sql sql, String name, int kills)
      throws Exception {
    PublishTraffic traffic;
    Path log = Path.of("target", "crash-durability-" + name + ".log");
    java.nio.file.Files.deleteIfExists(log);
    try (BrokerProcess broker = BrokerProcess.start(jdbcUrl, user, log)) {
      traffic = new PublishTraffic(broker.baseUrl, Duration.ofSeconds(30));
      try (traffic) {
        for (int kill = 1; kill <= kills; kill++) {
          traffic.awaitAcknowledged(kill * ACKS_BETWEEN_KILLS, PHASE_LIMIT);
          broker.kill9();
          broker.restart();
        }
      }
      // WHEN the broker is back, THEN it answers for everything it acknowledged before each SIGKILL
      HttpClient http = HttpClient.newHttpClient();
      List<String> missing = new ArrayList<>();
      for (int i : traffic.acknowledgedPublishes) {
        HttpResponse<String> pact =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            broker.baseUrl
                                + "/pacts/provider/"
                                + PROVIDER
                                + "/consumer/"
                                + CONSUMER
                                + "/version/"
                                + i))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (pact.statusCode() != 200
            || !("n" + i)
                .equals(
                    Json.parse(pact.body())
                        .path("interactions")
                        .path(0)
                        .path("response")
                        .path("body")
                        .path("name")
                        .asString())) {
          missing.add("publish " + i + " -> " + pact.statusCode());
        }
      }
      assertThat(missing)
          .as("acknowledged publishes the restarted broker does not serve")
          .isEmpty();
    }
    assertThat(traffic.otherAnswers)
        .as("answers other than success, 503 or a refused connection")
        .isEmpty();
    // THEN the database holds every acknowledged write and nothing half-written
    try (Connection c = sql.open();
        Statement s = c.createStatement()) {
      Set<Integer> storedPublishes =
          numbers(
              s,
              "SELECT v.number FROM version v JOIN pacticipant p ON p.id = v.pacticipant_id "
                  + "JOIN pact_publication pp ON pp.consumer_version_id = v.id WHERE p.name = '"
                  + CONSUMER
                  + "'",
              "");
      Set<Integer> storedVerifications =
          numbers(
              s,
              "SELECT v.number FROM verification r JOIN version v ON v.id = r.provider_version_id",
              "p");
      long versionsWithoutPact =
          count(
              s,
              "SELECT COUNT(*) FROM version v JOIN pacticipant p ON p.id = v.pacticipant_id WHERE p.name = '"
                  + CONSUMER
                  + "' AND NOT EXISTS (SELECT 1 FROM pact_publication pp WHERE pp.consumer_version_id = v.id)");
      long providerVersionsWithoutResult =
          count(
              s,
              "SELECT COUNT(*) FROM version v JOIN pacticipant p ON p.id = v.pacticipant_id WHERE p.name = '"
                  + PROVIDER
                  + "' AND NOT EXISTS (SELECT 1 FROM verification r WHERE r.provider_version_id = v.id)");
      assertThat(storedPublishes).as("stored publishes").containsAll(traffic.acknowledgedPublishes);
      assertThat(storedVerifications)
          .as("stored verification results")
          .containsAll(traffic.acknowledgedVerifications);
      assertThat(versionsWithoutPact)
          .as("consumer versions stored without their pact (half-written publishes)")
          .isZero();
      assertThat(providerVersionsWithoutResult)
          .as("provider versions stored without their result (half-written verifications)")
          .isZero();
      return kills
          + " x kill -9; publishes attempted "
          + traffic.attempted
          + ", acknowledged "
          + traffic.acknowledgedPublishes.size()
          + ", stored "
          + storedPublishes.size()
          + " (all acknowledged among them); verification results acknowledged "
          + traffic.acknowledgedVerifications.size()
          + ", stored "
          + storedVerifications.size()
          + " (all acknowledged among them); "
          + "half-written: "
          + versionsWithoutPact
          + " versions without pact, "
          + providerVersionsWithoutResult
          + " provider versions without result; "
          + "refused connections while down: "
          + traffic.failedConnections;
    }
  }

  private static Set<Integer> numbers(Statement s, String query, String prefix)
      throws SQLException {
    Set<Integer> numbers = new TreeSet<>();
    try (ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        numbers.add(Integer.parseInt(rs.getString(1).substring(prefix.length())));
      }
    }
    return numbers;
  }

  private static long count(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
