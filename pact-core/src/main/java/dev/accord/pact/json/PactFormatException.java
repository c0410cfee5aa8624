package dev.accord.pact.json;

import java.util.List;

/**
 * A pact that cannot be read: names the source (file, URL, broker link), the JSON path, what is
 * wrong and the valid form.
 */
public class PactFormatException extends RuntimeException {
  private final List<PactFormatException> problems;
  private final String source;
  private final String jsonPath;
  private final String problem;
  private final String validForm;

  public PactFormatException(String source, String jsonPath, String problem, String validForm) {
    this(source, jsonPath, problem, validForm, null);
  }

  public PactFormatException(
      String source, String jsonPath, String problem, String validForm, Throwable cause) {
    super(format(source, jsonPath, problem, validForm), cause);
    this.problems = List.of(this);
    this.source = source;
    this.jsonPath = jsonPath;
    this.problem = problem;
    this.validForm = validForm;
  }

  private PactFormatException(List<PactFormatException> problems) {
    super(formatAll(problems), problems.get(0).getCause());
    this.problems = List.copyOf(problems);
    PactFormatException first = problems.get(0);
    this.source = first.source;
    this.jsonPath = first.jsonPath;
    this.problem = first.problem;
    this.validForm = first.validForm;
  }

  /**
   * Every problem of one pact in one exception: the message lists them all (each with its JSON path
   * and valid form), {@link #problems()} returns them; a single problem is returned as it is.
   */
  public static PactFormatException of(List<PactFormatException> problems) {
    List<PactFormatException> all = problems.stream().flatMap(p -> p.problems().stream()).toList();
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no problems");
    }
    return all.size() == 1 ? all.get(0) : new PactFormatException(all);
  }

  /** Every problem found in the pact, each with its JSON path; just this one when there was one. */
  public List<PactFormatException> problems() {
    return problems;
  }

  private static String formatAll(List<PactFormatException> problems) {
    String source = problems.get(0).source;
    StringBuilder sb =
        new StringBuilder("Invalid pact ")
            .append(source == null ? "<unnamed>" : source)
            .append(": ")
            .append(problems.size())
            .append(" problems");
    for (PactFormatException p : problems) {
      sb.append("\n  ");
      if (p.jsonPath != null && !p.jsonPath.isEmpty()) {
        sb.append("at ").append(p.jsonPath).append(": ");
      }
      sb.append(p.problem);
      if (p.validForm != null && !p.validForm.isEmpty()) {
        sb.append("\n    Valid form: ").append(p.validForm);
      }
    }
    return sb.toString();
  }

  private static String format(String source, String jsonPath, String problem, String validForm) {
    StringBuilder sb =
        new StringBuilder("Invalid pact ").append(source == null ? "<unnamed>" : source);
    if (jsonPath != null && !jsonPath.isEmpty()) {
      sb.append(" at ").append(jsonPath);
    }
    sb.append(": ").append(problem);
    if (validForm != null && !validForm.isEmpty()) {
      sb.append("\n  Valid form: ").append(validForm);
    }
    return sb.toString();
  }

  public String source() {
    return source;
  }

  public String jsonPath() {
    return jsonPath;
  }

  public String problem() {
    return problem;
  }

  public String validForm() {
    return validForm;
  }
}
