package dev.accord.broker.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.accord.broker.client.FakeBroker.hal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PactBrokerClientTransportTest {
  private final FakeBroker broker = new FakeBroker();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void retries5xxWithExponentialBackoffThenSucceeds() {
    // GIVEN an index that fails twice with 502 and 500
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("second"));
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("ok"));
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(
                hal(
                    200,
                    "{\"_links\":{\"pb:environments\":{\"href\":\""
                        + broker.url()
                        + "/environments\"}}}")));
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(hal(200, "{\"_embedded\":{\"environments\":[]}}")));

    // WHEN
    List<Environment> environments =
        broker.client().initialBackoff(Duration.ofMillis(500)).build().environments();

    // THEN the waits were 0.5 s then 1 s
    assertThat(environments).isEmpty();
    assertThat(broker.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    broker.server.verify(3, getRequestedFor(urlEqualTo("/")));
  }

  @Test
  void honoursRetryAfterOn429And408() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("limited")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("timeout"));
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("limited")
            .whenScenarioStateIs("timeout")
            .willReturn(aResponse().withStatus(408))
            .willSetStateTo("ok"));
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("limited")
            .whenScenarioStateIs("ok")
            .willReturn(
                hal(200, "{\"_links\":{\"pb:environments\":{\"href\":\"/environments\"}}}")));
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(hal(200, "{\"_embedded\":{\"environments\":[]}}")));

    broker.client().build().environments();

    assertThat(broker.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(1));
  }

  @Test
  void retryAfterIsCappedByTheMaximumBackoff() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600"))
            .willSetStateTo("ok"));
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .inScenario("s")
            .whenScenarioStateIs("ok")
            .willReturn(
                hal(200, "{\"_links\":{\"pb:environments\":{\"href\":\"/environments\"}}}")));
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(hal(200, "{\"_embedded\":{\"environments\":[]}}")));

    broker.client().maxBackoff(Duration.ofSeconds(30)).build().environments();

    assertThat(broker.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void doesNotRetry4xxAndListsTheBrokersFieldErrors() {
    broker.withIndex();
    broker.server.stubFor(
        post(urlEqualTo("/environments"))
            .willReturn(
                hal(
                    400,
                    "{\"errors\":{\"name\":[\"name 'uat' is already used by an existing environment.\"],\"production\":[\"is missing\",\"must be boolean\"]}}")));

    assertThatThrownBy(
            () ->
                broker
                    .client()
                    .build()
                    .createEnvironment(new NewEnvironment("uat", null, false, null, null)))
        .isInstanceOfSatisfying(
            BrokerException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errors())
                  .containsExactly(
                      "name: name 'uat' is already used by an existing environment.",
                      "production: is missing, must be boolean");
            })
        .hasMessage(
            "POST "
                + broker.url()
                + "/environments failed: 400 Bad Request\n"
                + "  name: name 'uat' is already used by an existing environment.\n"
                + "  production: is missing, must be boolean");
    assertThat(broker.sleeps).isEmpty();
  }

  @Test
  void a409ShowsErrorsAndNotices() {
    broker.withIndex();
    broker.server.stubFor(
        post(urlEqualTo("/environments"))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"notices\":[{\"type\":\"error\",\"text\":\"Cannot change the content\"}],\"errors\":{\"contracts\":[\"changed\"]}}")));

    assertThatThrownBy(
            () ->
                broker
                    .client()
                    .build()
                    .createEnvironment(new NewEnvironment("uat", null, false, null, null)))
        .hasMessage(
            "POST "
                + broker.url()
                + "/environments failed: 409 Conflict\n"
                + "  contracts: changed\n"
                + "  notice (error): Cannot change the content");
  }

  @Test
  void a401WithoutCredentialsSaysHowToSendThem() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Basic realm=\"Restricted area\"")));

    assertThatThrownBy(() -> broker.client().build().environments())
        .hasMessage(
            "GET "
                + broker.url()
                + " failed: 401 Unauthorized\n"
                + "  No credentials were sent. Set --broker-token / PACT_BROKER_TOKEN, or --broker-username/--broker-password"
                + " / PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD.");
  }

  @Test
  void basicAuthComesFromTheEnvironmentAndIsExplained() {
    broker.withIndex();
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(hal(200, "{\"_embedded\":{\"environments\":[]}}")));
    PactBrokerClient client =
        PactBrokerClient.builder()
            .environment(
                Map.of(
                    "PACT_BROKER_BASE_URL",
                    broker.url(),
                    "PACT_BROKER_USERNAME",
                    "ci",
                    "PACT_BROKER_PASSWORD",
                    "pw"))
            .systemProperties(Map.of())
            .build();

    client.environments();

    broker.server.verify(
        getRequestedFor(urlEqualTo("/environments"))
            .withHeader("Authorization", equalTo("Basic Y2k6cHc=")));
    assertThat(client.configuration())
        .containsExactly(
            "broker URL: " + broker.url() + " (from PACT_BROKER_BASE_URL)",
            "auth: basic, user 'ci' (from PACT_BROKER_USERNAME), password (from PACT_BROKER_PASSWORD)",
            "attempts per request: 8 (default)");
  }

  @Test
  void aTokenWinsOverBasicAuthAndTheBuilderOverTheEnvironment() {
    broker.withIndex();
    broker.server.stubFor(
        get(urlEqualTo("/environments"))
            .willReturn(hal(200, "{\"_embedded\":{\"environments\":[]}}")));
    PactBrokerClient client =
        PactBrokerClient.builder()
            .baseUrl(broker.url())
            .environment(
                Map.of(
                    "PACT_BROKER_BASE_URL",
                    "http://wrong:1",
                    "PACT_BROKER_TOKEN",
                    "t0k",
                    "PACT_BROKER_USERNAME",
                    "ci"))
            .systemProperties(Map.of())
            .build();

    client.environments();

    broker.server.verify(
        getRequestedFor(urlEqualTo("/environments"))
            .withHeader("Authorization", equalTo("Bearer t0k")));
    assertThat(client.configuration())
        .contains(
            "broker URL: " + broker.url() + " (from baseUrl(...))",
            "auth: bearer token (from PACT_BROKER_TOKEN)",
            "auth: username (from PACT_BROKER_USERNAME) ignored because a token is set");
  }

  @Test
  void noBrokerUrlAnywhereSaysWhereToSetIt() {
    assertThatThrownBy(
            () ->
                PactBrokerClient.builder().environment(Map.of()).systemProperties(Map.of()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "No Pact Broker URL configured. Set it with --broker-base-url (CLI), PACT_BROKER_BASE_URL,"
                + " -Dpactbroker.url or PactBrokerClient.builder().baseUrl(\"https://broker.example.com\").");
  }

  @Test
  void a2xxThatIsNotJsonIsAnError() {
    broker.server.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>login</html>")));

    assertThatThrownBy(() -> broker.client().build().environments())
        .hasMessage(
            "GET "
                + broker.url()
                + " failed: expected a HAL/JSON response but got 200 with Content-Type 'text/html'.\n"
                + "  response body: <html>login</html>\n"
                + "  Is the base URL pointing at the broker's API (not its UI or a proxy login page)?");
  }

  @Test
  void anUnreachableBrokerIsRetriedThenNamed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PactBrokerClient client =
        PactBrokerClient.builder()
            .baseUrl("http://localhost:" + port)
            .environment(Map.of())
            .systemProperties(Map.of())
            .maxAttempts(2)
            .sleeper(broker.sleeps::add)
            .build();

    assertThatThrownBy(client::environments)
        .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.status()).isZero())
        .hasMessage(
            "GET http://localhost:"
                + port
                + " failed: the broker could not be reached (connection refused by localhost:"
                + port
                + ") (after 2 attempts).\n"
                + "  Check the broker URL (--broker-base-url or PACT_BROKER_BASE_URL) and that the broker is running.");
    assertThat(broker.sleeps).hasSize(1);
  }
}
