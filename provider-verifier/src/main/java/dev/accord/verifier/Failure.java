package dev.accord.verifier;

import java.util.Objects;

/**
 * One reason an interaction failed.
 *
 * @param summary the kind of failure in the words other Pact verifiers use: {@code Response status
 *     did not match}, {@code Headers had differences}, {@code Body had differences}, {@code
 *     Metadata had differences}, {@code State change request failed}, or one of Accord's own
 *     ({@code Missing state handler}, {@code Request failed}, ...)
 * @param path where: a JSON path ({@code $.items[2].price}), a header or metadata name; empty when
 *     not applicable
 * @param expected the expected value as rendered by the matching engine, or null
 * @param actual the actual value, or null
 * @param detail a sentence a person understands, with the fix when there is one
 * @param rule the matching rule that decided (for a mismatch), or null
 * @param hint what the consumer or the provider could change, or null
 */
public record Failure(
    String summary,
    String path,
    String expected,
    String actual,
    String detail,
    String rule,
    String hint) {

  public static final String STATUS = "Response status did not match";
  public static final String HEADERS = "Headers had differences";
  public static final String BODY = "Body had differences";
  public static final String METADATA = "Metadata had differences";
  public static final String STATE_CHANGE = "State change request failed";
  public static final String STATE_TEARDOWN = "State change teardown failed";
  public static final String MISSING_STATE_HANDLER = "Missing state handler";
  public static final String REQUEST_FAILED = "Request failed";
  public static final String MESSAGE_FAILED = "Message could not be produced";

  public Failure {
    Objects.requireNonNull(summary, "summary");
    path = path == null ? "" : path;
    detail = detail == null ? "" : detail;
  }

  /** A failure without rule or hint. */
  public Failure(String summary, String path, String expected, String actual, String detail) {
    this(summary, path, expected, actual, detail, null, null);
  }

  public static Failure of(String summary, String detail) {
    return new Failure(summary, "", null, null, detail);
  }

  /**
   * One line per fact: summary, then path, detail, rule, expected and actual (both, whenever either
   * is known: an absent value is {@code (none)} or {@code (missing)}), and the hint.
   */
  public String describe(String indent) {
    StringBuilder sb = new StringBuilder(indent).append(summary);
    String inner = indent + "  ";
    if (!path.isEmpty()) {
      sb.append('\n').append(inner).append("at ").append(path);
    }
    if (!detail.isEmpty()) {
      for (String line : detail.split("\n", -1)) {
        sb.append('\n').append(inner).append(line);
      }
    }
    if (rule != null) {
      sb.append('\n').append(inner).append("rule: ").append(rule);
    }
    if (expected != null || actual != null) {
      sb.append('\n')
          .append(inner)
          .append("expected: ")
          .append(expected == null ? "(none)" : expected);
      sb.append('\n')
          .append(inner)
          .append("actual:   ")
          .append(actual == null ? "(missing)" : actual);
    }
    if (hint != null) {
      sb.append('\n').append(inner).append("hint: ").append(hint);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe("");
  }
}
