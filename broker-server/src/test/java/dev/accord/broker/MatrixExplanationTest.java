package dev.accord.broker;

import static dev.accord.broker.RunningBroker.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The can-i-deploy "unknown" explanation reads the flags of V6 (the latest result of each content
 * and provider version, versions numbered like a branch) instead of every verification: the broker
 * keeps them as results are retried and deleted and as branches appear, and the explanation stays
 * the one the whole history gives. On PostgreSQL and on the embedded H2 default.
 */
class MatrixExplanationTest {

  @Test
  void onPostgres() {
    try (RunningBroker broker = RunningBroker.onPostgres()) {
      explanationFollowsRetriesDeletionsAndNewBranches(broker);
    }
  }

  @Test
  void onH2(@TempDir Path dir) {
    try (RunningBroker broker = RunningBroker.onH2(dir)) {
      explanationFollowsRetriesDeletionsAndNewBranches(broker);
    }
  }

  private static void explanationFollowsRetriesDeletionsAndNewBranches(RunningBroker broker) {
    // GIVEN Api's version ret1 failed then passed, flip2 passed then failed, good3 passed; new4
    // (never verified) is in production
    broker.publish("Web", "w1", "main", "Api", "a");
    verify(broker, "ret1", false);
    verify(broker, "ret1", true);
    verify(broker, "flip2", true);
    String flip2Failed = verify(broker, "flip2", false);
    verify(broker, "good3", true);
    deployUnverifiedApiToProd(broker);

    // THEN a version's outcome is that of its latest result, newest version first
    assertThat(reason(broker))
        .contains(
            "It was verified successfully by Api version(s) good3, ret1, not by this one: deploy a successfully verified version, "
                + "or run the verification against Api new4 and publish the results. Its verification by Api version(s) flip2 FAILED: "
                + "do not deploy those.");

    // WHEN flip2's failed result is deleted, its earlier success is its latest result again
    HttpResponse<String> deleted = broker.delete(flip2Failed);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(reason(broker))
        .contains(
            "It was verified successfully by Api version(s) good3, flip2, ret1, not by this one: deploy a successfully verified "
                + "version, or run the verification against Api new4 and publish the results.")
        .doesNotContain("FAILED");

    // WHEN a fourth version passes, the three newest are named
    verify(broker, "feature-x", true);
    assertThat(reason(broker))
        .contains(
            "It was verified successfully by Api version(s) feature-x, good3, flip2, not by this one");

    // WHEN a branch named like that version appears afterwards, the version is a branch name
    assertThat(
            broker.put("/pacticipants/Api/branches/feature-x/versions/9c1e2d3", "{}").statusCode())
        .isIn(200, 201);
    assertThat(reason(broker))
        .contains(
            "Api verified this pact as version 'feature-x', which is a branch name, not a version: results count for the exact "
                + "provider version they were published under.");
  }

  /** Publishes a result for Web w1's pact and returns the result's URL. */
  private static String verify(RunningBroker broker, String providerVersion, boolean success) {
    JsonNode pact = json(broker.get("/pacts/provider/Api/consumer/Web/version/w1"));
    HttpResponse<String> r =
        broker.post(
            pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
            "{\"providerApplicationVersion\":\""
                + providerVersion
                + "\",\"success\":"
                + success
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).path("_links").path("self").path("href").asString();
  }

  /** Api's version new4, never verified, deployed to a new production environment "prod". */
  static void deployUnverifiedApiToProd(RunningBroker broker) {
    String env =
        json(broker.post("/environments", "{\"name\":\"prod\",\"production\":true}"))
            .path("uuid")
            .asString();
    assertThat(broker.put("/pacticipants/Api/versions/new4", "{}").statusCode()).isEqualTo(201);
    HttpResponse<String> deployed =
        broker.post("/pacticipants/Api/versions/new4/deployed-versions/environment/" + env, "{}");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
  }

  /** The reason of can-i-deploy's "unknown" for Web w1 to prod. */
  static String reason(RunningBroker broker) {
    JsonNode m =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=Web&q[][version]=w1&latestby=cvp&environment=prod"));
    assertThat(m.path("summary").path("deployable").isNull()).as(m.toString()).isTrue();
    return m.path("summary").path("reason").asString();
  }
}
