package dev.accord.verifier.junit5;

import static dev.accord.verifier.junit5.PlatformRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Interaction;
import dev.accord.verifier.FakeServer;
import dev.accord.verifier.FakeServer.Reply;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.State;
import dev.accord.verifier.VerificationHook;
import dev.accord.verifier.VerificationReport;
import dev.accord.verifier.junit5.PlatformRun.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * The run options of {@link AccordProviderTest}, through the JUnit Platform launcher as a build
 * runs them.
 */
class AccordProviderRunOptionsTest {
  static final Path MANY = Path.of("target/accord-junit-tests/many-products.json");
  static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
  static final AtomicInteger REQUESTS = new AtomicInteger();
  static FakeServer server;
  static int deadPort;

  @BeforeAll
  static void start() throws IOException {
    // a pact with 1,000 interactions
    StringBuilder interactions = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      interactions
          .append(i == 0 ? "" : ",")
          .append("{\"description\":\"get product ")
          .append(i)
          .append("\",\"request\":{\"method\":\"GET\",\"path\":\"/products/")
          .append(i)
          .append("\"},\"response\":{\"status\":200}}");
    }
    Files.createDirectories(MANY.getParent());
    Files.writeString(
        MANY,
        "{\"consumer\":{\"name\":\"orders-service\"},\"provider\":{\"name\":\"products-service\"},"
            + "\"interactions\":["
            + interactions
            + "],\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}");
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    server =
        new FakeServer(
            r -> {
              REQUESTS.incrementAndGet();
              boolean known = r.path().equals("/products/p1");
              return Reply.json(
                  known ? 200 : 500, known ? "{\"id\":\"p1\",\"name\":\"Pact in Action\"}" : "{}");
            });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @org.junit.jupiter.api.Disabled(
      "run by AccordProviderRunOptionsTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "target/accord-junit-tests/many-products.json")
  static class UnreachableProvider {
    @BeforeEach
    void target(ProviderTestContext context) {
      context.baseUrl("http://127.0.0.1:" + deadPort);
    }

    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }
  }

  /** Records every hook call. */
  public static final class RecordingHook implements VerificationHook {
    @Override
    public void beforeRun(String provider, List<Interaction> interactions) {
      EVENTS.add("beforeRun " + interactions.size());
    }

    @Override
    public void beforeInteraction(Interaction interaction, Map<String, Object> stateValues) {
      EVENTS.add("before " + interaction.description() + " " + stateValues);
    }

    @Override
    public void afterInteraction(
        Interaction interaction, Map<String, Object> stateValues, InteractionResult result) {
      EVENTS.add("after " + interaction.description() + " " + result.outcome());
    }

    @Override
    public void afterRun(VerificationReport report) {
      EVENTS.add("afterRun " + report.summary());
    }
  }

  @org.junit.jupiter.api.Disabled(
      "run by AccordProviderRunOptionsTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "src/test/resources/pacts/junit-products.json",
      seed = "4242",
      reports = {"json", "junit"},
      reportDirectory = "target/accord-junit-tests/reports",
      hooks = RecordingHook.class)
  static class SeededWithReportsAndHooks {
    @BeforeEach
    void target(ProviderTestContext context) {
      context.baseUrl(server.url());
    }

    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }

    @State("product p1 exists")
    Map<String, Object> p1() {
      return Map.of("id", "p1");
    }

    @State("product p2 exists")
    void p2() {}

