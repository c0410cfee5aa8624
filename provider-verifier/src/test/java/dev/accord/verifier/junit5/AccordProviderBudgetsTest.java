package dev.accord.verifier.junit5;

import static dev.accord.verifier.junit5.PlatformRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.verifier.FakeServer;
import dev.accord.verifier.FakeServer.Reply;
import dev.accord.verifier.junit5.PlatformRun.Outcome;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.engine.TestExecutionResult.Status;

/**
 * The CLI's budgets and request options in {@code @AccordProviderTest}: GIVEN a provider that
 * answers 200 only to requests carrying {@code X-Api-Key: secret} (else 401), WHEN a class runs
 * with fail-fast, a failure budget or the header, THEN the class stops as the CLI's run stops (the
 * rest aborted as not run, with the reason) or passes.
 */
class AccordProviderBudgetsTest {
  static final String PACT = "src/test/resources/pacts/junit-four-gets.json";
  static FakeServer server;

  @BeforeAll
  static void startProvider() throws IOException {
    server =
        new FakeServer(
            r ->
                Reply.text(
                    r.headers().getOrDefault("X-api-key", List.of()).contains("secret") ? 200 : 401,
                    ""));
  }

  @AfterAll
  static void stopProvider() {
    server.close();
  }

  abstract static class Provider {
    @BeforeEach
    void target(ProviderTestContext context) {
      context.baseUrl(server.url());
    }

    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }
  }

  @Disabled("run by AccordProviderBudgetsTest through the JUnit Platform launcher")
  @AccordProviderTest(provider = "products-service", pactFiles = PACT, failFast = true)
  static class FailFast extends Provider {}

  @Disabled("run by AccordProviderBudgetsTest through the JUnit Platform launcher")
  @AccordProviderTest(provider = "products-service", pactFiles = PACT, maxFailures = 2)
  static class TwoFailuresAtMost extends Provider {}

  @Disabled("run by AccordProviderBudgetsTest through the JUnit Platform launcher")
  @AccordProviderTest(
      provider = "products-service",
      pactFiles = PACT,
      headers = "X-Api-Key: secret")
  static class WithTheKey extends Provider {}

  @Test
  void failFastAbortsTheRestAfterTheFirstFailureNamingWhy() {
    List<Outcome> outcomes = run(FailFast.class);

    assertThat(outcomes)
        .extracting(Outcome::status)
        .containsExactly(Status.FAILED, Status.ABORTED, Status.ABORTED, Status.ABORTED);
    assertThat(outcomes.get(1).message())
        .isEqualTo("Not run: fail-fast stopped the run after the first failure.");
  }

  @Test
  void aFailureBudgetStopsTheClassOnceItIsUsedUp() {
    List<Outcome> outcomes = run(TwoFailuresAtMost.class);

    assertThat(outcomes)
        .extracting(Outcome::status)
        .containsExactly(Status.FAILED, Status.FAILED, Status.ABORTED, Status.ABORTED);
    assertThat(outcomes.get(3).message())
        .isEqualTo("Not run: the run stopped after 2 failures (maxFailures 2).");
  }

  @Test
  void headersGoOnEveryRequest() {
    assertThat(run(WithTheKey.class))
        .extracting(Outcome::status)
        .containsOnly(Status.SUCCESSFUL)
        .hasSize(4);
  }
}
