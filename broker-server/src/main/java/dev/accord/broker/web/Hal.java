package dev.accord.broker.web;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Response helpers: HAL content type, timestamps as the Pact broker writes them, names checks. */
public final class Hal {
  public static final MediaType HAL_JSON =
      MediaType.parseMediaType("application/hal+json;charset=utf-8");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private Hal() {}

  public static <T> ResponseEntity<T> ok(T body) {
    return ResponseEntity.ok().contentType(HAL_JSON).body(body);
  }

  public static <T> ResponseEntity<T> status(HttpStatus status, T body) {
    return ResponseEntity.status(status).contentType(HAL_JSON).body(body);
  }

  public static <T> ResponseEntity<T> created(T body, String location) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(HAL_JSON)
        .header("Location", location)
        .body(body);
  }

  public static ResponseEntity<Void> noContent() {
    return ResponseEntity.noContent().build();
  }

  /**
   * A JSON object whose keys keep the order given ({@code Map.of} changes its iteration order from
   * one JVM run to the next, and so would the answer): {@code ordered("self", selfLink, "pb:pact",
   * pactLink)}.
   */
  @SuppressWarnings("unchecked")
  public static <V> Map<String, V> ordered(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "ordered(...) takes key, value pairs; got " + keysAndValues.length + " arguments");
    }
    Map<String, V> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
    return m;
  }

  public static String timestamp(LocalDateTime utc) {
    return utc == null ? null : utc.atOffset(ZoneOffset.UTC).format(TIMESTAMP);
  }

  public static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC);
  }

  /** Pacticipant, branch, tag and environment names: see {@link Fields#name}. */
  public static String requireName(String field, String value) {
    return Fields.name(field, value);
  }

  /** "pre-prod" becomes "Pre Prod", "fooService" becomes "Foo Service". */
  public static String displayName(String name) {
    String spaced =
        name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[-_\\s]+", " ").trim();
    StringBuilder sb = new StringBuilder();
    for (String word : spaced.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return sb.length() == 0 ? name : sb.toString();
  }
}
