package dev.accord.broker.client;

import java.util.List;

/**
 * A broker request that failed: the broker refused it, answered something that is not HAL, lacks a
 * relation the client needs, or could not be reached after every retry.
 *
 * <p>The message opens with the method, the URL and the outcome, then lists the broker's own {@code
 * errors} and {@code notices}, then says how to fix it when the cause is known:
 *
 * <pre>
 * POST http://broker/contracts/publish failed: 409 Conflict
 *   contracts: Cannot change the content of the pact for Foo version 1 and provider Bar ...
 *   notice (info): ...
 * </pre>
 */
public class BrokerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String url;
  private final int status;
  private final List<String> errors;
  private final List<Notice> notices;

  /**
   * @param message the whole user-facing message
   * @param method the HTTP method, or empty when no request was made
   * @param url the URL requested, or the broker base URL
   * @param status the HTTP status, or 0 when no response arrived
   * @param errors the broker's {@code errors}, flattened to {@code field: message} lines
   * @param notices the broker's {@code notices}
   * @param cause the I/O failure, if any
   */
  public BrokerException(
      String message,
      String method,
      String url,
      int status,
      List<String> errors,
      List<Notice> notices,
      Throwable cause) {
    super(message, cause);
    this.method = method;
    this.url = url;
    this.status = status;
    this.errors = List.copyOf(errors);
    this.notices = List.copyOf(notices);
  }

  /** The HTTP method of the failed request ({@code GET}, {@code POST}, ...), or empty. */
  public String method() {
    return method;
  }

  /** The URL of the failed request. */
  public String url() {
    return url;
  }

  /** The HTTP status, or 0 when the broker did not answer (connection refused, timeout). */
  public int status() {
    return status;
  }

  /** True when the broker answered 404. */
  public boolean isNotFound() {
    return status == 404;
  }

  /** The broker's error messages, as {@code field: message} or plain lines. */
  public List<String> errors() {
    return errors;
  }

  /** The broker's notices (type and text). */
  public List<Notice> notices() {
    return notices;
  }
}
