package dev.accord.examples.e2e;

import dev.accord.broker.client.BrokerPact;
import dev.accord.broker.client.ConsumerVersionSelector;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.broker.client.PactForVerification;
import dev.accord.broker.client.PublishedVerification;
import dev.accord.broker.client.TestResult;
import dev.accord.broker.client.VerificationResult;
import dev.accord.pact.json.PactReader;
import dev.accord.verifier.Failure;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.PactToVerify;
import dev.accord.verifier.ProviderVerifier;
import dev.accord.verifier.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Verification from the broker, as a provider's CI does it: ask the broker for the pacts to verify
 * (pacts-for-verification), verify them, and publish one result per pact under the provider's version.
 *
 * <p>provider-verifier has no broker {@code PactSource} and no result publisher yet (its
 * {@code Settings.publisher} is "plugged in by the broker integration", which does not exist on main), so
 * this glue does with broker-client what that integration will do.
 */
final class BrokerVerification {
  record Outcome(VerificationReport report, String output, List<PublishedVerification> published) {}

  private BrokerVerification() {}

  static Outcome verify(PactBrokerClient broker, ProviderVerifier verifier, String provider, String providerVersion,
      String branch) {
    List<PactForVerification> selected = broker.pactsForVerification(provider,
        List.of(ConsumerVersionSelector.mainBranch(), ConsumerVersionSelector.deployedOrReleased()), branch, false, null);
    List<PactToVerify> pacts = new ArrayList<>();
    for (PactForVerification p : selected) {
      BrokerPact pact = broker.fetchPact(p.url());
      pacts.add(new PactToVerify(PactReader.read(pact.json(), pact.url()), pact.url(), p.pending(),
          pact.publishVerificationResultsUrl(), List.of()));
    }
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    VerificationReport report = verifier.pactsFrom(() -> pacts)
        .output(new PrintStream(console, true, StandardCharsets.UTF_8))
        .verify();
    List<PublishedVerification> published = new ArrayList<>();
    for (PactToVerify pact : pacts) {
      List<InteractionResult> results = report.results().stream()
          .filter(r -> r.pactOrigin().equals(pact.origin()))
          .toList();
      boolean success = report.fatalError().isEmpty() && results.stream().noneMatch(InteractionResult::failedForReal);
      VerificationResult result = VerificationResult.of(provider, providerVersion, success)
          .withBranch(branch)
          .withTestResults(results.stream().map(BrokerVerification::testResult).toList());
      String link = pact.publishResultsUrl().orElseThrow(() -> new IllegalStateException(
          "The broker gave no pb:publish-verification-results link for " + pact.origin()));
      published.add(broker.publishVerificationResults(link, result));
    }
    return new Outcome(report, console.toString(StandardCharsets.UTF_8), published);
  }

  private static TestResult testResult(InteractionResult r) {
    List<TestResult.Mismatch> mismatches = r.failures().stream()
        .map(f -> new TestResult.Mismatch(attribute(f), f.path().isEmpty() ? null : f.path(), f.describe("")))
        .toList();
    return new TestResult(r.interactionKey(), r.description(), r.passed(), mismatches);
  }

  private static String attribute(Failure f) {
    return switch (f.summary()) {
      case Failure.STATUS -> "status";
      case Failure.HEADERS -> "header";
      case Failure.BODY -> "body";
      case Failure.METADATA -> "metadata";
      case Failure.STATE_CHANGE, Failure.STATE_TEARDOWN, Failure.MISSING_STATE_HANDLER -> "state";
      default -> f.summary().toLowerCase(Locale.ROOT);
    };
  }
}
