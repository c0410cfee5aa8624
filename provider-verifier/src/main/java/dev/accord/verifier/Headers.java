package dev.accord.verifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for {@link RequestFilter}s that add or replace headers. */
public final class Headers {
  private Headers() {}

  /**
   * A copy of {@code headers} where {@code name} (compared case-insensitively) has exactly {@code
   * value}.
   */
  public static Map<String, List<String>> with(
      Map<String, List<String>> headers, String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase(name)) {
            copy.put(k, v);
          }
        });
    copy.put(name, List.of(value));
    return copy;
  }
}
