package dev.accord.contract.comparison;

import java.util.Objects;

/**
 * One way an interaction of a pact does not fit the provider's OpenAPI document.
 *
 * @param code what kind of problem, with swagger-mock-validator's meaning ({@code
 *     request.body.incompatible}, {@code response.status.unknown}, ...): see docs/openapi.md for
 *     every code
 * @param severity an {@link Severity#ERROR} makes the pact incompatible; a {@link Severity#WARNING}
 *     does not
 * @param interaction the interaction's description
 * @param pactPath where in the pact file: {@code $.interactions[2].response.body.items[0].price}
 * @param documentPointer where in the document, as a JSON pointer: {@code
 *     /components/schemas/Product/properties/price}; {@code ""} for the document as a whole
 * @param message why, in words: what the pact has, what the document says, and how to fix it
 */
public record Incompatibility(
    String code,
    Severity severity,
    String interaction,
    String pactPath,
    String documentPointer,
    String message) {

  /** Whether a finding makes the pact incompatible. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Incompatibility {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(pactPath, "pactPath");
    Objects.requireNonNull(documentPointer, "documentPointer");
    Objects.requireNonNull(message, "message");
  }

  /** Whether this finding makes the pact incompatible. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * Multi-line, for a console: code and severity, the interaction, both locations, then the
   * message.
   */
  @Override
  public String toString() {
    return "["
        + severity.name().toLowerCase(java.util.Locale.ROOT)
        + "] "
        + code
        + " in '"
        + interaction
        + "'\n"
        + "  pact:     "
        + pactPath
        + "\n"
        + "  document: #"
        + documentPointer
        + "\n"
        + "  "
        + message;
  }
}
