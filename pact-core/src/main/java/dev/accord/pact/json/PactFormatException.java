package dev.accord.pact.json;

/**
 * A pact that cannot be read: names the source (file, URL, broker link), the JSON path, what is wrong and
 * the valid form.
 */
public class PactFormatException extends RuntimeException {
  private final String source;
  private final String jsonPath;
  private final String problem;
  private final String validForm;

  public PactFormatException(String source, String jsonPath, String problem, String validForm) {
    this(source, jsonPath, problem, validForm, null);
  }

  public PactFormatException(String source, String jsonPath, String problem, String validForm, Throwable cause) {
    super(format(source, jsonPath, problem, validForm), cause);
    this.source = source;
    this.jsonPath = jsonPath;
    this.problem = problem;
    this.validForm = validForm;
  }

  private static String format(String source, String jsonPath, String problem, String validForm) {
    StringBuilder sb = new StringBuilder("Invalid pact ").append(source == null ? "<unnamed>" : source);
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
