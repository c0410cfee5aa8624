package dev.accord.broker.client;

import java.util.List;

/**
 * The result of one interaction, as published inside a verification result's {@code testResults}.
 *
 * @param interactionId the interaction's {@code _id} from the broker's pact (empty when none)
 * @param interactionDescription the interaction's description
 * @param success whether it passed
 * @param mismatches what did not match (empty on success)
 */
public record TestResult(
    String interactionId,
    String interactionDescription,
    boolean success,
    List<Mismatch> mismatches) {

  public TestResult {
    interactionId = interactionId == null ? "" : interactionId;
    mismatches = List.copyOf(mismatches);
  }

  /**
   * One mismatch of an interaction.
   *
   * @param attribute {@code status}, {@code header}, {@code body}, {@code metadata}, {@code state},
   *     ...
   * @param path the JSON path or header name, when it applies (may be null)
   * @param description the full mismatch text
   */
  public record Mismatch(String attribute, String path, String description) {}
}
