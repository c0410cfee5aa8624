package dev.accord.verifier.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.verifier.junit5.PlatformRun.Outcome;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.engine.TestExecutionResult;

/**
 * {@code @AccordProviderTest} selection attributes and system properties, run through the JUnit
 * Platform launcher.
 */
class AccordProviderTestSelectionTest {

  @Disabled("run by AccordProviderTestSelectionTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "src/test/resources/pacts/junit-products.json",
      consumers = "orders-*",
      states = "no such state")
  static class NothingSelected {
    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }
  }

  @Disabled("run by AccordProviderTestSelectionTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "src/test/resources/pacts/junit-products.json",
      consumers = "billing",
      allowEmpty = true)
  static class NothingSelectedButAllowed {
    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }
  }

  @Disabled("run by AccordProviderTestSelectionTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = "src/test/resources/pacts/junit-products.json",
      excludeDescriptions = "event$")
  static class Excluding {
    @TestTemplate
    void honours(ProviderTestContext context) {
      // the names are what this test checks; nothing is sent
    }
  }

  @AfterEach
  void clearProperties() {
    System.clearProperty("accord.exclude.description");
    System.clearProperty("accord.filter.state");
  }

  @Test
  void filtersThatSelectNothingFailTheClassWithTheClisMessage() {
    List<Outcome> outcomes = PlatformRun.run(NothingSelected.class);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).status()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(outcomes.get(0).message())
        .isEqualTo(
            """
        No interaction of provider 'products-service' was selected: the filters leave nothing to verify \
        (4 interactions in the pacts, from orders-service).
          filterConsumer / --filter-consumer 'orders-*': matches 4 of 4 interactions (consumers orders-service)
          filterState / --filter-state 'no such state': matches 0 of 4 interactions
        Fix the filters, or accept an empty run with allowEmpty() / --allow-empty \
        / @AccordProviderTest(allowEmpty = true).""");
  }

  @Test
  void allowEmptyGivesNoTestsAndNoFailure() {
    assertThat(PlatformRun.run(NothingSelectedButAllowed.class)).isEmpty();
  }

  @Test
  void excludeAttributesAndSystemPropertiesForCiSelectInteractions() {
    assertThat(PlatformRun.run(Excluding.class))
        .extracting(Outcome::name)
        .containsExactly(
            "orders-service \u00b7 get product p1 [given product p1 exists]",
            "orders-service \u00b7 get product p2 [given product p2 exists]",
            "orders-service \u00b7 get a missing product");

    System.setProperty("accord.exclude.description", "missing");
    System.setProperty("accord.filter.state", "p1");
    assertThat(PlatformRun.run(Excluding.class))
        .extracting(Outcome::name)
        .containsExactly("orders-service \u00b7 get product p1 [given product p1 exists]");
  }
}
