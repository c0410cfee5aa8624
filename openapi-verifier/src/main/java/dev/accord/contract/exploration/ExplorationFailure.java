package dev.accord.contract.exploration;

import java.util.List;

/**
 * A failure exploration found, with the shortest sequence that still fails the same way.
 *
 * @param check the check that failed
 * @param operation the operation it failed on
 * @param message what was wrong, with the step's call and what was expected
 * @param sequence the number of the sequence that found it (from 1)
 * @param originalLength how many steps that sequence had run when it failed
 * @param shrinkRuns how many re-runs shrinking took
 * @param shrinkComplete false when shrinking stopped early (time budget, re-run budget): the
 *     sequence may be longer than needed
 * @param steps the shortest failing sequence, as it ran
 * @param resetRequest the state-change request that resets the provider before the sequence, or
 *     null
 * @param occurrences in how many sequences the same failure (check and operation) was found
 */
public record ExplorationFailure(
    Check check,
    String operation,
    String message,
    int sequence,
    int originalLength,
    int shrinkRuns,
    boolean shrinkComplete,
    List<ExploredStep> steps,
    ExploredRequest resetRequest,
    int occurrences) {

  public ExplorationFailure {
    steps = List.copyOf(steps);
  }

  /** The failing sequence as {@code curl} commands, the reset first when there is one. */
  public List<String> curlCommands() {
    java.util.ArrayList<String> commands = new java.util.ArrayList<>();
    if (resetRequest != null) {
      commands.add(resetRequest.curl());
    }
    steps.forEach(step -> commands.add(step.request().curl()));
    return List.copyOf(commands);
  }

  ExplorationFailure withOccurrences(int count) {
    return new ExplorationFailure(
        check,
        operation,
        message,
        sequence,
        originalLength,
        shrinkRuns,
        shrinkComplete,
        steps,
        resetRequest,
        count);
  }
}
