package dev.accord.broker;

import static dev.accord.broker.RunningBroker.json;
import static dev.accord.broker.RunningBroker.publishBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The deploy gate never misleads: hints, branch-named versions, look-alike names, and retries that
 * cannot duplicate a result.
 */
class DeployGateTest {
  static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker = RunningBroker.onPostgres();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  private static String resultsUrl(String provider, String consumer, String consumerVersion) {
    JsonNode pact =
        json(
            broker.get(
                "/pacts/provider/"
                    + provider
                    + "/consumer/"
                    + consumer
                    + "/version/"
                    + consumerVersion));
    return pact.path("_links").path("pb:publish-verification-results").path("href").asString();
  }

  private static HttpResponse<String> verify(
      String provider,
      String consumer,
      String consumerVersion,
      String providerVersion,
      boolean success) {
    HttpResponse<String> r =
        broker.post(
            resultsUrl(provider, consumer, consumerVersion),
            "{\"providerApplicationVersion\":\""
                + providerVersion
                + "\",\"success\":"
                + success
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r;
  }

  private static String createEnvironment(String name) {
    return json(broker.post("/environments", "{\"name\":\"" + name + "\",\"production\":true}"))
        .path("uuid")
        .asString();
  }

  private static void deploy(String pacticipant, String version, String envUuid) {
    broker.put("/pacticipants/" + pacticipant + "/versions/" + version, "{}");
    HttpResponse<String> r =
        broker.post(
            "/pacticipants/"
                + pacticipant
                + "/versions/"
                + version
                + "/deployed-versions/environment/"
                + envUuid,
            "{}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static List<String> noticeTexts(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.path("notices").forEach(n -> out.add(n.path("text").asString()));
    return out;
  }

  @Test
  void theHintNeverRecommendsAProviderVersionWhoseVerificationOfTheContentFailed() {
    // GIVEN products version bad1 verified the orders pact and FAILED; products new1 (never
    // verified) is in production
    String env = createEnvironment("gate-prod-1");
    broker.publish("GateOrders", "o1", "main", "GateProducts", "a");
    verify("GateProducts", "GateOrders", "o1", "bad1", false);
    deploy("GateProducts", "new1", env);

    // WHEN can-i-deploy asks for the orders version
    JsonNode m =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=GateOrders&q[][version]=o1&latestby=cvpv&environment=gate-prod-1"));

    // THEN the answer is unknown, and the hint names bad1 as failed, not as a version to deploy
    assertThat(m.path("summary").has("deployable")).isTrue();
    assertThat(m.path("summary").path("deployable").isNull()).isTrue();
    String reason = m.path("summary").path("reason").asString();
    assertThat(reason)
        .doesNotContain("deploy a verified version")
        .doesNotContain("It was verified by")
        .contains(
            "No version of GateProducts has verified it successfully: the verification by GateProducts version(s) bad1 FAILED, "
                + "so do not deploy those; fix GateProducts or the pact, then run the verification against GateProducts new1 and publish the results.");
  }

  @Test
  void
      theHintRecommendsOnlyTheVersionsThatVerifiedTheContentSuccessfullyAndWarnsAboutTheFailedOnes() {
    // GIVEN good1 verified the pact successfully, bad2 verified it and failed, and new2 (never
    // verified) is in production
    String env = createEnvironment("gate-prod-2");
    broker.publish("GateCart", "c1", "main", "GateStock", "a");
    verify("GateStock", "GateCart", "c1", "good1", true);
    verify("GateStock", "GateCart", "c1", "bad2", false);
    deploy("GateStock", "new2", env);

    JsonNode m =
        json(
            broker.get(
                "/matrix?q[][pacticipant]=GateCart&q[][version]=c1&latestby=cvpv&environment=gate-prod-2"));

    assertThat(m.path("summary").path("reason").asString())
        .contains(
            "It was verified successfully by GateStock version(s) good1, not by this one: deploy a successfully verified version, "
                + "or run the verification against GateStock new2 and publish the results. Its verification by GateStock version(s) bad2 FAILED: "
                + "do not deploy those.");
  }

  @Test
  void aProviderVersionThatLooksLikeABranchNameIsAcceptedWithANoticeToUseTheGitSha() {
    broker.publish("GateWeb", "w1", "main", "GateApi", "a");

    HttpResponse<String> branchNamed = verify("GateApi", "GateWeb", "w1", "main", true);
    HttpResponse<String> sha = verify("GateApi", "GateWeb", "w1", "3f2a9c1", true);

    assertThat(noticeTexts(json(branchNamed)))
        .containsExactly(
            "Provider version 'main' of GateApi looks like a branch name, not a version: "
                + "it was accepted and filed under the version number 'main', which every build of that branch would share, so can-i-deploy cannot "
                + "tell them apart. Use the git SHA as the version and give the branch separately "
                + "(pact verifier --provider-version $GIT_SHA --provider-branch main).");
    assertThat(noticeTexts(json(sha))).isEmpty();
  }

  @Test
  void aProviderVersionNamedLikeAKnownBranchOfTheProviderGetsTheNoticeToo() {
    broker.publish("GateWeb2", "w1", "main", "GateApi2", "a");
    broker.put("/pacticipants/GateApi2/branches/feature-login/versions/9c1e2d3", "{}");

    HttpResponse<String> r = verify("GateApi2", "GateWeb2", "w1", "feature-login", true);

    assertThat(noticeTexts(json(r)))
        .singleElement()
        .asString()
        .startsWith("Provider version 'feature-login' of GateApi2 looks like a branch name");
  }

  @Test
  void aConsumerVersionEqualToTheBranchItIsPublishedOnGetsAWarningInThePublishResponse() {
    HttpResponse<String> r =
        broker.post(
            "/contracts/publish", publishBody("GateMobile", "release", "release", "GateApi3", "a"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(noticeTexts(json(r)))
        .contains(
            "Consumer version 'release' of GateMobile looks like a branch name, not a version: it was accepted and "
                + "filed under the version number 'release', which every build of that branch would share, so can-i-deploy cannot tell them apart. "
                + "Use the git SHA as the version and give the branch separately (pact broker publish --consumer-app-version $GIT_SHA --branch release).");
  }

  @Test
  void publishingALookAlikeOfAnExistingPacticipantNameIsRefusedWithThePactBrokersNotice() {
    // GIVEN "GateFoo Service" exists
    broker.publish("GateFoo Service", "1", "main", "GateBar", "a");

    // WHEN a pact is published for "gatefoo-service"
    HttpResponse<String> r =
        broker.post(
            "/contracts/publish", publishBody("gatefoo-service", "1", "main", "GateBar", "a"));

    // THEN 409 with the Pact Broker's wording, and nothing was created
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    String text = json(r).path("notices").get(0).path("text").asString();
    assertThat(text)
        .startsWith(
            "This is the first time a pact has been published for \"gatefoo-service\".\n"
                + "The name \"gatefoo-service\" is very similar to the following existing consumers/providers:\n"
                + "* GateFoo Service\n"
                + "If you meant to specify one of the above names, please correct the pact configuration, and re-publish the pact.\n"
                + "If the pact is intended to be for a new consumer or provider, please manually create \"gatefoo-service\" using the following "
                + "command, and then re-publish the pact:\n"
                + "$ curl -v -XPOST -H \"Content-Type: application/json\" -d '{\"name\": \"gatefoo-service\"}' "
                + broker.baseUrl
                + "/pacticipants\n");
    assertThat(text)
        .endsWith(
            "To disable this check, set accord.broker.check-for-potential-duplicate-pacticipant-names=false "
                + "(env ACCORD_BROKER_CHECK_FOR_POTENTIAL_DUPLICATE_PACTICIPANT_NAMES=false).");
    assertThat(json(r).path("errors").path("pacticipantName").get(0).asString()).isEqualTo(text);
    assertThat(broker.get("/pacticipants/gatefoo-service").statusCode()).isEqualTo(404);

    // AND creating it explicitly first says it is meant: then the publication is accepted
    assertThat(broker.post("/pacticipants", "{\"name\":\"gatefoo-service\"}").statusCode())
        .isEqualTo(201);
    assertThat(
            broker
                .post(
                    "/contracts/publish",
                    publishBody("gatefoo-service", "1", "main", "GateBar", "a"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void theLookAlikeCheckCanBeSwitchedOff(@TempDir Path dir) {
    try (RunningBroker lenient =
        RunningBroker.onH2(
            dir, "accord.broker.check-for-potential-duplicate-pacticipant-names=false")) {
      assertThat(
              lenient
                  .post("/contracts/publish", publishBody("Foo", "1", "main", "Bar", "a"))
                  .statusCode())
          .isEqualTo(200);

      HttpResponse<String> r =
          lenient.post("/contracts/publish", publishBody("foo", "1", "main", "Bar", "a"));

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(lenient.get("/pacticipants/foo").statusCode()).isEqualTo(200);
    }
  }

  /**
   * A proxy in front of the broker that forwards every request but drops the answer to the first
   * POST of a verification result (closes the connection without a response), as a load balancer
   * timing out would.
   */
  static final class DroppingProxy implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger verificationPosts = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    DroppingProxy(String target) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try {
              HttpRequest.Builder b =
                  HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                      .method(
                          exchange.getRequestMethod(),
                          HttpRequest.BodyPublishers.ofByteArray(
                              exchange.getRequestBody().readAllBytes()));
              for (String h : List.of("Content-Type", "Accept", "Idempotency-Key")) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                  b.header(h, v);
                }
              }
              HttpResponse<byte[]> answer =
                  http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
              boolean drop =
                  exchange.getRequestMethod().equals("POST")
                      && exchange.getRequestURI().getPath().endsWith("/verification-results")
                      && verificationPosts.incrementAndGet() == 1;
              if (drop) {
                return; // the broker has acted on it; the client never hears
              }
              answer
                  .headers()
                  .firstValue("Content-Type")
                  .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
              answer
                  .headers()
                  .firstValue("Idempotent-Replayed")
                  .ifPresent(v -> exchange.getResponseHeaders().add("Idempotent-Replayed", v));
              exchange.sendResponseHeaders(
                  answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
              exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              exchange.close();
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void aVerificationResultRetriedWithItsIdempotencyKeyAfterALostAnswerIsRecordedOnce()
      throws Exception {
    broker.publish("GateRetryC", "r1", "main", "GateRetryP", "a");
    String path = URI.create(resultsUrl("GateRetryP", "GateRetryC", "r1")).getPath();
    String key = UUID.randomUUID().toString();
    String body = "{\"providerApplicationVersion\":\"9f8e7d6\",\"success\":true}";
    HttpClient client = HttpClient.newHttpClient();
    try (DroppingProxy proxy = new DroppingProxy(broker.baseUrl)) {
      HttpRequest post =
          HttpRequest.newBuilder(URI.create(proxy.url() + path))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();

      // WHEN the first answer is lost and the client sends the same request again with the same key
      assertThatThrownBy(() -> client.send(post, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
      HttpResponse<String> retried = client.send(post, HttpResponse.BodyHandlers.ofString());

      // THEN the broker answers with the result it recorded the first time, and only one exists
      assertThat(proxy.verificationPosts.get()).isEqualTo(2);
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
      assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(
              broker.count(
                  "verification WHERE provider_id = (SELECT id FROM pacticipant WHERE name = 'GateRetryP')"))
          .isEqualTo(1);
      assertThat(json(retried).path("providerApplicationVersion").asString()).isEqualTo("9f8e7d6");
    }
  }

  @Test
  void anIdempotencyKeyReusedForADifferentResultIsRefused() throws Exception {
    broker.publish("GateKeyC", "k1", "main", "GateKeyP", "a");
    String url = resultsUrl("GateKeyP", "GateKeyC", "k1");
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first =
        broker.post(
            url,
            "{\"providerApplicationVersion\":\"aaa111\",\"success\":true}",
            "Idempotency-Key",
            key);
    HttpResponse<String> other =
        broker.post(
            url,
            "{\"providerApplicationVersion\":\"bbb222\",\"success\":false}",
            "Idempotency-Key",
            key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
    assertThat(json(other).path("errors").get(0).asString())
        .isEqualTo(
            "The Idempotency-Key '"
                + key
                + "' was already used for another "
                + "verification result of GateKeyP (version aaa111, success true, pact content "
                + url.replaceAll(".*/pact-version/([^/]+)/.*", "$1")
                + "); send a new key with each new result, and the same key only when retrying the same request.");
    assertThat(
            broker.count(
                "verification WHERE provider_id = (SELECT id FROM pacticipant WHERE name = 'GateKeyP')"))
        .isEqualTo(1);
  }
}
