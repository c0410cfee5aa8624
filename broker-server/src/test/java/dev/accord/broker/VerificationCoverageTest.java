package dev.accord.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A verification result carrying Accord's coverage: stored, served back by the API, shown on the
 * integration page.
 */
class VerificationCoverageTest {
  static RunningBroker broker;

  static final String COVERAGE =
      """
      {"interactions":3,"verified":2,"passed":1,"failed":1,"pending":0,"filteredOut":1,"notRun":0,
       "providerStates":[{"name":"user 42 exists","interactions":2,"passed":1,"failed":1,"notRun":0,"setupFailures":0,
         "outcome":"1 failed"}],
       "endpoints":[{"method":"GET","path":"/users/{param}","interactions":[
         {"name":"cov-web \u00b7 user 42 [given user 42 exists]","outcome":"passed"},
         {"name":"cov-web \u00b7 user <b>me</b>","outcome":"filtered out"}]}]}
      """;

  @BeforeAll
  static void start() {
    broker = RunningBroker.onPostgres();
    broker.publish("cov-web", "w1", "main", "cov-users", "a user");
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static String publishLink() {
    JsonNode pact =
        Json.parse(broker.get("/pacts/provider/cov-users/consumer/cov-web/version/w1").body());
    return pact.path("_links").path("pb:publish-verification-results").path("href").asString();
  }

  @Test
  void aResultWithCoverageIsReadBackThroughTheApiAndShownOnTheIntegrationPage() {
    // GIVEN a verifier publishes a result with its coverage
    HttpResponse<String> posted =
        broker.post(
            publishLink(),
            "{\"providerApplicationVersion\":\"u1\",\"success\":false,"
                + "\"testResults\":[],\"verifiedBy\":{\"implementation\":\"Accord\",\"version\":\"1\"},\"coverage\":"
                + COVERAGE
                + "}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

    // WHEN the result is read back
    String self = RunningBroker.json(posted).path("_links").path("self").path("href").asString();
    JsonNode read = Json.parse(broker.get(self).body());

    // THEN the coverage is the one published
    assertThat(read.path("coverage")).isEqualTo(Json.parse(COVERAGE));

    // AND the integration page shows it, names escaped
    HttpResponse<String> page =
        broker.get("/ui/pacts/provider/cov-users/consumer/cov-web", "Accept", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h2>Coverage of the latest verification</h2>")
        .contains(
            "3 interactions in the pact: 2 verified (1 passed, 1 failed, 0 pending), 1 filtered out, 0 not run")
        .contains("<td>user 42 exists</td>")
        .contains("<td>1 failed</td>")
        .contains("<code>GET /users/{param}</code>")
        .contains("<li>cov-web \u00b7 user 42 [given user 42 exists] (passed)</li>")
        .contains("<li>cov-web \u00b7 user &lt;b&gt;me&lt;/b&gt; (filtered out)</li>");
  }

  @Test
  void coverageThatIsNotAnObjectIsRefusedNamingTheFieldAndAResultWithoutItHasNone() {
    HttpResponse<String> refused =
        broker.post(
            publishLink(),
            "{\"providerApplicationVersion\":\"u2\",\"success\":true," + "\"coverage\":[1,2]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "coverage must be a JSON object such as {\\\"interactions\\\": 3, \\\"passed\\\": 3}"
                + " (what the verification covered), got array; leave it out when there is none");

    HttpResponse<String> plain =
        broker.post(publishLink(), "{\"providerApplicationVersion\":\"u3\",\"success\":true}");
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
    String self = RunningBroker.json(plain).path("_links").path("self").path("href").asString();
    assertThat(Json.parse(broker.get(self).body()).has("coverage")).isFalse();
    assertThat(
            broker
                .get("/ui/pacts/provider/cov-users/consumer/cov-web", "Accept", "text/html")
                .body())
        .doesNotContain("Coverage of the latest verification");
  }
}
