package dev.accord.broker.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure into a JSON body in the shape the Pact clients print; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", e.errors());
    if (!e.notices().isEmpty()) {
      body.put("notices", e.notices());
    }
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodySizeLimitFilter.BodyTooLarge) {
        return error(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the configured limit (accord.broker.max-body-size, "
            + "env ACCORD_BROKER_MAX_BODY_SIZE); publish smaller pacts or raise the limit.");
      }
    }
    return error(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + firstLine(e.getMostSpecificCause().getMessage())
        + ". Send a JSON object with Content-Type: application/json.");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType()
        + " is not supported here; send " + e.getSupportedMediaTypes());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return error(HttpStatus.NOT_ACCEPTABLE, request.getRequestURI() + " cannot answer in the media types of your Accept header ("
        + request.getHeader("Accept") + "); it answers " + e.getSupportedMediaTypes() + ". Send one of those in Accept, or */*.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here; allowed: " + e.getSupportedHttpMethods());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "Query parameter '" + e.getParameterName() + "' is required");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e, HttpServletRequest request) {
    return error(HttpStatus.NOT_FOUND, "No resource at " + request.getRequestURI() + "; start from the index at / to find the links");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    String reference = Long.toHexString(System.nanoTime());
    log.error("Unexpected error (reference {}) on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of("The broker could not complete the request because of an internal error (reference "
        + reference + "); nothing was written. Retry, and report the reference with the broker log if it persists."));
    body.put("error", Map.of("message", "internal error", "reference", reference));
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of(message));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "empty body";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
