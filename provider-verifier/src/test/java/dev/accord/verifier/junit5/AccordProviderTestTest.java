package dev.accord.verifier.junit5;

import static dev.accord.verifier.junit5.PlatformRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.verifier.FakeServer;
import dev.accord.verifier.FakeServer.Reply;
import dev.accord.verifier.ProvidesMessage;
import dev.accord.verifier.State;
import dev.accord.verifier.junit5.PlatformRun.Outcome;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.engine.TestExecutionResult;

/** Runs provider test classes through the JUnit Platform and checks the tests they produce. */
class AccordProviderTestTest {

  /** A provider that only knows products its @State methods seeded. */
  static final Map<String, String> PRODUCTS = new ConcurrentHashMap<>();

  static FakeServer server;

  @BeforeAll
  static void startProvider() throws IOException {
    server =
        new FakeServer(
            r -> {
              String id = r.path().substring("/products/".length());
              String name = PRODUCTS.get(id);
              return name == null
                  ? Reply.json(404, "{\"error\":\"not found\"}")
                  : Reply.json(200, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}");
            });
  }

  @AfterAll
  static void stopProvider() {
    server.close();
  }

  /**
   * Run only through the launcher below, which deactivates conditions; a plain test run skips it.
   */
  @org.junit.jupiter.api.Disabled(
      "run by AccordProviderTestTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "src/test/resources/pacts/junit-products.json")
  static class ProductsContract {
    @BeforeEach
    void target(ProviderTestContext context) {
      context.baseUrl(server.url());
    }

    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }

    @State("product p1 exists")
    Map<String, Object> p1(Map<String, Object> params) {
      PRODUCTS.put("p1", (String) params.get("name"));
      return Map.of();
    }

    @State(value = "product p1 exists", action = dev.accord.verifier.StateAction.TEARDOWN)
    void removeP1() {
      PRODUCTS.remove("p1");
    }

    @ProvidesMessage("a product-created event")
    Map<String, Object> productCreated() {
      return Map.of("id", "p1", "name", "Pact in Action");
    }
  }

  @Test
  void oneTestPerInteractionNamedAfterConsumerDescriptionAndStatesWithFailuresExplained() {
    List<Outcome> outcomes = run(ProductsContract.class);

    assertThat(outcomes)
        .extracting(Outcome::name)
        .containsExactly(
            "orders-service \u00b7 get product p1 [given product p1 exists]",
            "orders-service \u00b7 get product p2 [given product p2 exists]",
            "orders-service \u00b7 get a missing product",
            "orders-service \u00b7 a product-created event");
    assertThat(outcomes.get(0).status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(outcomes.get(1).status()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(outcomes.get(1).message())
        .contains("Missing state handler")
        .contains("Add to ProductsContract:")
        .contains("@State(\"product p2 exists\")")
        .contains("Map<String, Object> productP2Exists(Map<String, Object> params)");
    assertThat(outcomes.get(2).status()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(outcomes.get(3).status())
        .as(outcomes.get(3).message())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(PRODUCTS).isEmpty(); // teardown ran
  }
}
