package dev.accord.contract.conformance;

import dev.accord.contract.validate.Violation;
import java.util.List;

/**
 * What one case gave.
 *
 * @param name the case's display name ({@link ConformanceCase#displayName()})
 * @param operationId the operationId, or null
 * @param method the operation's method
 * @param path the operation's path template
 * @param status the documented response key the case covers
 * @param states the names of its provider states
 * @param outcome passed, failed, skipped (it could not be run as documented) or not run (a budget
 *     stopped the run)
 * @param reason why it was skipped or not run, with the fix; empty otherwise
 * @param request the request line sent ({@code GET /status/42}), empty when none was sent
 * @param curl the request as a {@code curl} command, empty when none was sent
 * @param responseStatus the status the provider answered, 0 when none
 * @param responseBody the body the provider answered (cut at 2000 characters), empty when none
 * @param violations how the response broke the document
 * @param failures what else went wrong (a state change, no response), each a message with its fix
 * @param millis how long the case took
 */
public record CaseResult(
    String name,
    String operationId,
    String method,
    String path,
    String status,
    List<String> states,
    Outcome outcome,
    String reason,
    String request,
    String curl,
    int responseStatus,
    String responseBody,
    List<Violation> violations,
    List<String> failures,
    long millis) {

  /** How a case ended. */
  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED,
    NOT_RUN
  }

  public CaseResult {
    states = List.copyOf(states);
    violations = List.copyOf(violations);
    failures = List.copyOf(failures);
  }

  static CaseResult without(ConformanceCase c, Outcome outcome, String reason) {
    return new CaseResult(
        c.displayName(),
        c.operation().operationId(),
        c.operation().method(),
        c.operation().path(),
        c.status(),
        c.states().stream().map(s -> s.name()).toList(),
        outcome,
        reason,
        "",
        "",
        0,
        "",
        List.of(),
        List.of(),
        0);
  }
}
