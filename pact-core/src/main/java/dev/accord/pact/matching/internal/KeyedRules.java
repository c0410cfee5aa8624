package dev.accord.pact.matching.internal;

import dev.accord.pact.model.RuleList;
import java.util.Map;

/** Looks up rules keyed by a header, query or metadata name. */
final class KeyedRules {
  private KeyedRules() {}

  /** Exact key first, then (when {@code ignoreCase}) a case-insensitive match; null when none. */
  static RuleList find(Map<String, RuleList> rules, String name, boolean ignoreCase) {
    if (rules.isEmpty()) {
      return null;
    }
    RuleList exact = rules.get(name);
    if (exact != null && !exact.isEmpty()) {
      return exact;
    }
    if (ignoreCase) {
      for (Map.Entry<String, RuleList> e : rules.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue();
        }
      }
    }
    return null;
  }
}
