package dev.accord.broker;

import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * can-i-deploy reads a fixed, small number of SQL statements whatever the number of rows in the
 * answer (the matrix reads are set-based; see benchmarks/HISTORY.md). Counts statements, not time.
 */
class MatrixStatementsTest {
  static RunningBroker broker;
  static String production;

  @BeforeAll
  static void start() {
    broker =
        RunningBroker.onPostgres(
            "spring.main.sources=dev.accord.broker.StatementCounter",
            // no background worker: its polls would be counted with the request's statements
            "accord.webhooks.enabled=false");
    HttpResponse<String> env =
        broker.post("/environments", "{\"name\":\"production\",\"production\":true}");
    assertThat(env.statusCode()).as(env.body()).isEqualTo(201);
    production = Json.parse(env.body()).path("uuid").asString();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  /**
   * A consumer with {@code providers} providers, each deployed in production with a version that
   * verified an older pact only.
   */
  private static void seed(String consumer, int providers) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < providers; i++) {
      names.add(consumer + "Prov" + i);
      names.add("old");
    }
    ok(
        broker.post(
            "/contracts/publish",
            publishBody(consumer, "c1", "main", names.toArray(String[]::new))));
    for (int i = 0; i < names.size(); i += 2) {
      names.set(i + 1, "new");
    }
    ok(
        broker.post(
            "/contracts/publish",
            publishBody(consumer, "c2", "main", names.toArray(String[]::new))));
    for (int i = 0; i < providers; i++) {
      String provider = consumer + "Prov" + i;
      ok(broker.put("/pacticipants/" + provider + "/versions/p1", "{}"));
      ok(broker.put("/pacticipants/" + provider + "/versions/p1/tags/prod", "{}"));
      JsonNode pact =
          Json.parse(
              broker
                  .get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/c1")
                  .body());
      ok(
          broker.post(
              pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
              "{\"providerApplicationVersion\":\"p1\",\"success\":true}"));
      ok(
          broker.post(
              "/pacticipants/"
                  + provider
                  + "/versions/p1/deployed-versions/environment/"
                  + production,
              "{}"));
    }
  }

  private static long statements(String path) {
    long before = StatementCounter.STATEMENTS.get();
    HttpResponse<String> r = broker.get(path, "Accept", "application/hal+json");
    long used = StatementCounter.STATEMENTS.get() - before;
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return used;
  }

  @Test
  void anUnknownAnswerTakesTheSameFewStatementsForTwoProvidersAsForEight() {
    seed("Two", 2);
    seed("Eight", 8);
    String q = "/matrix?q[][pacticipant]=%s&q[][version]=c2&latestby=cvp&environment=production";
    statements(q.formatted("Two")); // warm up
    long two = statements(q.formatted("Two"));
    long eight = statements(q.formatted("Eight"));
    System.out.println(
        "can-i-deploy 'unknown' statements: 2 providers " + two + ", 8 providers " + eight);
    JsonNode answer = Json.parse(broker.get(q.formatted("Eight")).body());
    assertThat(answer.path("summary").path("unknown").asInt()).isEqualTo(8);
    assertThat(eight).isEqualTo(two);
    // the pacticipant, version and environment; the pacts and integrations with their counterparts;
    // the counterparts' versions in production with their branches and tags; the latest
    // verifications with the hints of the same contents
    assertThat(two).isEqualTo(4);

    long yes =
        statements(
            "/matrix?q[][pacticipant]=Eight&q[][version]=c1&latestby=cvp&environment=production");
    long toTag = statements("/matrix?q[][pacticipant]=Eight&q[][version]=c1&latestby=cvp&tag=prod");
    System.out.println(
        "can-i-deploy 'yes' statements: "
            + yes
            + "; to a tag (one latest-tag lookup per provider): "
            + toTag);
    assertThat(yes).isEqualTo(two);

    // a provider version: the versions of its consumer in production come with their pacts
    ok(
        broker.post(
            "/pacticipants/Eight/versions/c1/deployed-versions/environment/" + production, "{}"));
    String provider =
        "/matrix?q[][pacticipant]=EightProv0&q[][version]=p1&latestby=cvp&environment=production";
    statements(provider); // warm up
    assertThat(statements(provider)).isEqualTo(4);
  }

  @Test
  void anUnknownAnswerWithMoreContentsThanOneExplanationStatementTakesStillExplainsEachRow() {
    // GIVEN a consumer version whose 30 pacts no provider version in production has verified
    seed("Thirty", 30);
    String q =
        "/matrix?q[][pacticipant]=Thirty&q[][version]=c2&latestby=cvp&environment=production";
    statements(q); // warm up
    // WHEN it asks
    long used = statements(q);
    JsonNode answer = Json.parse(broker.get(q).body());
    // THEN every row is explained, from the latest verifications and then the explanations in
    // statements of 25 contents (two more statements than when the explanations of few contents
    // come with the latest verifications)
    assertThat(answer.path("summary").path("unknown").asInt()).isEqualTo(30);
    List<String> warnings = new ArrayList<>();
    answer
        .path("notices")
        .forEach(
            n -> {
              if (n.path("type").asString().equals("warning")
                  && n.path("text").asString().startsWith("There is no verified pact")) {
                warnings.add(n.path("text").asString());
              }
            });
    assertThat(warnings)
        .hasSize(30)
        .allSatisfy(text -> assertThat(text).contains("has never verified this pact content"));
    assertThat(used).isEqualTo(6);
  }

  @Test
  void timestampsReadByTheMatrixSqlAreTheOnesTheOtherResourcesShow() {
    seed("Clock", 1);
    JsonNode row =
        Json.parse(
                broker
                    .get(
                        "/matrix?q[][pacticipant]=Clock&q[][version]=c1&latestby=cvp&environment=production")
                    .body())
            .path("matrix")
            .get(0);
    JsonNode verification =
        Json.parse(
            broker
                .get(
                    row.path("verificationResult")
                        .path("_links")
                        .path("self")
                        .path("href")
                        .asString())
                .body());
    assertThat(row.path("verificationResult").path("verifiedAt").asString())
        .isNotBlank()
        .isEqualTo(verification.path("verificationDate").asString());
    JsonNode pact =
        Json.parse(
            broker
                .get(row.path("pact").path("_links").path("self").path("href").asString())
                .body());
    assertThat(row.path("pact").path("createdAt").asString())
        .isNotBlank()
        .isEqualTo(pact.path("createdAt").asString());
  }

  @Test
  void aSelectorResolvingToMoreVersionsThanPostgresTakesParametersIsStillAnswered()
      throws Exception {
    seed("Huge", 1);
    // 70,000 more versions of HugeProv0 tagged 'old', written by SQL (PostgreSQL binds at most
    // 65,535 parameters per statement)
    try (java.sql.Connection c = broker.sql();
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO version (pacticipant_id, number, created_at) SELECT p.id, 'bulk-' || g, now() FROM pacticipant p, "
              + "generate_series(1, 70000) g WHERE p.name = 'HugeProv0'");
      st.execute(
          "INSERT INTO tag (version_id, pacticipant_id, name, created_at) SELECT v.id, v.pacticipant_id, 'old', now() FROM version v "
              + "JOIN pacticipant p ON p.id = v.pacticipant_id WHERE p.name = 'HugeProv0' AND v.number LIKE 'bulk-%'");
    }
    HttpResponse<String> r =
        broker.get(
            "/matrix?q[][pacticipant]=HugeProv0&q[][tag]=old&latestby=cvp&environment=production&limit=5");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    // no version of the consumer Huge is in production, so nothing is required of the 70,000
    // provider versions
    JsonNode summary = Json.parse(r.body()).path("summary");
    assertThat(summary.path("deployable").asBoolean()).isTrue();
    assertThat(summary.path("reason").asString()).isEqualTo("There are no missing dependencies");
  }

  private static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isBetween(200, 299);
  }
}
