package dev.accord.verifier;

import dev.accord.broker.client.BrokerException;
import dev.accord.broker.client.BrokerPact;
import dev.accord.broker.client.ConsumerVersionSelector;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.broker.client.PactForVerification;
import dev.accord.broker.client.PublishedVerification;
import dev.accord.broker.client.TestResult;
import dev.accord.broker.client.VerificationNotice;
import dev.accord.broker.client.VerificationResult;
import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.Pact;
import dev.accord.verifier.internal.ResultPublisher;
import dev.accord.verifier.internal.Settings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pacts a Pact Broker says a provider must verify (pacts-for-verification: consumer version
 * selectors, pending and work-in-progress pacts), and where to publish the results.
 *
 * <pre>{@code
 * PactBrokerClient broker = PactBrokerClient.builder().baseUrl("https://broker.example.com")
 *     .bearerToken(System.getenv("PACT_BROKER_TOKEN")).build();
 * ProviderVerifier.forProvider("products-service")
 *     .baseUrl("http://localhost:8080")
 *     .pactsFrom(BrokerPactSource.of(broker)
 *         .selectors(ConsumerVersionSelector.mainBranch(), ConsumerVersionSelector.deployedOrReleased())
 *         .providerBranch("main")
 *         .includePending()
 *         .includeWipPactsSince(LocalDate.of(2026, 1, 1)))
 *     .publishResults(gitSha, "main", System.getenv("BUILD_URL"))
 *     .verify();
 * }</pre>
 *
 * The broker's notices are printed before verifying. Pending and WIP pacts are reported but do not
 * fail.
 */
public final class BrokerPactSource implements PactSource, ResultPublisher {
  private final PactBrokerClient broker;
  private final List<ConsumerVersionSelector> selectors = new ArrayList<>();
  private String providerBranch;
  private boolean includePending;
  private LocalDate includeWipPactsSince;

  private BrokerPactSource(PactBrokerClient broker) {
    this.broker = broker;
  }

  public static BrokerPactSource of(PactBrokerClient broker) {
    return new BrokerPactSource(Objects.requireNonNull(broker, "broker"));
  }

  /** Consumer version selectors; none means the broker's defaults. */
  public BrokerPactSource selectors(ConsumerVersionSelector... chosen) {
    selectors.addAll(List.of(chosen));
    return this;
  }

  public BrokerPactSource selectors(List<ConsumerVersionSelector> chosen) {
    selectors.addAll(chosen);
    return this;
  }

  /** The branch of the provider version being verified (needed for pending and WIP pacts). */
  public BrokerPactSource providerBranch(String branch) {
    this.providerBranch = branch;
    return this;
  }

  /** Ask for pending status: pacts this provider branch never verified do not fail the build. */
  public BrokerPactSource includePending() {
    this.includePending = true;
    return this;
  }

  /** Also verify work-in-progress pacts published since this date (they are pending). */
  public BrokerPactSource includeWipPactsSince(LocalDate since) {
    this.includeWipPactsSince = since;
    return this;
  }

  @Override
  public List<PactToVerify> load() {
    throw new IllegalStateException(
        "A broker source needs the provider name: use it through ProviderVerifier");
  }

  @Override
  public List<PactToVerify> load(String provider) {
    List<PactForVerification> found;
    try {
      found =
          broker.pactsForVerification(
              provider, selectors, providerBranch, includePending, includeWipPactsSince);
    } catch (BrokerException e) {
      throw new PactSourceException(
          "Could not get the pacts for provider "
              + provider
              + " from the broker at "
              + broker.baseUrl()
              + ": "
              + e.getMessage(),
          e);
    }
    List<PactToVerify> pacts = new ArrayList<>();
    for (PactForVerification p : found) {
      BrokerPact fetched;
      try {
        fetched = broker.fetchPact(p.url());
      } catch (BrokerException e) {
        throw new PactSourceException(
            "Could not fetch the pact " + p.name() + " (" + p.url() + "): " + e.getMessage(), e);
      }
      Pact pact;
      try {
        pact = PactReader.read(withoutBrokerLinks(fetched.json()), p.url());
      } catch (PactFormatException e) {
        throw new PactSourceException(
            "The broker's pact " + p.name() + " is invalid: " + e.getMessage(), e);
      }
      List<String> notices = new ArrayList<>();
      for (VerificationNotice n : p.notices()) {
        if ("before_verification".equals(n.when())) {
          notices.add(n.text());
        }
      }
      if (notices.isEmpty() && p.shortDescription() != null && !p.shortDescription().isBlank()) {
        notices.add(p.name() + ": " + p.shortDescription());
      }
      pacts.add(
          new PactToVerify(
              pact,
              p.url(),
              p.pending() || p.wip(),
              fetched.publishVerificationResultsUrl(),
              notices));
    }
    return pacts;
  }

