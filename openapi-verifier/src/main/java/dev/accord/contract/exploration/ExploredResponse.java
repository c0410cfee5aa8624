package dev.accord.contract.exploration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A response exploration received.
 *
 * @param status the HTTP status
 * @param headers the headers received (names as the provider wrote them)
 * @param body the body as text (empty when there was none)
 * @param durationMillis how long the call took
 */
public record ExploredResponse(
    int status, Map<String, List<String>> headers, String body, long durationMillis) {

  public ExploredResponse {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  /** The first value of a header, the name compared case-insensitively. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }
}
