package dev.accord.broker.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into the one error shape the Pact clients print ({@link ErrorBody}); never a
 * stack trace, never a class, package or parser option name.
 */
@RestControllerAdvice
class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final MediaType HAL = MediaType.parseMediaType(ErrorBody.CONTENT_TYPE);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    Map<String, Object> body = ErrorBody.of(e.errors());
    if (!e.notices().isEmpty()) {
      body.put("notices", e.notices());
    }
    return ResponseEntity.status(e.status()).contentType(HAL).body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodySizeLimitFilter.BodyTooLarge) {
        return error(
            HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than the configured limit (accord.broker.max-body-size, "
                + "env ACCORD_BROKER_MAX_BODY_SIZE); publish smaller pacts or raise the limit.");
      }
      if (t instanceof UnrecognizedPropertyException u && u.getPath().size() > 1) {
        List<JacksonException.Reference> owner = u.getPath().subList(0, u.getPath().size() - 1);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
            .contentType(HAL)
            .body(
                ErrorBody.of(
                    Map.of(
                        field(owner),
                        List.of(
                            "has unknown key '"
                                + u.getPropertyName()
                                + "'; valid keys are "
                                + new TreeSet<>(
                                    u.getKnownPropertyIds().stream()
                                        .map(String::valueOf)
                                        .toList())))));
      }
      if (t instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
            .contentType(HAL)
            .body(ErrorBody.of(Map.of(field(m.getPath()), List.of(expected(request, m)))));
      }
      if (t instanceof JacksonException j
          && (j instanceof StreamReadException || JsonProblem.isLimit(j))) {
        return error(
            JsonProblem.isLimit(j) ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_REQUEST,
            "The request body "
                + JsonProblem.describe(j)
                + ". Send a JSON object with Content-Type: application/json.");
      }
    }
    return error(
        HttpStatus.BAD_REQUEST,
        "The request body is missing, not JSON, or not the JSON object this resource takes. Send a JSON object "
            + "with Content-Type: application/json.");
  }

  /** {@code contacts[0].name} from the binder's path. */
  private static String field(List<JacksonException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference r : path) {
      if (r.getPropertyName() != null) {
        field.append(field.length() == 0 ? "" : ".").append(r.getPropertyName());
      } else {
        field.append('[').append(r.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  /**
   * What the field must be: its request record's {@link Expected} text, or its Java type in JSON
   * words.
   */
  private static String expected(HttpServletRequest request, MismatchedInputException m) {
    if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
        instanceof HandlerMethod handler) {
      for (MethodParameter p : handler.getMethodParameters()) {
        if (p.hasParameterAnnotation(RequestBody.class)) {
          String hint = hint(p.getParameter().getAnnotatedType(), m.getPath());
          if (hint != null) {
            return "must be " + hint;
          }
        }
      }
    }
    return expected(m.getTargetType());
  }

  /**
   * The {@link Expected} text nearest the end of the path: on the last record component, or on the
   * type of a list's elements, or on the list itself.
   */
  private static String hint(AnnotatedType type, List<JacksonException.Reference> path) {
    String found = null;
    for (JacksonException.Reference r : path) {
      if (r.getPropertyName() == null) {
        type =
            type instanceof AnnotatedParameterizedType list
                ? list.getAnnotatedActualTypeArguments()[0]
                : null;
      } else {
        Class<?> raw = type == null ? null : type.getType() instanceof Class<?> c ? c : null;
        RecordComponent component =
            raw == null || !raw.isRecord()
                ? null
                : Arrays.stream(raw.getRecordComponents())
                    .filter(c -> c.getName().equals(r.getPropertyName()))
                    .findFirst()
                    .orElse(null);
        if (component == null) {
          return null;
        }
        Expected declared = component.getAnnotation(Expected.class);
        found = declared == null ? null : declared.value();
        type = component.getAnnotatedType();
      }
      Expected onType = type == null ? null : type.getAnnotation(Expected.class);
      if (onType != null) {
        found = onType.value();
      }
    }
    return found;
  }

  /** What a field of this Java type must be, in JSON words. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "must be a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be an array";
    }
    return "must be an object";
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    Map<String, List<String>> errors = new TreeMap<>();
    for (FieldError f : e.getBindingResult().getFieldErrors()) {
      errors
          .computeIfAbsent(f.getField(), k -> new java.util.ArrayList<>())
          .add(f.getDefaultMessage());
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g ->
                errors
                    .computeIfAbsent("body", k -> new java.util.ArrayList<>())
                    .add(g.getDefaultMessage()));
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(HAL)
        .body(ErrorBody.of(errors));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    MethodParameter p = e.getParameter();
    String where =
        p.hasParameterAnnotation(PathVariable.class)
            ? "The path segment '" + e.getName() + "'"
            : "The query parameter '" + e.getName() + "'";
    Class<?> type = e.getRequiredType();
    String expected =
        type == int.class || type == Integer.class
            ? "a whole number (at most " + Integer.MAX_VALUE + ")"
            : type == long.class || type == Long.class
                ? "a whole number"
                : type == boolean.class || type == Boolean.class
                    ? "true or false"
                    : "of another form";
    return error(
        HttpStatus.BAD_REQUEST, where + " must be " + expected + ", got '" + e.getValue() + "'");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type "
            + e.getContentType()
            + " is not supported here; send "
            + e.getSupportedMediaTypes());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return error(
        HttpStatus.NOT_ACCEPTABLE,
        request.getRequestURI()
            + " cannot answer in the media types of your Accept header ("
            + request.getHeader("Accept")
            + "); it answers "
            + e.getSupportedMediaTypes()
            + ". Send one of those in Accept, or */*.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return error(
        HttpStatus.METHOD_NOT_ALLOWED,
        "Method "
            + e.getMethod()
            + " is not allowed here; allowed: "
            + e.getSupportedHttpMethods());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
    return error(
        HttpStatus.BAD_REQUEST, "Query parameter '" + e.getParameterName() + "' is required");
  }

  /**
   * Tomcat decodes query parameters lazily, so a {@code %FF} in the query string surfaces here
   * rather than before Spring.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Map<String, Object>> badQueryString() {
    return error(
        HttpStatus.BAD_REQUEST,
        "The query string cannot be read: a parameter is not UTF-8 once percent-decoded (e.g. %FF) or is malformed. "
            + "Encode query parameters as UTF-8 and percent-encode them.");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(
      NoResourceFoundException e, HttpServletRequest request) {
    return error(
        HttpStatus.NOT_FOUND,
        "No resource at "
            + request.getRequestURI()
            + "; start from the index at / to find the links");
  }

  /**
   * A unique key won by a concurrent request after the retries ({@link Retrying}), or a value the
   * database refused: the client's request conflicts or is too large, not the broker broken.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, Object>> integrity(
      DataIntegrityViolationException e, HttpServletRequest request) {
    String state = sqlState(e);
    log.info(
        "Refused {} {}: the database refused the write (SQL state {})",
        request.getMethod(),
        request.getRequestURI(),
        state);
    if (state != null && state.startsWith("22")) {
      return error(
          HttpStatus.BAD_REQUEST,
          "A value in the request is too long or not storable (e.g. a NUL character); "
              + "shorten it or remove control characters, and send the request again.");
    }
    return error(
        HttpStatus.CONFLICT,
        "Another request changed the same resource at the same time; nothing was written. "
            + "Send the request again: it will be answered from the stored state.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
      // Spring MVC's own refusals (missing header, bad binding, ...) keep their status, in our
      // shape
      HttpStatusCode status = refusal.getStatusCode();
      return ResponseEntity.status(status)
          .contentType(HAL)
          .body(ErrorBody.of(List.of(ErrorBody.forStatus(status.value()))));
    }
    String reference = Long.toHexString(System.nanoTime());
    log.error(
        "Unexpected error (reference {}) on {} {}",
        reference,
        request.getMethod(),
        request.getRequestURI(),
        e);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "errors",
        List.of(
            "The broker could not complete the request because of an internal error (reference "
                + reference
                + "); nothing was written. Retry, and report the reference with the broker log if it persists."));
    body.put("error", Hal.ordered("message", "internal error", "reference", reference));
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(HAL).body(body);
  }

  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(HAL).body(ErrorBody.of(List.of(message)));
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return null;
  }
}
