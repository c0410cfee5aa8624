package dev.accord.broker.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refused request: the status and the {@code errors} body the Pact clients print. {@code errors}
 * is either a list of sentences or a map from field to sentences; {@code notices} are optional
 * {type,text} entries.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final Object errors;
  private final List<Map<String, String>> notices;

  private ApiException(
      HttpStatus status, String message, Object errors, List<Map<String, String>> notices) {
    super(message);
    this.status = status;
    this.errors = errors;
    this.notices = notices;
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message, List.of(message), List.of());
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(message), List.of());
  }

  /** 400 with {@code {"errors": {field: [message]}}}. */
  public static ApiException invalidField(String field, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, field + ": " + message, Map.of(field, List.of(message)), List.of());
  }

  /** 400 with {@code {"errors": {field: [messages]}}}: every problem of a request at once. */
  public static ApiException invalidFields(Map<String, List<String>> errors) {
    String message =
        errors.entrySet().stream()
            .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
            .collect(java.util.stream.Collectors.joining("; "));
    return new ApiException(HttpStatus.BAD_REQUEST, message, errors, List.of());
  }

  public static ApiException conflict(
      String field, String message, List<Map<String, String>> notices) {
    return new ApiException(HttpStatus.CONFLICT, message, Map.of(field, List.of(message)), notices);
  }

  public static ApiException of(HttpStatus status, String message) {
    return new ApiException(status, message, List.of(message), List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public Object errors() {
    return errors;
  }

  public List<Map<String, String>> notices() {
    return notices;
  }
}