    @dev.accord.verifier.ProvidesMessage("a product-created event")
    Map<String, Object> productCreated() {
      return Map.of("id", "p1", "name", "Pact in Action");
    }
  }

  @org.junit.jupiter.api.Disabled(
      "run by AccordProviderRunOptionsTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "src/test/resources/pacts/junit-products.json",
      statesOnly = true)
  static class StatesOnly {
    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }

    @State("product p1 exists")
    void p1() {
      EVENTS.add("state p1");
    }

    @State("product p2 exists")
    void p2() {
      EVENTS.add("state p2");
    }
  }

  @Test
  void anUnreachableProviderFailsTheFirstTestWithOneClearErrorAndAbortsTheOther999() {
    List<Outcome> outcomes = run(UnreachableProvider.class);

    assertThat(outcomes).hasSize(1000);
    assertThat(outcomes.get(0).status()).isEqualTo(Status.FAILED);
    assertThat(outcomes.get(0).message())
        .isEqualTo(
            "Could not connect to http://127.0.0.1:"
                + deadPort
                + " (connection refused).\nNothing was verified from 'orders-service \u00b7 get product 0' on."
                + " Is the provider running and is the base URL right? (baseUrl / --provider-base-url)");
    assertThat(outcomes.subList(1, 1000))
        .allSatisfy(
            o -> {
              assertThat(o.status()).isEqualTo(Status.ABORTED);
              assertThat(o.message())
                  .startsWith(
                      "Not run: an earlier test found the provider unreachable.\nCould not connect");
            });
  }

  @Test
  void aSeededClassPrintsTheSeedOnFailureWritesItsReportsAndCallsItsHooks() throws Exception {
    EVENTS.clear();
    List<Outcome> outcomes = run(SeededWithReportsAndHooks.class);

    assertThat(outcomes)
        .extracting(Outcome::status)
        .containsExactly(Status.SUCCESSFUL, Status.FAILED, Status.FAILED, Status.SUCCESSFUL);
    assertThat(outcomes.get(1).message())
        .endsWith(
            "To replay: seed 4242 (@AccordProviderTest(seed = \"4242\"),"
                + " -Daccord.seed=4242 or ACCORD_SEED=4242)");
    var json =
        Json.parse(
            Files.readString(
                Path.of("target/accord-junit-tests/reports/accord-products-service.json")));
    assertThat(json.get("seed").asLong()).isEqualTo(4242);
    assertThat(json.get("coverage").get("failed").asInt()).isEqualTo(2);
    assertThat(json.get("interactions").get(1).get("curl").asString())
        .startsWith("curl -g -i -X GET 'http://127.0.0.1:");
    assertThat(
            Files.readString(
                Path.of("target/accord-junit-tests/reports/TEST-accord-products-service.xml")))
        .contains("<property name=\"accord.seed\" value=\"4242\"/>");
    assertThat(EVENTS)
        .containsExactly(
            "beforeRun 4",
            "before get product p1 {name=Pact in Action, id=p1}",
            "after get product p1 PASSED",
            "before get product p2 {}",
            "after get product p2 FAILED",
            "before get a missing product {}",
            "after get a missing product FAILED",
            "before a product-created event {}",
            "after a product-created event PASSED",
            "afterRun 2 of 4 interactions failed");
  }

  @Test
  void theSeedComesFromTheAccordSeedSystemPropertyWhenTheAnnotationSetsNone() {
    System.setProperty("accord.seed", "99");
    try {
      List<Outcome> outcomes = run(StatesOnlyFailing.class);
      assertThat(outcomes.get(0).message()).contains("To replay: seed 99 (");
    } finally {
      System.clearProperty("accord.seed");
    }
  }

  @org.junit.jupiter.api.Disabled(
      "run by AccordProviderRunOptionsTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "src/test/resources/pacts/junit-products.json",
      statesOnly = true)
  static class StatesOnlyFailing {
    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }
  }

  @Test
  void statesOnlySetsUpAndTearsDownEachStateWithoutSendingARequest() {
    EVENTS.clear();
    int before = REQUESTS.get();

    List<Outcome> outcomes = run(StatesOnly.class);

    assertThat(outcomes).extracting(Outcome::status).containsOnly(Status.SUCCESSFUL);
    assertThat(EVENTS).containsExactly("state p1", "state p2");
    assertThat(REQUESTS.get()).isEqualTo(before);
  }
}
