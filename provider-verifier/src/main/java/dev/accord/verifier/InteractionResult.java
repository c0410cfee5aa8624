package dev.accord.verifier;

import dev.accord.pact.model.ProviderState;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of verifying one interaction.
 *
 * @param consumer the consumer name from the pact
 * @param description the interaction's description
 * @param states its provider states, in order
 * @param kind {@code Synchronous/HTTP}, {@code Asynchronous/Messages} or {@code
 *     Synchronous/Messages}
 * @param pactOrigin where the pact came from
 * @param interactionKey the V4 key when the pact had one, else empty
 * @param pending a pending pact or interaction: failures are reported but do not fail the
 *     verification
 * @param outcome passed, failed or not run
 * @param failures every reason it failed, empty when it passed
 * @param durationMillis wall time spent on it (states, request, matching)
 * @param requestSent for a failed HTTP interaction, the request as it was sent (after generators,
 *     provider-state values and request filters; credentials redacted), one line per part; empty
 *     otherwise
 * @param notRunReason for an interaction that was not run, why (fail-fast, the failure budget, the
 *     time budget, consecutive timeouts, an unreachable provider); empty otherwise
 * @param responseReceived for a failed HTTP interaction that got an answer, the response (status,
 *     headers, body, credentials redacted); empty otherwise
 * @param curl for a failed HTTP interaction, a {@code curl} command that sends the same request
 *     again (credentials redacted: put them back by hand); empty otherwise
 */
public record InteractionResult(
    String consumer,
    String description,
    List<ProviderState> states,
    String kind,
    String pactOrigin,
    String interactionKey,
    boolean pending,
    Outcome outcome,
    List<Failure> failures,
    long durationMillis,
    String requestSent,
    String notRunReason,
    String responseReceived,
    String curl) {

  /** What happened to an interaction. */
  public enum Outcome {
    PASSED,
    FAILED,
    /** Not verified: something stopped the run first ({@link #notRunReason()} says what). */
    NOT_RUN
  }

  public InteractionResult {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(description, "description");
    states = states == null ? List.of() : List.copyOf(states);
    failures = failures == null ? List.of() : List.copyOf(failures);
    interactionKey = interactionKey == null ? "" : interactionKey;
    requestSent = requestSent == null ? "" : requestSent;
    notRunReason = notRunReason == null ? "" : notRunReason;
    responseReceived = responseReceived == null ? "" : responseReceived;
    curl = curl == null ? "" : curl;
  }

  /** A result that was run, with the request sent, the response received and the replay command. */
  public InteractionResult(
      String consumer,
      String description,
      List<ProviderState> states,
      String kind,
      String pactOrigin,
      String interactionKey,
      boolean pending,
      Outcome outcome,
      List<Failure> failures,
      long durationMillis,
      String requestSent,
      String responseReceived,
      String curl) {
    this(
        consumer,
        description,
        states,
        kind,
        pactOrigin,
        interactionKey,
        pending,
        outcome,
        failures,
        durationMillis,
        requestSent,
        "",
        responseReceived,
        curl);
  }

  /** A result with the request sent but neither the response nor the replay command. */
  public InteractionResult(
      String consumer,
      String description,
      List<ProviderState> states,
      String kind,
      String pactOrigin,
      String interactionKey,
      boolean pending,
      Outcome outcome,
      List<Failure> failures,
      long durationMillis,
      String requestSent) {
    this(
        consumer,
        description,
        states,
        kind,
        pactOrigin,
        interactionKey,
        pending,
        outcome,
        failures,
        durationMillis,
        requestSent,
        "",
        "",
        "");
  }

  /** The same interaction, not run, for this reason. */
  public InteractionResult notRun(String reason) {
    return new InteractionResult(
        consumer,
        description,
        states,
        kind,
        pactOrigin,
        interactionKey,
        pending,
        Outcome.NOT_RUN,
        List.of(),
        0,
        "",
        reason,
        "",
        "");
  }

  /** A result without the request sent. */
  public InteractionResult(
      String consumer,
      String description,
      List<ProviderState> states,
      String kind,
      String pactOrigin,
      String interactionKey,
      boolean pending,
      Outcome outcome,
      List<Failure> failures,
      long durationMillis) {
    this(
        consumer,
        description,
        states,
        kind,
        pactOrigin,
        interactionKey,
        pending,
        outcome,
        failures,
        durationMillis,
        "",
        "",
        "",
        "");
  }

  /** {@code "<consumer> · <description> [given <states>]"}, the name of the JUnit test too. */
  public String displayName() {
    return displayName(consumer, description, states);
  }

  public static String displayName(
      String consumer, String description, List<ProviderState> states) {
    String name = consumer + " \u00b7 " + description;
    if (!states.isEmpty()) {
      name +=
          " [given "
              + states.stream().map(ProviderState::name).collect(Collectors.joining(", "))
              + "]";
    }
    return name;
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /** Failed and counts against the verification (not pending). */
  public boolean failedForReal() {
    return outcome == Outcome.FAILED && !pending;
  }

  /** The interaction name and every failure, indented, as printed by the console report. */
  public String describeFailures() {
    StringBuilder sb = new StringBuilder(displayName());
    if (pending) {
      sb.append(" (pending)");
    }
    sb.append("\n  from ").append(pactOrigin);
    if (!requestSent.isEmpty()) {
      sb.append('\n').append(requestSent.indent(2).stripTrailing());
    }
    if (!responseReceived.isEmpty()) {
      sb.append('\n').append(responseReceived.indent(2).stripTrailing());
    }
    for (Failure f : failures) {
      sb.append('\n').append(f.describe("    "));
    }
    if (!curl.isEmpty()) {
      sb.append("\n  replay: ").append(curl);
    }
    return sb.toString();
  }
}
