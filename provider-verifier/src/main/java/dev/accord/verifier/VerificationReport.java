package dev.accord.verifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verification found: one {@link InteractionResult} per interaction, an error that stopped
 * the run (an unreachable provider, no pact for the provider), what publishing results did, and the
 * pacts that could not be loaded (every problem of each; the other pacts were still verified).
 *
 * <pre>{@code
 * VerificationReport report = ProviderVerifier.forProvider("products-service")...verify();
 * report.assertPassed(); // AssertionError listing every failure, ending with "2 of 41 interactions failed"
 * }</pre>
 */
public record VerificationReport(
    String provider,
    List<InteractionResult> results,
    Optional<String> fatalError,
    List<String> publishing,
    List<String> unreadablePacts,
    Coverage coverage,
    Reproduction reproduction) {

  public VerificationReport {
    Objects.requireNonNull(provider, "provider");
    results = results == null ? List.of() : List.copyOf(results);
    fatalError = fatalError == null ? Optional.empty() : fatalError;
    publishing = publishing == null ? List.of() : List.copyOf(publishing);
    unreadablePacts = unreadablePacts == null ? List.of() : List.copyOf(unreadablePacts);
    coverage = coverage == null ? dev.accord.verifier.internal.CoverageTally.of(results) : coverage;
    reproduction =
        reproduction == null
            ? new Reproduction(0, Reproduction.currentVersion(), List.of())
            : reproduction;
  }

  /** A report without a recorded seed and filters. */
  public VerificationReport(
      String provider,
      List<InteractionResult> results,
      Optional<String> fatalError,
      List<String> publishing,
      List<String> unreadablePacts,
      Coverage coverage) {
    this(provider, results, fatalError, publishing, unreadablePacts, coverage, null);
  }

  /**
   * A report whose coverage is counted from the results alone (no filtered-out interactions, no
   * endpoints).
   */
  public VerificationReport(
      String provider,
      List<InteractionResult> results,
      Optional<String> fatalError,
      List<String> publishing,
      List<String> unreadablePacts) {
    this(provider, results, fatalError, publishing, unreadablePacts, null, null);
  }

  /** A report in which every pact could be loaded. */
  public VerificationReport(
      String provider,
      List<InteractionResult> results,
      Optional<String> fatalError,
      List<String> publishing) {
    this(provider, results, fatalError, publishing, List.of(), null, null);
  }

  /** Interactions that were verified or should have been (filtered-out ones are not counted). */
  public int total() {
    return results.size();
  }

  /** Failed non-pending interactions, plus those not run because of a fatal error. */
  public long failedCount() {
    return results.stream()
        .filter(
            r ->
                r.failedForReal()
                    || (r.outcome() == InteractionResult.Outcome.NOT_RUN
                        && fatalError.isPresent()
                        && !r.pending()))
        .count();
  }

  public long pendingFailedCount() {
    return results.stream()
        .filter(r -> r.outcome() == InteractionResult.Outcome.FAILED && r.pending())
        .count();
  }

  public long notRunCount() {
    return results.stream().filter(r -> r.outcome() == InteractionResult.Outcome.NOT_RUN).count();
  }

  /**
   * True when every pact was loaded, no fatal error happened and every non-pending interaction
   * passed.
   */
  public boolean passed() {
    return fatalError.isEmpty() && unreadablePacts.isEmpty() && failedCount() == 0;
  }

  /**
   * {@code "N of M interactions failed"}, plus pending and not-run counts when there are any, and
   * the number of pacts that could not be loaded; {@code "Nothing was verified"} when an error left
   * no interaction to verify.
   */
  public String summary() {
    String unreadable =
        unreadablePacts.isEmpty()
            ? ""
            : unreadablePacts.size()
                + (unreadablePacts.size() == 1 ? " pact" : " pacts")
                + " could not be loaded";
    if (total() == 0 && !passed()) {
      return "Nothing was verified" + (unreadable.isEmpty() ? "" : ": " + unreadable);
    }
    StringBuilder sb =
        new StringBuilder()
            .append(failedCount())
            .append(" of ")
            .append(total())
            .append(total() == 1 ? " interaction failed" : " interactions failed");
    long pending = pendingFailedCount();
    long notRun = notRunCount();
    if (pending > 0 || notRun > 0) {
      sb.append(" (");
      if (pending > 0) {
        sb.append(pending)
            .append(" pending ")
            .append(pending == 1 ? "interaction" : "interactions")
            .append(" also failed, not counted");
      }
      if (notRun > 0) {
        sb.append(pending > 0 ? "; " : "").append(notRun).append(" not run");
      }
      sb.append(')');
    }
    if (!unreadable.isEmpty()) {
      sb.append("; ").append(unreadable);
    }
    return sb.toString();
  }

  /**
   * The pacts that could not be loaded, the fatal error if any, every failure, then the summary
   * line and, when the run did not pass, how to replay it.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    unreadablePacts.forEach(e -> sb.append(e).append("\n\n"));
    fatalError.ifPresent(e -> sb.append(e).append("\n\n"));
    for (InteractionResult r : results) {
      if (r.outcome() == InteractionResult.Outcome.FAILED) {
        sb.append(r.describeFailures()).append("\n\n");
      }
    }
    sb.append(summary());
    if (!passed()) {
      sb.append("\nTo replay: ").append(reproduction.describe());
    }
    return sb.toString();
  }

  /**
   * @throws AssertionError listing every failure when {@link #passed()} is false
   */
  public VerificationReport assertPassed() {
    if (!passed()) {
      throw new AssertionError(
          "Provider " + provider + " does not honour its contracts.\n\n" + describe());
    }
    return this;
  }
}
