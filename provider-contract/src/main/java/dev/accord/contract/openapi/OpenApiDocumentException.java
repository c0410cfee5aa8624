package dev.accord.contract.openapi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An OpenAPI document that cannot be used as a contract: not YAML or JSON, not OpenAPI 3.0 or 3.1,
 * or with problems the parser reported (a missing required field, an unresolvable {@code $ref},
 * ...). The message lists every problem, each with where it is, so one run shows all there is to
 * fix.
 */
public final class OpenApiDocumentException extends RuntimeException {

  /**
   * One problem of a document: where (the document's location, then the parser's own position) and
   * what.
   */
  public record Problem(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private final String location;
  private final List<Problem> problems;

  public OpenApiDocumentException(String location, List<Problem> problems) {
    super(render(location, problems));
    this.location = location;
    this.problems = List.copyOf(problems);
  }

  /** Where the document came from (a file path, a URL, or the name the caller gave). */
  public String location() {
    return location;
  }

  /** Every problem found, in the parser's order; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(String location, List<Problem> problems) {
    return "The OpenAPI document "
        + location
        + " cannot be used ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n"
        + problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n"))
        + "\nFix the document (an OpenAPI 3.0 or 3.1 document, YAML or JSON) and load it again.";
  }
}
