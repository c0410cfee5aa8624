package dev.accord.pact.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Matching rules by category. Keyed categories map a header name, query name, metadata key or body
 * path expression ({@code $.items[*].id}) to a {@link RuleList}; single-value categories ({@code
 * path}, {@code status}, {@code method}) use the key {@code ""}.
 */
public record MatchingRules(Map<Category, Map<String, RuleList>> categories) {

  private static final MatchingRules EMPTY = new MatchingRules(Map.of());

  public MatchingRules {
    Map<Category, Map<String, RuleList>> copy = new EnumMap<>(Category.class);
    if (categories != null) {
      categories.forEach(
          (c, rules) -> {
            if (rules != null && !rules.isEmpty()) {
              copy.put(c, Collections.unmodifiableMap(new LinkedHashMap<>(rules)));
            }
          });
    }
    categories = Collections.unmodifiableMap(copy);
  }

  public static MatchingRules empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return categories.isEmpty();
  }

  /** The rules of a category; empty when there are none. */
  public Map<String, RuleList> category(Category category) {
    return categories.getOrDefault(category, Map.of());
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    categories.forEach((c, rules) -> rules.forEach((k, r) -> b.add(c, k, r)));
    return b;
  }

  /** Accumulates rules; adding to an existing key replaces its list. */
  public static final class Builder {
    private final Map<Category, Map<String, RuleList>> categories = new EnumMap<>(Category.class);

    public Builder add(Category category, String key, RuleList rules) {
      categories.computeIfAbsent(category, c -> new LinkedHashMap<>()).put(key, rules);
      return this;
    }

    public Builder add(Category category, String key, MatchingRule... rules) {
      return add(category, key, RuleList.of(rules));
    }

    public MatchingRules build() {
      return new MatchingRules(categories);
    }
  }
}
