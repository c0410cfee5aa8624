package dev.accord.contract.comparison;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of comparing one pact with one OpenAPI document.
 *
 * @param consumer the pact's consumer
 * @param provider the pact's provider
 * @param document the document's location
 * @param interactionsCompared how many HTTP interactions were compared
 * @param incompatibilities every finding, errors and warnings, in interaction order
 * @param notices what was not compared and why (message interactions: OpenAPI describes HTTP)
 */
public record ComparisonResult(
    String consumer,
    String provider,
    String document,
    int interactionsCompared,
    List<Incompatibility> incompatibilities,
    List<String> notices) {

  public ComparisonResult {
    incompatibilities = List.copyOf(incompatibilities);
    notices = List.copyOf(notices);
  }

  /** True when no finding is an error: every HTTP interaction fits the document. */
  public boolean isCompatible() {
    return errors().isEmpty();
  }

  /** The findings that make the pact incompatible. */
  public List<Incompatibility> errors() {
    return incompatibilities.stream().filter(Incompatibility::isError).toList();
  }

  /** The findings worth reading that do not make the pact incompatible. */
  public List<Incompatibility> warnings() {
    return incompatibilities.stream().filter(i -> !i.isError()).toList();
  }

  /** A console report: a summary line, each finding, and the notices. */
  public String report() {
    long failing = errors().stream().map(Incompatibility::interaction).distinct().count();
    StringBuilder out = new StringBuilder();
    out.append("The pact between ")
        .append(consumer)
        .append(" and ")
        .append(provider)
        .append(isCompatible() ? " is compatible with " : " is NOT compatible with ")
        .append(document)
        .append(": ")
        .append(failing)
        .append(" of ")
        .append(interactionsCompared)
        .append(interactionsCompared == 1 ? " interaction" : " interactions")
        .append(" incompatible, ")
        .append(errors().size())
        .append(errors().size() == 1 ? " error, " : " errors, ")
        .append(warnings().size())
        .append(warnings().size() == 1 ? " warning" : " warnings")
        .append('\n');
    if (!incompatibilities.isEmpty()) {
      out.append(
              incompatibilities.stream()
                  .map(Incompatibility::toString)
                  .collect(Collectors.joining("\n")))
          .append('\n');
    }
    for (String notice : notices) {
      out.append("notice: ").append(notice).append('\n');
    }
    return out.toString();
  }
}
