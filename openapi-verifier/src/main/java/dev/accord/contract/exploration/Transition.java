package dev.accord.contract.exploration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call that may follow another: the second operation's parameters taken from the first call.
 *
 * @param kind where it comes from: a link of the document, a data dependency inferred from names, a
 *     transitions file
 * @param name the link's name ({@code GetBook}), {@code inferred}, or the file's name for it
 * @param from the operation whose call it follows (its {@link ApiOperation#id()})
 * @param status the status of that call it follows, as the document writes it ({@code 201}, {@code
 *     2XX}, {@code default}); null for any 2xx
 * @param to the operation it calls (its {@link ApiOperation#id()})
 * @param parameters the called operation's parameters ({@code path.id}, or a bare name) → runtime
 *     expressions over the first call ({@code $response.body#/id}, {@code $request.path.id}) or
 *     constants
 * @param requestBody a runtime expression for the called operation's body, or null (then generated)
 */
public record Transition(
    Kind kind,
    String name,
    String from,
    String status,
    String to,
    Map<String, String> parameters,
    String requestBody) {

  /** Where a transition comes from. */
  public enum Kind {
    /** An OpenAPI link ({@code responses.201.links}). */
    LINK,
    /** A response field feeding a parameter of the same name, when the document has no links. */
    INFERRED,
    /** An explicit transitions file. */
    FILE
  }

  public Transition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** {@code createBook 201 → getBook}: how coverage names a transition. */
  public String label() {
    return from + (status == null ? "" : " " + status) + " → " + to;
  }

  /** {@code createBook 201 → getBook (link GetBook: id = $response.body#/id)}. */
  public String describe() {
    StringBuilder out = new StringBuilder(label()).append(" (");
    out.append(
        switch (kind) {
          case LINK -> "link " + name;
          case INFERRED -> "inferred";
          case FILE -> "transitions file" + (name == null || name.isEmpty() ? "" : " " + name);
        });
    if (!parameters.isEmpty()) {
      out.append(": ");
      StringBuilder bindings = new StringBuilder();
      parameters.forEach(
          (k, v) ->
              bindings
                  .append(bindings.length() == 0 ? "" : ", ")
                  .append(k)
                  .append(" = ")
                  .append(v));
      out.append(bindings);
    }
    if (requestBody != null) {
      out.append(parameters.isEmpty() ? ": " : ", ").append("body = ").append(requestBody);
    }
    return out.append(')').toString();
  }

  /**
   * Whether a call of {@link #from} that answered {@code actual} may be followed by this
   * transition.
   */
  boolean followsStatus(int actual) {
    if (status == null || status.equals("default")) {
      return actual >= 200 && actual < 300;
    }
    if (status.length() == 3 && (status.endsWith("XX") || status.endsWith("xx"))) {
      return String.valueOf(actual).charAt(0) == status.charAt(0);
    }
    return status.equals(String.valueOf(actual));
  }
}
