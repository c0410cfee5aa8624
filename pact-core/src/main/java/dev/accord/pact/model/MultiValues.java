package dev.accord.pact.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Immutable copies and case-insensitive lookups for header, query and metadata maps. */
public final class MultiValues {
  private MultiValues() {}

  /** An unmodifiable, order-preserving deep copy; null becomes empty. */
  public static Map<String, List<String>> copyOf(Map<String, List<String>> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** The values of a header, its name compared case-insensitively. */
  public static Optional<List<String>> getIgnoreCase(
      Map<String, List<String>> values, String name) {
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
