package dev.accord.pact.matching;

import java.util.Locale;
import java.util.Optional;

/**
 * The status classes of the {@code statusCode} matcher, as the engine reads them: {@code
 * clientError}, {@code client_error}, {@code client-error} and {@code CLIENT_ERROR} are one class.
 *
 * <pre>{@code
 * StatusClass.named("client_error").orElseThrow().contains(404);  // true
 * StatusClass.named("clientError").orElseThrow().words();         // "client error (4xx)"
 * StatusClass.named("teapot");                                    // Optional.empty()
 * }</pre>
 */
public enum StatusClass {
  INFO(100, 199, "informational (1xx)", "an Informational response (100\u2013199)"),
  SUCCESS(200, 299, "successful (2xx)", "a Successful response (200\u2013299)"),
  REDIRECT(300, 399, "redirect (3xx)", "a Redirect (300\u2013399)"),
  CLIENT_ERROR(400, 499, "client error (4xx)", "a Client Error response (400\u2013499)"),
  SERVER_ERROR(500, 599, "server error (5xx)", "a Server Error response (500\u2013599)"),
  NON_ERROR(Integer.MIN_VALUE, 399, "non-error (below 400)", "a non-error response (< 400)"),
  ERROR(400, Integer.MAX_VALUE, "error (400 and above)", "an error response (>= 400)");

  private final int from;
  private final int to;
  private final String words;
  private final String expectation;

  StatusClass(int from, int to, String words, String expectation) {
    this.from = from;
    this.to = to;
    this.words = words;
    this.expectation = expectation;
  }

  /**
   * The class a {@code statusCode} rule names, in any of the spellings Pact tools write; empty when
   * unknown.
   */
  public static Optional<StatusClass> named(String name) {
    String n = name == null ? "" : name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    return Optional.ofNullable(
        switch (n) {
          case "info", "information", "informational" -> INFO;
          case "success", "successful" -> SUCCESS;
          case "redirect", "redirection" -> REDIRECT;
          case "clienterror" -> CLIENT_ERROR;
          case "servererror" -> SERVER_ERROR;
          case "nonerror" -> NON_ERROR;
          case "error" -> ERROR;
          default -> null;
        });
  }

  /** Whether {@code status} is in the class. */
  public boolean contains(int status) {
    return status >= from && status <= to;
  }

  /** For a reader: {@code client error (4xx)}, {@code non-error (below 400)}. */
  public String words() {
    return words;
  }

  /** How a mismatch names it: {@code a Client Error response (400–499)}. */
  public String expectation() {
    return expectation;
  }
}
