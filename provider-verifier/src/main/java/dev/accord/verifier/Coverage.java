package dev.accord.verifier;

import java.util.List;
import java.util.Objects;

/**
 * What a verification covered: every interaction of the pacts counted once (filtered-out ones
 * included), the provider states exercised with their outcome, and the provider endpoints the pacts
 * touch.
 *
 * <pre>{@code
 * Coverage coverage = report.coverage();
 * coverage.filteredOut();            // 2: interactions a filter left out, still counted
 * coverage.endpoints().get(0).path(); // "/users/{param}"
 * }</pre>
 *
 * @param interactions every interaction of the pacts for this provider, filtered-out ones included
 * @param passed verified and passed (pending ones included)
 * @param failed verified and failed, counting against the verification
 * @param pending pending interactions that failed (reported, not counted)
 * @param filteredOut left out by a consumer, description or state filter
 * @param notRun selected but never verified (fail-fast, an unreachable provider)
 * @param states each provider state the selected interactions use, in first-use order
 * @param endpoints each provider endpoint (method and path template) the pacts' HTTP interactions
 *     touch
 */
public record Coverage(
    long interactions,
    long passed,
    long failed,
    long pending,
    long filteredOut,
    long notRun,
    List<StateCoverage> states,
    List<EndpointCoverage> endpoints) {

  public Coverage {
    states = states == null ? List.of() : List.copyOf(states);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  /** Interactions that ran to an outcome: passed, failed or pending failures. */
  public long verified() {
    return passed + failed + pending;
  }

  /**
   * One provider state and what happened to the interactions that use it.
   *
   * @param setupFailures interactions whose setup or teardown of this state failed (or had no
   *     handler)
   */
  public record StateCoverage(
      String name, long interactions, long passed, long failed, long notRun, long setupFailures) {
    public StateCoverage {
      Objects.requireNonNull(name, "name");
    }

    /**
     * {@code all passed}, {@code 1 failed}, {@code setup failed 2 times}, ...: the state's outcome
     * in words.
     */
    public String outcome() {
      if (setupFailures > 0) {
        return "setup failed " + (setupFailures == 1 ? "once" : setupFailures + " times");
      }
      if (failed > 0) {
        return failed + " failed";
      }
      if (passed == 0) {
        return "not run";
      }
      return passed == interactions ? "all passed" : passed + " passed, " + notRun + " not run";
    }
  }

  /**
   * A provider endpoint: the method and a path template where segments that vary across
   * interactions, ids, UUIDs and state-injected values are {@code {param}}.
   */
  public record EndpointCoverage(
      String method, String path, List<CoveringInteraction> interactions) {
    public EndpointCoverage {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }

    public long count(String outcome) {
      return interactions.stream().filter(i -> i.outcome().equals(outcome)).count();
    }
  }

  /**
   * An interaction covering an endpoint.
   *
   * @param outcome {@code passed}, {@code failed}, {@code pending}, {@code not run} or {@code
   *     filtered out}
   */
  public record CoveringInteraction(String name, String outcome) {}

  /** The coverage lines of the console summary. */
  public String describe() {
    StringBuilder sb =
        new StringBuilder("Coverage: ")
            .append(interactions)
            .append(interactions == 1 ? " interaction" : " interactions")
            .append(" in the pacts: ")
            .append(verified())
            .append(" verified (")
            .append(passed)
            .append(" passed, ")
            .append(failed)
            .append(" failed, ")
            .append(pending)
            .append(" pending), ")
            .append(filteredOut)
            .append(" filtered out, ")
            .append(notRun)
            .append(" not run");
    if (!states.isEmpty()) {
      sb.append("\n  provider states exercised:");
      for (StateCoverage s : states) {
        sb.append("\n    ")
            .append(s.name())
            .append(": ")
            .append(s.interactions())
            .append(s.interactions() == 1 ? " interaction, " : " interactions, ")
            .append(s.outcome());
      }
    }
    if (!endpoints.isEmpty()) {
      sb.append("\n  provider endpoints touched:");
      for (EndpointCoverage e : endpoints) {
        sb.append("\n    ")
            .append(e.method())
            .append(' ')
            .append(e.path())
            .append(": ")
            .append(e.interactions().size())
            .append(e.interactions().size() == 1 ? " interaction" : " interactions");
        StringBuilder parts = new StringBuilder();
        for (String outcome : List.of("passed", "failed", "pending", "not run", "filtered out")) {
          long n = e.count(outcome);
          if (n > 0) {
            parts.append(parts.isEmpty() ? "" : ", ").append(n).append(' ').append(outcome);
          }
        }
        sb.append(" (").append(parts).append(')');
      }
    }
    return sb.toString();
  }
}
