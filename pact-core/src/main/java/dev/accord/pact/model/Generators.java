package dev.accord.pact.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generators by category, keyed like {@link MatchingRules}: header/query/metadata name or body
 * path; {@code ""} for {@code path}, {@code status} and {@code method}.
 */
public record Generators(Map<Category, Map<String, Generator>> categories) {

  private static final Generators EMPTY = new Generators(Map.of());

  public Generators {
    Map<Category, Map<String, Generator>> copy = new EnumMap<>(Category.class);
    if (categories != null) {
      categories.forEach(
          (c, gens) -> {
            if (gens != null && !gens.isEmpty()) {
              copy.put(c, Collections.unmodifiableMap(new LinkedHashMap<>(gens)));
            }
          });
    }
    categories = Collections.unmodifiableMap(copy);
  }

  public static Generators empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return categories.isEmpty();
  }

  public Map<String, Generator> category(Category category) {
    return categories.getOrDefault(category, Map.of());
  }

  public Generators with(Category category, String key, Generator generator) {
    Map<Category, Map<String, Generator>> copy = new EnumMap<>(Category.class);
    categories.forEach((c, g) -> copy.put(c, new LinkedHashMap<>(g)));
    copy.computeIfAbsent(category, c -> new LinkedHashMap<>()).put(key, generator);
    return new Generators(copy);
  }
}
