package dev.accord.broker;

import static dev.accord.broker.Refusals.assertRefused;
import static dev.accord.broker.Refusals.firstError;
import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A resource is found by its whole path, never by a number alone; and writes come from clients,
 * never from another web site in a user's browser. On H2, the embedded default.
 */
class ScopedLookupAndWriteGuardTest {
  static RunningBroker broker;

  /** verification-results URL of ProvA/ConsA's result, and the pact-version base of ProvB/ConsB. */
  static String resultA;

  static String pactVersionB;

  @BeforeAll
  static void start() throws Exception {
    broker = RunningBroker.onH2(RunningBroker.tempDir());
    assertThat(
            broker
                .post("/contracts/publish", publishBody("ConsA", "1", "main", "ProvA", "a"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            broker
                .post("/contracts/publish", publishBody("ConsB", "1", "main", "ProvB", "b"))
                .statusCode())
        .isEqualTo(200);
    resultA = verify("ProvA", "ConsA");
    String resultB = verify("ProvB", "ConsB");
    pactVersionB = resultB.substring(0, resultB.indexOf("/verification-results/"));
  }

  private static String verify(String provider, String consumer) {
    JsonNode pact =
        Json.parse(
            broker
                .get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/1")
                .body());
    HttpResponse<String> r =
        broker.post(
            pact.path("_links").path("pb:publish-verification-results").path("href").asString(),
            "{\"providerApplicationVersion\":\"p1\",\"success\":true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.parse(r.body()).path("_links").path("self").path("href").asString();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void aVerificationResultNumberUnderAnotherPairSPathIsNotFoundAndNotDeleted() throws Exception {
    String numberA = resultA.substring(resultA.lastIndexOf('/') + 1);
    // WHEN another pair's path, or a pact version that does not exist, names result A's number
    assertThat(
            firstError(
                assertRefused(
                    broker.delete(pactVersionB + "/verification-results/" + numberA), 404)))
        .startsWith("No verification result " + numberA + " of pact version ");
    assertThat(
            firstError(
                assertRefused(
                    broker.delete(
                        "/pacts/provider/ProvB/consumer/ConsB/pact-version/nonexistent/verification-results/"
                            + numberA),
                    404)))
        .isEqualTo("No pact version nonexistent between ConsB and ProvB");
    assertRefused(broker.get(pactVersionB + "/verification-results/" + numberA), 404);
    assertRefused(
        broker.get(pactVersionB + "/verification-results/" + numberA + "/triggered-webhooks"), 404);
    assertRefused(
        broker.get(
            "/pacts/provider/ProvB/consumer/ConsB/pact-version/nonexistent/verification-results/"
                + numberA
                + "/triggered-webhooks"),
        404);
    // THEN result A is still there, and found under its own path
    assertThat(broker.get(resultA).statusCode()).isEqualTo(200);
    assertThat(broker.get(resultA + "/triggered-webhooks").statusCode()).isEqualTo(200);
    assertThat(broker.count("verification")).isEqualTo(2);
  }

  @Test
  void aVerificationResultIsDeletedUnderItsOwnPath() throws Exception {
    // GIVEN a third result of pair A
    String extra = verify("ProvA", "ConsA");
    // WHEN it is deleted through its own path THEN it is gone
    assertThat(broker.delete(extra).statusCode()).isEqualTo(204);
    assertRefused(broker.get(extra), 404);
  }

  @Test
  void writesWithAFormOrTextContentTypeAreRefused() {
    String environment =
        Json.parse(broker.post("/environments", "{\"name\":\"guarded\"}").body())
            .path("uuid")
            .asString();
    String release = "/pacticipants/ConsA/versions/1/released-versions/environment/" + environment;
    for (String type :
        new String[] {
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "text/plain;charset=UTF-8"
        }) {
      assertThat(firstError(assertRefused(broker.post(release, "x", "Content-Type", type), 415)))
          .isEqualTo(
              "Content-Type "
                  + type.split(";")[0]
                  + " is not accepted for POST: the broker's writes take application/json (or no body). Send Content-Type: application/json.");
      assertRefused(broker.post("/webhooks/any-uuid/execute", "x", "Content-Type", type), 415);
    }
    assertThat(
            Json.parse(broker.get(release).body())
                .path("_embedded")
                .path("releasedVersions")
                .size())
        .as("releases recorded")
        .isZero();
    // the clients' own way still works
    assertThat(broker.post(release, "{}").statusCode()).isEqualTo(201);
  }

  @Test
  void writesFromAnotherOriginAreRefusedAndTheBrokerSOwnOriginPasses() throws Exception {
    String environment =
        Json.parse(broker.post("/environments", "{\"name\":\"origins\"}").body())
            .path("uuid")
            .asString();
    String release = "/pacticipants/ConsB/versions/1/released-versions/environment/" + environment;
    assertThat(
            firstError(
                assertRefused(broker.post(release, "{}", "Origin", "https://evil.example"), 403)))
        .isEqualTo(
            "Cross-origin write refused: POST from Origin 'https://evil.example', which is not this broker ("
                + broker.baseUrl
                + "). Writes come from the "
                + "Pact clients or CI, which send no Origin, or from the broker's own pages; behind a proxy, set accord.broker.base-url to the address browsers use.");
    assertRefused(broker.post(release, "{}", "Origin", "null"), 403);
    assertRefused(
        broker.post("/webhooks/any-uuid/execute", "{}", "Origin", "http://localhost:1"), 403);
    assertRefused(broker.delete(resultA, "Origin", "https://evil.example"), 403);
    assertThat(broker.get(resultA, "Origin", "https://evil.example").statusCode())
        .as("reads are not writes")
        .isEqualTo(200);
    assertThat(broker.post(release, "{}", "Origin", broker.baseUrl).statusCode()).isEqualTo(201);
  }
}
