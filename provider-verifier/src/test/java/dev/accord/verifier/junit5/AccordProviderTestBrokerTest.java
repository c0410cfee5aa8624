package dev.accord.verifier.junit5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code @AccordProviderTest} with pacts from a broker (WireMock over real HTTP): selectors,
 * provider branch, pending and WIP, auth from the standard settings, and results published once the
 * class ran.
 */
class AccordProviderTestBrokerTest {
  private final WireMockServer broker = new WireMockServer(options().dynamicPort());
  private static HttpServer provider;
  private String b;

  /**
   * Run only through the launcher below, which deactivates conditions; a plain test run skips it.
   */
  @org.junit.jupiter.api.Disabled(
      "run by AccordProviderTestBrokerTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      brokerUrl = "${accord.test.broker}",
      consumerVersionSelectors = {"{\"mainBranch\": true}", "{\"deployedOrReleased\": true}"},
      providerBranch = "${accord.test.branch}",
      includePending = true,
      includeWipPactsSince = "2026-01-01",
      publishResults = "${accord.test.publish}",
      providerVersion = "${accord.test.sha}",
      buildUrl = "https://ci.example.com/build/${accord.test.build}")
  static class FromBroker {
    @BeforeEach
    void target(ProviderTestContext context) {
      context.baseUrl("http://127.0.0.1:" + provider.getAddress().getPort());
    }

    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }
  }

  /** Publishing asked for, but no provider version in this build. */
  @org.junit.jupiter.api.Disabled(
      "run by AccordProviderTestBrokerTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      brokerUrl = "${accord.test.broker}",
      publishResults = "true",
      providerVersion = "${accord.test.unset.sha}")
  static class NoProviderVersion {
    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }
  }

  record Outcome(String name, TestExecutionResult.Status status, String message) {}

  private static List<Outcome> run(Class<?> testClass) {
    return run(testClass, selectClass(testClass));
  }

  private static List<Outcome> run(
      Class<?> testClass, org.junit.platform.engine.DiscoverySelector selector) {
    List<Outcome> outcomes = new ArrayList<>();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selector)
            .configurationParameter("junit.jupiter.conditions.deactivate", "*")
            .build();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                  outcomes.add(
                      new Outcome(
                          id.getDisplayName(),
                          result.getStatus(),
                          result.getThrowable().map(Throwable::getMessage).orElse("")));
                }
              }
            });
    return outcomes;
  }

  @BeforeEach
  void start() throws IOException {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/",
        exchange -> {
          boolean ok = exchange.getRequestURI().getPath().equals("/ok");
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        });
    provider.start();
    broker.start();
    b = "http://localhost:" + broker.port();
    System.setProperty("accord.test.broker", b);
    System.setProperty("accord.test.branch", "main");
    System.setProperty("accord.test.sha", "sha1");
    System.setProperty("accord.test.build", "7");
    System.setProperty("pactbroker.auth.token", "s3cret");
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
           "verificationProperties": {"pending": false, "notices": []},
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
    for (String n : List.of("1", "2")) {
      broker.stubFor(
          post(urlEqualTo("/p/" + n + "/verification-results"))
              .willReturn(
                  aResponse()
                      .withStatus(201)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"success\": "
                              + n.equals("1")
                              + ", \"_links\": {\"self\": {\"href\": \""
                              + b
                              + "/vr/"
                              + n
                              + "\"}}}")));
    }
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
  void stop() {
    broker.stop();
    provider.stop(0);
    for (String p :
        List.of(
            "accord.test.broker",
            "accord.test.branch",
            "accord.test.sha",
            "accord.test.build",
            "accord.test.publish",
            "pactbroker.auth.token")) {
      System.clearProperty(p);
    }
  }

  @Test
  void verifiesThePactsTheBrokerSelectsAndPublishesTheResultsUnderTheProviderVersionAndBranch() {
    System.setProperty("accord.test.publish", "true");

    List<Outcome> outcomes = run(FromBroker.class);

    assertThat(outcomes)
        .extracting(Outcome::name)
        .containsExactly("orders-service \u00b7 get /ok", "billing-service \u00b7 get /broken");
    assertThat(outcomes.get(0).status())
        .as(outcomes.get(0).message())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(outcomes.get(1).status()).isEqualTo(TestExecutionResult.Status.ABORTED);
    assertThat(outcomes.get(1).message()).startsWith("Pending interaction failed (not counted):");
    broker.verify(
        postRequestedFor(urlEqualTo("/pacts/provider/products-service/for-verification"))
            .withHeader("Authorization", equalTo("Bearer s3cret"))
            .withRequestBody(
                equalToJson(
                    """
            {"includePendingStatus": true, "includeWipPactsSince": "2026-01-01",
             "consumerVersionSelectors": [{"mainBranch": true}, {"deployedOrReleased": true}], "providerVersionBranch": "main"}""")));
    broker.verify(
        putRequestedFor(urlEqualTo("/pacticipants/products-service/branches/main/versions/sha1")));
    broker.verify(
        1,
        postRequestedFor(urlEqualTo("/p/1/verification-results"))
            .withHeader("Authorization", equalTo("Bearer s3cret"))
            .withRequestBody(matchingJsonPath("$.providerApplicationVersion", equalTo("sha1")))
            .withRequestBody(matchingJsonPath("$.success", equalTo("true")))
            .withRequestBody(
                matchingJsonPath("$.buildUrl", equalTo("https://ci.example.com/build/7")))
            .withRequestBody(matchingJsonPath("$.testResults[0].interactionId", equalTo("id-1"))));
    broker.verify(
        1,
        postRequestedFor(urlEqualTo("/p/2/verification-results"))
            .withRequestBody(matchingJsonPath("$.success", equalTo("false")))
            .withRequestBody(
                matchingJsonPath("$.testResults[0].interactionDescription", equalTo("get /broken")))
            .withRequestBody(
                matchingJsonPath("$.testResults[0].mismatches[0].attribute", equalTo("status"))));
  }

  @Test
  void doesNotPublishUnlessAsked() {
    System.setProperty("accord.test.publish", "false");

    List<Outcome> outcomes = run(FromBroker.class);

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0).status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    broker.verify(
        postRequestedFor(urlEqualTo("/pacts/provider/products-service/for-verification")));
    broker.verify(0, postRequestedFor(urlMatching("/p/.*/verification-results")));
  }

  @Test
  void aPartialRunPublishesNothingSoItNeverRecordsAVerdict() {
    System.setProperty("accord.test.publish", "true");

    List<Outcome> outcomes =
        run(
            FromBroker.class,
            org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId(
                "[engine:junit-jupiter]/[class:"
                    + FromBroker.class.getName()
                    + "]/[test-template:honours("
                    + ProviderTestContext.class.getName()
                    + ")]/[test-template-invocation:#1]"));

    assertThat(outcomes).extracting(Outcome::name).containsExactly("orders-service \u00b7 get /ok");
    assertThat(outcomes.get(0).status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    broker.verify(0, postRequestedFor(urlMatching("/p/.*/verification-results")));
  }

  @Test
  void publishingWithoutAProviderVersionFailsTheClassAndSaysHowToFixIt() {
    List<Outcome> outcomes = run(NoProviderVersion.class);

    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.name()).isEqualTo("honours(ProviderTestContext)");
              assertThat(o.status()).isEqualTo(TestExecutionResult.Status.FAILED);
              assertThat(o.message())
                  .isEqualTo(
                      "@AccordProviderTest on NoProviderVersion publishes results but the provider version is"
                          + " empty (providerVersion = \"${accord.test.unset.sha}\"): set providerVersion to the provider's git SHA, e.g."
                          + " \"${GIT_COMMIT}\", and make sure that variable is set in the build");
            });
    broker.verify(0, postRequestedFor(urlMatching("/p/.*/verification-results")));
  }
}
