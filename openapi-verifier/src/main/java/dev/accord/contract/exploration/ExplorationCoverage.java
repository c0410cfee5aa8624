package dev.accord.contract.exploration;

import java.util.List;

/**
 * What exploration reached: the selected operations it called, the transitions it followed, and
 * among them the document's links.
 *
 * @param operations every selected operation's id, in document order
 * @param calledOperations those called at least once
 * @param transitions every transition between selected operations ({@link Transition#label()})
 * @param followedTransitions those followed at least once
 * @param links the transitions that are the document's links
 * @param followedLinks those followed at least once
 */
public record ExplorationCoverage(
    List<String> operations,
    List<String> calledOperations,
    List<String> transitions,
    List<String> followedTransitions,
    List<String> links,
    List<String> followedLinks) {

  public ExplorationCoverage {
    operations = List.copyOf(operations);
    calledOperations = List.copyOf(calledOperations);
    transitions = List.copyOf(transitions);
    followedTransitions = List.copyOf(followedTransitions);
    links = List.copyOf(links);
    followedLinks = List.copyOf(followedLinks);
  }

  /** The selected operations never called. */
  public List<String> operationsNotCalled() {
    return operations.stream().filter(o -> !calledOperations.contains(o)).toList();
  }

  /** The transitions never followed. */
  public List<String> transitionsNotFollowed() {
    return transitions.stream().filter(t -> !followedTransitions.contains(t)).toList();
  }

  /** {@code operations 5 of 5, transitions 6 of 7, links 6 of 7}. */
  public String summary() {
    return "operations "
        + calledOperations.size()
        + " of "
        + operations.size()
        + ", transitions "
        + followedTransitions.size()
        + " of "
        + transitions.size()
        + ", links "
        + followedLinks.size()
        + " of "
        + links.size();
  }
}
