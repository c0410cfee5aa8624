package dev.accord.pact.matching;

import java.util.Objects;

/**
 * One difference between what a pact expects and what actually happened.
 *
 * @param type the part that differs
 * @param path where: a body path ({@code $.items[2].price}), a header, query or metadata name; {@code ""}
 *     for method, path and status
 * @param expected the expected value as rendered in messages (may be null when not applicable)
 * @param actual the actual value as rendered in messages (may be null when absent)
 * @param description a sentence a person understands; for the mismatches the Pact compatibility suite
 *     checks, its exact wording
 */
public record Mismatch(MismatchType type, String path, String expected, String actual, String description) {
  public Mismatch {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    path = path == null ? "" : path;
  }

  @Override
  public String toString() {
    return path.isEmpty() ? type.key() + ": " + description : type.key() + " " + path + ": " + description;
  }
}
