package dev.accord.verifier;

/**
 * A pact could not be fetched or read; the message names the pact (file, URL, broker link) and the
 * problem.
 */
public class PactSourceException extends RuntimeException {
  public PactSourceException(String message) {
    super(message);
  }

  public PactSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
