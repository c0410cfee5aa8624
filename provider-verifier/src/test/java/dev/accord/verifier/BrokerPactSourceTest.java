package dev.accord.verifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.accord.broker.client.ConsumerVersionSelector;
import dev.accord.broker.client.PactBrokerClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pacts from a broker (played by WireMock over real HTTP), notices, pending, and publishing
 * results.
 */
class BrokerPactSourceTest {
  private final WireMockServer broker = new WireMockServer(options().dynamicPort());
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private String b;

  @BeforeEach
  void startBroker() {
    broker.start();
    b = "http://localhost:" + broker.port();
    broker.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                okJson(
                    """
        {"_links": {
          "pb:provider-pacts-for-verification": {"href": "%1$s/pacts/provider/{provider}/for-verification", "templated": true},
          "pb:pacticipant-branch-version": {"href": "%1$s/pacticipants/{pacticipant}/branches/{branch}/versions/{version}", "templated": true}
        }}"""
                        .formatted(b))));
    broker.stubFor(
        post(urlEqualTo("/pacts/provider/products-service/for-verification"))
            .willReturn(
                okJson(
                    """
        {"_embedded": {"pacts": [
          {"shortDescription": "latest from main",
           "verificationProperties": {"pending": false, "notices": [
             {"when": "before_verification", "text": "The pact at %1$s/p/1 is being verified because it matches the consumer version selector {mainBranch: true}"}]},
           "_links": {"self": {"href": "%1$s/p/1", "name": "Pact between orders-service (abc123) and products-service"}}},
          {"shortDescription": "wip",
           "verificationProperties": {"pending": true, "wip": true, "notices": []},
           "_links": {"self": {"href": "%1$s/p/2", "name": "Pact between billing-service (def456) and products-service"}}}
        ]}}"""
                        .formatted(b))));
    broker.stubFor(get(urlEqualTo("/p/1")).willReturn(okJson(pact("orders-service", "/ok", "1"))));
    broker.stubFor(
        get(urlEqualTo("/p/2")).willReturn(okJson(pact("billing-service", "/broken", "2"))));
    broker.stubFor(
        put(urlEqualTo("/pacticipants/products-service/branches/main/versions/sha1"))
            .willReturn(okJson("{}")));
  }

  private String pact(String consumer, String path, String n) {
    return """
        {"consumer": {"name": "%2$s"}, "provider": {"name": "products-service"},
         "interactions": [{"_id": "id-%4$s", "description": "get %3$s", "request": {"method": "GET", "path": "%3$s"},
                           "response": {"status": 200}}],
         "metadata": {"pactSpecification": {"version": "3.0.0"}},
         "_links": {"pb:publish-verification-results": {"href": "%1$s/p/%4$s/verification-results"}}}
        """
        .formatted(b, consumer, path, n);
  }

  @AfterEach
  void stopBroker() {
    broker.stop();
  }

  private PactBrokerClient client() {
    return PactBrokerClient.builder()
        .baseUrl(b)
        .maxAttempts(1)
        .environment(java.util.Map.of())
        .build();
  }

  @Test
  void verifiesTheBrokersPactsPrintsNoticesTreatsWipAsPendingAndPublishesPerPact()
      throws Exception {
    broker.stubFor(
        post(urlEqualTo("/p/1/verification-results"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\": true, \"_links\": {\"self\": {\"href\": \""
                            + b
                            + "/vr/1\"}}}")));
    broker.stubFor(
        post(urlEqualTo("/p/2/verification-results"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\": false, \"_links\": {\"self\": {\"href\": \""
                            + b
                            + "/vr/2\"}}}")));
    try (FakeServer provider =
        new FakeServer(r -> FakeServer.Reply.json(r.path().equals("/ok") ? 200 : 500, "{}"))) {

      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(
                  BrokerPactSource.of(client())
                      .selectors(ConsumerVersionSelector.mainBranch())
                      .providerBranch("main")
                      .includePending()
                      .includeWipPactsSince(java.time.LocalDate.of(2026, 1, 1)))
              .publishResults("sha1", "main", "https://ci.example.com/build/7")
              .output(new PrintStream(console, true))
              .verify();

      assertThat(report.passed()).as(console.toString()).isTrue();
      assertThat(report.summary())
          .isEqualTo("0 of 2 interactions failed (1 pending interaction also failed, not counted)");
      assertThat(console.toString())
          .contains("is being verified because it matches the consumer version selector");
      assertThat(report.publishing())
          .containsExactly(
              "Published successful verification of orders-service -> products-service as provider version sha1 (branch main): "
                  + b
                  + "/vr/1",
              "Published failed verification of billing-service -> products-service as provider version sha1 (branch main): "
                  + b
                  + "/vr/2");
      broker.verify(
          postRequestedFor(urlEqualTo("/pacts/provider/products-service/for-verification"))
              .withRequestBody(
                  equalToJson(
                      """
              {"includePendingStatus": true, "includeWipPactsSince": "2026-01-01",
               "consumerVersionSelectors": [{"mainBranch": true}], "providerVersionBranch": "main"}""")));
      broker.verify(
          postRequestedFor(urlEqualTo("/p/1/verification-results"))
              .withRequestBody(
                  matchingJsonPath(
                      "$.providerApplicationVersion",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("sha1")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.buildUrl",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                          "https://ci.example.com/build/7")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.testResults[0].interactionId",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("id-1"))));
      broker.verify(
          postRequestedFor(urlEqualTo("/p/2/verification-results"))
              .withRequestBody(
                  matchingJsonPath(
                      "$.success",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("false")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.testResults[0].mismatches[0].attribute",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("status"))));
      // each result carries its own pact's coverage
      broker.verify(
          postRequestedFor(urlEqualTo("/p/1/verification-results"))
              .withRequestBody(
                  matchingJsonPath(
                      "$.coverage.interactions",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("1")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.coverage.passed",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("1")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.coverage.endpoints[0].path",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("/ok"))));
      broker.verify(
          postRequestedFor(urlEqualTo("/p/2/verification-results"))
              .withRequestBody(
                  matchingJsonPath(
                      "$.coverage.interactions",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("1")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.coverage.pending",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("1")))
              .withRequestBody(
                  matchingJsonPath(
                      "$.coverage.endpoints[0].interactions[0].outcome",
                      com.github.tomakehurst.wiremock.client.WireMock.equalTo("pending"))));
    }
  }

  @Test
  void aBrokerOutageWhilePublishingFailsTheVerificationWithTheReason() throws Exception {
    broker.stubFor(
        post(urlEqualTo("/p/1/verification-results"))
            .willReturn(aResponse().withStatus(503).withBody("maintenance")));
    broker.stubFor(
        post(urlEqualTo("/p/2/verification-results"))
            .willReturn(aResponse().withStatus(503).withBody("maintenance")));
    try (FakeServer provider = new FakeServer(r -> FakeServer.Reply.json(200, "{}"))) {

      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(BrokerPactSource.of(client()))
              .publishResults("sha1", null, null)
              .requestTimeout(Duration.ofSeconds(5))
              .output(new PrintStream(console, true))
              .verify();

      assertThat(report.passed()).isFalse();
      assertThat(report.fatalError())
          .hasValueSatisfying(
              e ->
                  assertThat(e)
                      .startsWith("Publishing verification results failed: " + b + "/p/1: ")
                      .contains("503"));
    }
  }

  @Test
  void aVerificationResultWhoseAnswerWasLostIsPublishedAgainUnderTheSameIdempotencyKey()
      throws Exception {
    // GIVEN a broker that records the first result for /p/1 but whose answer is lost (connection
    // closed, no response)
    broker.stubFor(
        post(urlEqualTo("/p/1/verification-results"))
            .inScenario("lost")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("answered"));
    broker.stubFor(
        post(urlEqualTo("/p/1/verification-results"))
            .inScenario("lost")
            .whenScenarioStateIs("answered")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"success\": true, \"_links\": {\"self\": {\"href\": \""
                            + b
                            + "/vr/1\"}}}")));
    broker.stubFor(
        post(urlEqualTo("/p/2/verification-results"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\": true}")));
    PactBrokerClient retrying =
        PactBrokerClient.builder()
            .baseUrl(b)
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(1))
            .environment(java.util.Map.of())
            .build();
    try (FakeServer provider = new FakeServer(r -> FakeServer.Reply.json(200, "{}"))) {

      // WHEN the verifier publishes its results
      VerificationReport report =
          ProviderVerifier.forProvider("products-service")
              .baseUrl(provider.url())
              .pactsFrom(BrokerPactSource.of(retrying))
              .publishResults("sha1", null, null)
              .output(new PrintStream(console, true))
              .verify();

      // THEN the result for /p/1 was sent twice with one key: a broker honouring the key records it
      // once
      assertThat(report.fatalError()).as(console.toString()).isEmpty();
      List<String> keys =
          broker.findAll(postRequestedFor(urlEqualTo("/p/1/verification-results"))).stream()
              .map(r -> r.getHeader("Idempotency-Key"))
              .toList();
      assertThat(keys).hasSize(2).doesNotContainNull();
      assertThat(keys.get(0)).isEqualTo(keys.get(1));
      assertThat(
              broker
                  .findAll(postRequestedFor(urlEqualTo("/p/2/verification-results")))
                  .get(0)
                  .getHeader("Idempotency-Key"))
          .isNotNull()
          .isNotEqualTo(keys.get(0));
    }
  }

  @Test
  void anUnreachableBrokerIsOneErrorNamingTheBroker() {
    broker.stop();
    VerificationReport report =
        ProviderVerifier.forProvider("products-service")
            .baseUrl("http://localhost:1")
            .pactsFrom(BrokerPactSource.of(client()))
            .output(new PrintStream(console, true))
            .verify();
    assertThat(report.fatalError())
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .startsWith(
                        "Could not get the pacts for provider products-service from the broker at "
                            + b));
  }
}
