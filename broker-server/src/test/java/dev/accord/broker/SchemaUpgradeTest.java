package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GIVEN a database that a broker of the previous schema (V5) wrote, with retried and flipped
 * verification results and a branch named like a version, WHEN this broker starts on it (Flyway
 * applies V6), THEN the flags V6 adds are backfilled to what the whole history says and the
 * can-i-deploy explanation is the one that history gives. On PostgreSQL and on the embedded H2
 * default.
 */
class SchemaUpgradeTest {

  @Test
  void onPostgres() throws SQLException {
    String server = OwnedPostgres.sharedJdbcBase();
    String db = RunningBroker.createDatabase(server);
    String url = server + db;
    writeAsVersion5(url, "postgres", "TEXT");
    try (RunningBroker broker = RunningBroker.onPostgresDatabase(server, db)) {
      upgradedHistoryAnswersAsBefore(broker);
    }
  }

  @Test
  void onH2(@TempDir Path dir) throws SQLException {
    String url =
        "jdbc:h2:file:" + dir.resolve("broker").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    writeAsVersion5(url, "sa", "CHARACTER VARYING(1000000000)");
    try (RunningBroker broker = RunningBroker.onH2Url(url)) {
      upgradedHistoryAnswersAsBefore(broker);
    }
  }

  /** The schema up to V5, and rows as a V5 broker wrote them (no V6 column exists yet). */
  private static void writeAsVersion5(String url, String user, String longText)
      throws SQLException {
    Flyway.configure()
        .dataSource(url, user, "")
        .locations("classpath:db/migration")
        .placeholders(Map.of("long_text", longText))
        .target("5")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      String now = "TIMESTAMP '2026-11-01 10:00:00'";
      s.execute(
          "INSERT INTO pacticipant (name, created_at, updated_at) VALUES ('Web', "
              + now
              + ", "
              + now
              + "), ('Api', "
              + now
              + ", "
              + now
              + ")");
      version(s, "Web", "w1");
      // Api's versions in the order they were created: ret1 failed then passed, flip2 passed then
      // failed, good3 passed twice, feature-x passed (and a branch of that name exists), develop
      // was never verified
      for (String number : List.of("ret1", "flip2", "good3", "feature-x", "9c1e2d3", "develop")) {
        version(s, "Api", number);
      }
      s.execute(
          "INSERT INTO branch (pacticipant_id, name, head_version_id, created_at, updated_at) "
              + "SELECT p.id, 'feature-x', v.id, "
              + now
              + ", "
              + now
              + " FROM pacticipant p JOIN version v ON v.pacticipant_id = p.id AND v.number = '9c1e2d3' "
              + "WHERE p.name = 'Api'");
      s.execute(
          "INSERT INTO branch_version (branch_id, version_id, created_at) SELECT b.id, b.head_version_id, "
              + now
              + " FROM branch b");
      s.execute(
          "INSERT INTO pact_content (consumer_id, provider_id, sha, content, created_at) "
              + "SELECT w.id, a.id, 'c0ffee', '{\"consumer\":{\"name\":\"Web\"},\"provider\":{\"name\":\"Api\"},"
              + "\"interactions\":[],\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}', "
              + now
              + " FROM pacticipant w, pacticipant a WHERE w.name = 'Web' AND a.name = 'Api'");
      s.execute(
          "INSERT INTO pact_publication (consumer_version_id, consumer_id, provider_id, pact_content_id, "
              + "created_at) SELECT v.id, v.pacticipant_id, c.provider_id, c.id, "
              + now
              + " FROM version v JOIN pact_content c ON c.consumer_id = v.pacticipant_id WHERE v.number = 'w1'");
      String[][] results = {
        {"ret1", "FALSE"},
        {"ret1", "TRUE"},
        {"flip2", "TRUE"},
        {"flip2", "FALSE"},
        {"good3", "TRUE"},
        {"good3", "TRUE"},
        {"feature-x", "TRUE"}
      };
      for (String[] result : results) {
        s.execute(
            "INSERT INTO verification (pact_content_id, provider_version_id, consumer_id, provider_id, "
                + "success, wip, created_at) SELECT c.id, v.id, c.consumer_id, c.provider_id, "
                + result[1]
                + ", FALSE, "
                + now
                + " FROM pact_content c JOIN version v ON v.pacticipant_id = c.provider_id AND v.number = '"
                + result[0]
                + "'");
      }
    }
  }

  private static void version(Statement s, String pacticipant, String number) throws SQLException {
    s.execute(
        "INSERT INTO version (pacticipant_id, number, created_at) SELECT id, '"
            + number
            + "', TIMESTAMP '2026-11-01 10:00:00' FROM pacticipant WHERE name = '"
            + pacticipant
            + "'");
  }

  private static void upgradedHistoryAnswersAsBefore(RunningBroker broker) {
    try (Connection c = broker.sql();
        Statement s = c.createStatement()) {
      // THEN the newest result of each (content, provider version) is its latest, and only that
      assertThat(
              strings(
                  s,
                  "SELECT v.number, r.success, r.latest FROM verification r "
                      + "JOIN version v ON v.id = r.provider_version_id ORDER BY r.id"))
          .containsExactly(
              "ret1 false false",
              "ret1 true true",
              "flip2 true false",
              "flip2 false true",
              "good3 true false",
              "good3 true true",
              "feature-x true true");
      // and a version is flagged as numbered like a branch when it is main, master, develop or a
      // branch of its pacticipant
      assertThat(strings(s, "SELECT number FROM version WHERE branch_named = TRUE ORDER BY number"))
          .containsExactly("develop", "feature-x");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }

    // WHEN a never verified version is deployed to production
    MatrixExplanationTest.deployUnverifiedApiToProd(broker);

    // THEN can-i-deploy explains "unknown" from the upgraded history: Api verified it under a
    // branch's name
    assertThat(MatrixExplanationTest.reason(broker))
        .contains(
            "Api verified this pact as version 'feature-x', which is a branch name, not a version: results count for the"
                + " exact provider version they were published under.");

    // WHEN that branch is deleted (its flag stays; the explanation checks the branch itself)
    assertThat(broker.delete("/pacticipants/Api/branches/feature-x").statusCode()).isEqualTo(204);

    // THEN the explanation names each version by its latest result, the newest first
    assertThat(MatrixExplanationTest.reason(broker))
        .contains(
            "It was verified successfully by Api version(s) feature-x, good3, ret1, not by this one: deploy a successfully"
                + " verified version, or run the verification against Api new4 and publish the results. Its verification by"
                + " Api version(s) flip2 FAILED: do not deploy those.")
        .doesNotContain("branch name");
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          cells.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join(" ", cells));
      }
    }
    return rows;
  }
}
