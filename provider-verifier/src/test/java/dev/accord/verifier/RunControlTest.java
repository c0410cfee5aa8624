package dev.accord.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.Pact;
import dev.accord.verifier.FakeServer.Reply;
import dev.accord.verifier.InteractionResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selection (include and exclude filters, empty runs, last failed) and budgets (failures, time) of
 * a run.
 */
class RunControlTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  @TempDir Path dir;

  private static HttpInteraction keyed(HttpInteraction i, String key) {
    InteractionCommon c = i.common().withKey(key);
    return new HttpInteraction(c, i.request(), i.response());
  }

  private final Pact web =
      Pacts.pact(
          "web-app",
          keyed(Pacts.get("get a product", "/ok", 200, Pacts.state("p1")), "k1"),
          keyed(Pacts.get("list products", "/ok", 200), "k2"));
  private final Pact admin =
      Pacts.pact("web-admin", keyed(Pacts.get("get a product", "/ok", 200), "k3"));
  private final Pact mobile =
      Pacts.pact(
          "mobile", keyed(Pacts.get("delete a product", "/broken", 200, Pacts.state("p1")), "k4"));

  private ProviderVerifier verifier(FakeServer provider) {
    return ProviderVerifier.forProvider("products-service")
        .baseUrl(provider.url())
        .pactsFrom(PactSource.of(web, admin, mobile))
        .output(new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  private static FakeServer provider() throws Exception {
    return new FakeServer(r -> Reply.json(r.path().equals("/ok") ? 200 : 500, "{}"));
  }

  @Test
  void includeAndExcludeFiltersSelectByConsumerGlobOrRegexDescriptionStateAndKey()
      throws Exception {
    try (FakeServer provider = provider()) {
      // GIVEN three consumers; WHEN filtering by a glob, a regex, and excluding
      assertThat(verifier(provider).filterConsumer("web-*").verify().results())
          .extracting(InteractionResult::consumer)
          .containsExactly("web-app", "web-app", "web-admin");
      assertThat(verifier(provider).filterConsumer("web-(app|x)").verify().results())
          .extracting(InteractionResult::consumer)
          .containsExactly("web-app", "web-app");
      assertThat(verifier(provider).excludeConsumer("web-*").verify().results())
          .extracting(InteractionResult::consumer)
          .containsExactly("mobile");
      assertThat(
              verifier(provider)
                  .filterDescription("product$")
                  .excludeState("p1")
                  .verify()
                  .results())
          .extracting(InteractionResult::displayName)
          .containsExactly("web-admin \u00b7 get a product");
      assertThat(
              verifier(provider).excludeState("").excludeDescription("^delete").verify().results())
          .extracting(InteractionResult::displayName)
          .containsExactly("web-app \u00b7 get a product [given p1]");
      assertThat(verifier(provider).filterKey("k1", "k4").excludeKey("k4").verify().results())
          .extracting(InteractionResult::interactionKey)
          .containsExactly("k1");
    }
  }

  @Test
  void filtersThatSelectNothingFailTheRunNamingEachFilterUnlessEmptyRunsAreAllowed()
      throws Exception {
    try (FakeServer provider = provider()) {
      // WHEN the state filter names a state no interaction has
      VerificationReport report =
          verifier(provider).filterConsumer("web.*").filterState("p2").verify();

      // THEN the run fails and says what each filter matched
      assertThat(report.passed()).isFalse();
      assertThat(report.fatalError())
          .contains(
              """
          No interaction of provider 'products-service' was selected: the filters leave nothing to verify \
          (4 interactions in the pacts, from web-app, web-admin, mobile).
            filterConsumer / --filter-consumer 'web.*': matches 3 of 4 interactions (consumers web-app, web-admin)
            filterState / --filter-state 'p2': matches 0 of 4 interactions
          Fix the filters, or accept an empty run with allowEmpty() / --allow-empty \
          / @AccordProviderTest(allowEmpty = true).""");
    }
  }

  @Test
  void anEmptySelectionIsNamedAndAllowEmptyLetsItPass() throws Exception {
    try (FakeServer provider = provider()) {
      VerificationReport report =
          verifier(provider).filterConsumer("billing").excludeDescription("product").verify();
      assertThat(report.passed()).isFalse();
      assertThat(report.fatalError().orElseThrow())
          .contains(
              "  filterConsumer / --filter-consumer 'billing': matches 0 of 4 interactions (no consumer)\n"
                  + "  excludeDescription / --exclude-description 'product': matches 4 of 4 interactions, excluded\n");

      VerificationReport allowed =
          verifier(provider).filterConsumer("billing").allowEmpty().verify();
      assertThat(allowed.passed()).isTrue();
      assertThat(allowed.results()).isEmpty();
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("Empty runs are allowed.");
    }
  }

  @Test
  void lastFailedRerunsOnlyWhatFailedInThePreviousJsonReport() throws Exception {
    try (FakeServer provider = provider()) {
      // GIVEN a first run that wrote its JSON report with one failure
      VerificationReport first = verifier(provider).reports(dir, ReportFormat.JSON).verify();
      assertThat(first.failedCount()).isEqualTo(1);

      // WHEN rerunning the last failed
      VerificationReport again =
          verifier(provider).reports(dir, ReportFormat.JSON).lastFailed().verify();

      // THEN only that interaction ran
      assertThat(again.results())
          .extracting(InteractionResult::displayName)
          .containsExactly("mobile \u00b7 delete a product [given p1]");
    }
  }

  @Test
  void lastFailedWithoutAPreviousReportSaysHowToGetOne() throws Exception {
    try (FakeServer provider = provider()) {
      VerificationReport report =
          verifier(provider).reports(dir, ReportFormat.JSON).lastFailed().verify();
      assertThat(report.fatalError().orElseThrow())
          .startsWith(
              "lastFailed / --last-failed: there is no previous JSON"
                  + " report "
                  + dir.resolve("accord-products-service.json")
                  + " to take the failed interactions from.");
    }
  }

  @Test
  void maxFailuresStopsTheRunAndEveryReportListsWhatWasNotRunAndWhy() throws Exception {
    try (FakeServer provider = new FakeServer(r -> Reply.json(500, "{}"))) {
      // WHEN every interaction fails and at most 2 failures are wanted
      VerificationReport report =
          verifier(provider)
              .maxFailures(2)
              .reports(dir, ReportFormat.JSON, ReportFormat.JUNIT, ReportFormat.HTML)
              .verify();

      // THEN two ran, the other two are not run, with the reason, in every report
      assertThat(report.results())
          .extracting(InteractionResult::outcome)
          .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.NOT_RUN, Outcome.NOT_RUN);
      String reason = "the run stopped after 2 failures (maxFailures / --max-failures 2)";
      assertThat(report.results().get(3).notRunReason()).isEqualTo(reason);
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains(
              "Not run (2): "
                  + reason
                  + "\n"
                  + "  - web-admin \u00b7 get a product\n  - mobile \u00b7 delete a product [given p1]\n");
      assertThat(Files.readString(dir.resolve("accord-products-service.json")))
          .contains("\"notRunReason\" : \"" + reason + "\"");
      assertThat(Files.readString(dir.resolve("TEST-accord-products-service.xml")))
          .contains("<skipped message=\"not run: " + reason + "\"/>");
      assertThat(Files.readString(dir.resolve("accord-products-service.html"))).contains(reason);
    }
  }

  @Test
  void theTotalTimeBudgetStopsTheRunBeforeTheNextInteraction() throws Exception {
    // GIVEN a provider whose first answer takes longer than the whole budget
    try (FakeServer provider =
        new FakeServer(
            r -> {
              Thread.sleep(1500);
              return Reply.json(200, "{}");
            })) {
      VerificationReport report = verifier(provider).totalTimeout(Duration.ofMillis(1000)).verify();

      // THEN the first finished, the rest were not run, and the run fails saying why
      assertThat(report.results())
          .extracting(InteractionResult::outcome)
          .containsExactly(Outcome.PASSED, Outcome.NOT_RUN, Outcome.NOT_RUN, Outcome.NOT_RUN);
      assertThat(report.results().get(1).notRunReason())
          .isEqualTo("the run's time budget of 1000 ms was used up");
      assertThat(report.passed()).isFalse();
      assertThat(report.fatalError().orElseThrow())
          .isEqualTo(
              "The run's time budget (timeoutTotal / --timeout-total"
                  + " 1000 ms) was used up before 'web-app \u00b7 list products'; 3 of 4 interactions were not run. Raise the"
                  + " budget, or select fewer interactions (filters).");
    }
  }

  @Test
  void budgetsRefuseValuesThatMeanNothing() {
    ProviderVerifier v = ProviderVerifier.forProvider("p");
    assertThatThrownBy(() -> v.maxFailures(0)).hasMessage("maxFailures must be at least 1, was 0");
    assertThatThrownBy(() -> v.maxConsecutiveTimeouts(-1))
        .hasMessage("maxConsecutiveTimeouts must be 0 (never stop) or more, was -1");
    assertThatThrownBy(() -> v.filterDescription("("))
        .hasMessageStartingWith(
            "--filter-description '(' is not a regular expression: Unclosed group");
  }
}