  /**
   * The broker adds {@code _links} to pact documents; they are not part of the pact, so no reader
   * warning.
   */
  private static String withoutBrokerLinks(String json) {
    try {
      tools.jackson.databind.JsonNode doc = dev.accord.pact.json.Json.parse(json);
      if (doc instanceof tools.jackson.databind.node.ObjectNode o && o.has("_links")) {
        o.remove("_links");
        return dev.accord.pact.json.Json.write(o);
      }
    } catch (RuntimeException notJson) {
      // let the reader explain what is wrong with it
    }
    return json;
  }

  /**
   * Publishes one verification result per pact, with per-interaction results. Used by {@link
   * ProviderVerifier}.
   */
  @Override
  public List<String> publish(
      VerificationReport report, List<PactToVerify> pacts, Settings settings) {
    List<String> lines = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (PactToVerify p : pacts) {
      Optional<String> link = p.publishResultsUrl();
      if (link.isEmpty()) {
        if (p.origin().startsWith(broker.baseUrl())) {
          failures.add("the broker gave no pb:publish-verification-results link for " + p.origin());
        }
        continue;
      }
      List<TestResult> tests = new ArrayList<>();
      boolean success = true;
      for (InteractionResult r : report.results()) {
        if (!r.pactOrigin().equals(p.origin())) {
          continue;
        }
        boolean passed = r.passed();
        success &= passed;
        List<TestResult.Mismatch> mismatches =
            r.failures().stream()
                .map(
                    f ->
                        new TestResult.Mismatch(
                            attribute(f),
                            f.path().isEmpty() ? null : f.path(),
                            f.detail().isEmpty() ? f.summary() : f.summary() + ": " + f.detail()))
                .toList();
        tests.add(new TestResult(interactionId(p.pact(), r), r.description(), passed, mismatches));
      }
      if (report.fatalError().isPresent()) {
        success = false;
      }
      VerificationResult result =
          VerificationResult.of(settings.provider, settings.providerVersion, success)
              .withBranch(settings.providerBranch)
              .withBuildUrl(settings.buildUrl)
              .withTestResults(tests)
              .withCoverage(
                  dev.accord.verifier.internal.report.ReportFiles.coverageJson(
                          dev.accord.verifier.internal.CoverageTally.ofPact(p, report.results()))
                      .toString());
      try {
        PublishedVerification published = broker.publishVerificationResults(link.get(), result);
        lines.add(
            "Published "
                + (success ? "successful" : "failed")
                + " verification of "
                + p.pact().consumer().name()
                + " -> "
                + settings.provider
                + " as provider version "
                + settings.providerVersion
                + (settings.providerBranch == null
                    ? ""
                    : " (branch " + settings.providerBranch + ")")
                + ": "
                + published.url());
      } catch (BrokerException e) {
        failures.add(p.origin() + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(String.join("\n", failures));
    }
    return lines;
  }

  private static String attribute(Failure f) {
    return switch (f.summary()) {
      case Failure.STATUS -> "status";
      case Failure.HEADERS -> "header";
      case Failure.BODY -> "body";
      case Failure.METADATA -> "metadata";
      case Failure.STATE_CHANGE, Failure.STATE_TEARDOWN, Failure.MISSING_STATE_HANDLER -> "state";
      default -> "error";
    };
  }

  private static String interactionId(Pact pact, InteractionResult r) {
    for (Interaction i : pact.interactions()) {
      if (i.description().equals(r.description()) && i.providerStates().equals(r.states())) {
        var id = i.extensions().get("_id");
        if (id != null) {
          return id.asString();
        }
        return i.key().orElse("");
      }
    }
    return "";
  }

  @Override
  public String toString() {
    return "broker " + broker.baseUrl();
  }
}
