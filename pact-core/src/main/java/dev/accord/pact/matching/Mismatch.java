package dev.accord.pact.matching;

import java.util.Objects;

/**
 * One difference between what a pact expects and what actually happened.
 *
 * @param type the part that differs
 * @param path where: a body path ({@code $.items[2].price}), a header, query or metadata name;
 *     {@code ""} for method, path and status
 * @param expected the expected value as rendered in messages (may be null when not applicable)
 * @param actual the actual value as rendered in messages (may be null when absent)
 * @param description a sentence a person understands; for the mismatches the Pact compatibility
 *     suite checks, its exact wording
 * @param rule the matching rule that decided, as text ({@code type}, {@code regex '\d+'}), {@link
 *     #NO_RULE} when no rule applies at the path so the values had to be equal, or null when the
 *     matcher does not say
 */
public record Mismatch(
    MismatchType type,
    String path,
    String expected,
    String actual,
    String description,
    String rule) {
  /**
   * The {@link #rule()} of a mismatch where no matching rule applies: the pact expects exactly the
   * example.
   */
  public static final String NO_RULE = "equality (no matching rule at this path)";

  public Mismatch {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    path = path == null ? "" : path;
  }

  /** A mismatch whose matcher does not say which rule decided. */
  public Mismatch(
      MismatchType type, String path, String expected, String actual, String description) {
    this(type, path, expected, actual, description, null);
  }

  @Override
  public String toString() {
    return path.isEmpty()
        ? type.key() + ": " + description
        : type.key() + " " + path + ": " + description;
  }
}
