package dev.accord.broker.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.accord.broker.client.FakeBroker.hal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retries that cannot duplicate: a POST is repeated after a lost answer only when repeating it
 * cannot record anything twice. The fake broker acts on the first request and drops its answer
 * (closes the connection without a response).
 */
class PactBrokerClientRetryTest {
  private static final String RESULTS =
      "/pacts/provider/products/consumer/web/pact-version/abc/verification-results";
  private static final String DEPLOY =
      "/pacticipants/web/versions/1/deployed-versions/environment/u-prod";
  private final FakeBroker broker = new FakeBroker();

  @AfterEach
  void stop() {
    broker.close();
  }

  /** The first POST to {@code path} gets no answer, the next ones {@code then}. */
  private void dropFirstAnswer(String path, int status, String body) {
    broker.server.stubFor(
        post(urlEqualTo(path))
            .inScenario("lost answer")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("answered"));
    broker.server.stubFor(
        post(urlEqualTo(path))
            .inScenario("lost answer")
            .whenScenarioStateIs("answered")
            .willReturn(hal(status, body)));
  }

  private List<String> keysOf(String path) {
    return broker.server.findAll(postRequestedFor(urlEqualTo(path))).stream()
        .map(r -> r.getHeader("Idempotency-Key"))
        .toList();
  }

  @Test
  void aVerificationResultWhoseAnswerWasLostIsSentAgainWithTheSameIdempotencyKey() {
    // GIVEN a broker that records the result but whose first answer is lost
    broker.withIndex();
    dropFirstAnswer(
        RESULTS,
        200,
        "{\"success\":true,\"_links\":{\"self\":{\"href\":\"" + broker.url() + "/results/1\"}}}");

    // WHEN the verifier publishes one result
    PublishedVerification published =
        broker
            .client()
            .build()
            .publishVerificationResults(
                broker.url() + RESULTS, VerificationResult.of("products", "abc123", true));

    // THEN it was sent twice with one key, so the broker can answer the second with the result of
    // the first
    assertThat(published).isEqualTo(new PublishedVerification(broker.url() + "/results/1", true));
    List<String> keys = keysOf(RESULTS);
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0)).matches("[0-9a-f-]{36}").isEqualTo(keys.get(1));
    assertThat(broker.sleeps).hasSize(1);
  }

  @Test
  void eachNewVerificationResultCarriesANewKey() {
    broker.withIndex();
    broker.server.stubFor(post(urlEqualTo(RESULTS)).willReturn(hal(201, "{\"success\":true}")));
    PactBrokerClient client = broker.client().build();

    client.publishVerificationResults(
        broker.url() + RESULTS, VerificationResult.of("products", "abc123", true));
    client.publishVerificationResults(
        broker.url() + RESULTS, VerificationResult.of("products", "abc124", true));

    List<String> keys = keysOf(RESULTS);
    assertThat(keys).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
  }

  private void productionDeploymentLink() {
    broker.withIndex();
    broker.server.stubFor(
        get(urlEqualTo("/pacticipants/web/versions/1"))
            .willReturn(
                hal(
                    200,
                    "{\"number\":\"1\",\"_links\":{\"pb:record-deployment\":[{\"name\":\"production\",\"href\":\""
                        + broker.url()
                        + DEPLOY
                        + "\"}]}}")));
  }

  @Test
  void aDeploymentWhoseAnswerWasLostIsNotRecordedTwiceAndTheErrorSaysWhy() {
    // GIVEN recording a deployment is not idempotent, and the broker's answer to it is lost
    productionDeploymentLink();
    dropFirstAnswer(DEPLOY, 201, "{}");

    // WHEN / THEN the client does not send it again, and says so
    assertThatThrownBy(
            () -> broker.client().build().recordDeployment("web", "1", "production", null))
        .isInstanceOf(BrokerException.class)
        .hasMessageStartingWith(
            "POST " + broker.url() + DEPLOY + " failed: the broker could not be reached (")
        .hasMessageContaining(
            "It was not retried: the request may have reached the broker, and repeating this POST could record it twice; "
                + "check the broker before sending it again.");
    assertThat(broker.server.findAll(postRequestedFor(urlEqualTo(DEPLOY)))).hasSize(1);
  }

  @Test
  void aDeploymentTheBrokerAnswered503ToIsSentAgainSinceItWasNotActedOn() {
    productionDeploymentLink();
    broker.server.stubFor(
        post(urlEqualTo(DEPLOY))
            .inScenario("busy")
            .whenScenarioStateIs(STARTED)
            .willReturn(hal(503, "{}").withHeader("Retry-After", "1"))
            .willSetStateTo("ready"));
    broker.server.stubFor(
        post(urlEqualTo(DEPLOY))
            .inScenario("busy")
            .whenScenarioStateIs("ready")
            .willReturn(
                hal(
                    201,
                    "{\"_links\":{\"self\":{\"href\":\""
                        + broker.url()
                        + "/deployed-versions/d1\"}}}")));

    Deployment d = broker.client().build().recordDeployment("web", "1", "production", null);

    assertThat(d.url()).isEqualTo(broker.url() + "/deployed-versions/d1");
    assertThat(broker.server.findAll(postRequestedFor(urlEqualTo(DEPLOY)))).hasSize(2);
  }

  @Test
  void aDeploymentAnswered500IsNotSentAgain() {
    productionDeploymentLink();
    broker.server.stubFor(post(urlEqualTo(DEPLOY)).willReturn(hal(500, "{\"errors\":[\"boom\"]}")));

    assertThatThrownBy(
            () -> broker.client().build().recordDeployment("web", "1", "production", null))
        .isInstanceOf(BrokerException.class);
    List<LoggedRequest> posts = broker.server.findAll(postRequestedFor(urlEqualTo(DEPLOY)));
    assertThat(posts).hasSize(1);
  }

  @Test
  void
      publishingContractsWhoseAnswerWasLostIsSentAgainAsTheSameContentForTheSameVersionIsAcceptedAgain() {
    broker.withIndex();
    dropFirstAnswer(
        "/contracts/publish",
        200,
        "{\"_links\":{\"pb:contracts\":[{\"href\":\"" + broker.url() + "/pacts/x\"}]}}");

    List<PublishedContract> published =
        broker
            .client()
            .build()
            .publishContracts(
                PublishRequest.of(
                    "1a2b",
                    List.of(
                        Contracts.parse(
                            "{\"consumer\":{\"name\":\"web\"},\"provider\":{\"name\":\"products\"},\"interactions\":[]}",
                            "web-products.json"))));

    assertThat(published).hasSize(1);
    assertThat(broker.server.findAll(postRequestedFor(urlEqualTo("/contracts/publish"))))
        .hasSize(2);
  }
}
