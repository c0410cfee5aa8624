package dev.accord.consumer;

import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.Interaction;
import java.util.List;
import java.util.Optional;

/**
 * A test ended without exercising its contract exactly: requests no interaction matched,
 * interactions never received, messages never handed to the consumer. The message is the full
 * report; the accessors give the same facts to tools.
 */
public final class ContractNotExercisedError extends AssertionError {

  /** A request no interaction matched, with the closest interaction and its mismatches. */
  public record UnexpectedRequest(
      HttpRequest request, Optional<Interaction> closest, List<Mismatch> mismatches) {
    public UnexpectedRequest {
      mismatches = List.copyOf(mismatches);
    }
  }

  private final transient List<UnexpectedRequest> unexpectedRequests;
  private final transient List<Interaction> notReceived;
  private final transient List<String> notDelivered;

  ContractNotExercisedError(
      String message,
      List<UnexpectedRequest> unexpectedRequests,
      List<Interaction> notReceived,
      List<String> notDelivered) {
    super(message);
    this.unexpectedRequests = List.copyOf(unexpectedRequests);
    this.notReceived = List.copyOf(notReceived);
    this.notDelivered = List.copyOf(notDelivered);
  }

  /** Requests that matched no interaction, in arrival order. */
  public List<UnexpectedRequest> unexpectedRequests() {
    return unexpectedRequests;
  }

  /** HTTP interactions that were declared but never received. */
  public List<Interaction> notReceived() {
    return notReceived;
  }

  /** Messages that were declared but never handed to the consumer (their labels). */
  public List<String> notDelivered() {
    return notDelivered;
  }
}
