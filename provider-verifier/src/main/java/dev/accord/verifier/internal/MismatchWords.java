package dev.accord.verifier.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.RuleList;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The rule and the hint a verification failure adds to a mismatch. */
final class MismatchWords {
  private MismatchWords() {}

  /**
   * The rule that decided: the one the matching engine names, else the rule the pact has for the
   * header, query parameter, metadata key or status, else {@link Mismatch#NO_RULE}; null for a body
   * whose matcher does not say.
   */
  static String rule(Mismatch m, MatchingRules rules) {
    if (m.rule() != null) {
      return m.rule();
    }
    Category category =
        switch (m.type()) {
          case HEADER -> Category.HEADER;
          case QUERY -> Category.QUERY;
          case METADATA -> Category.METADATA;
          case STATUS -> Category.STATUS;
          case PATH -> Category.PATH;
          case METHOD -> Category.METHOD;
          case BODY, BODY_CONTENT_TYPE -> null;
        };
    if (category == null) {
      return null;
    }
    for (Map.Entry<String, RuleList> e : rules.category(category).entrySet()) {
      boolean named =
          category == Category.HEADER
              ? e.getKey().equalsIgnoreCase(m.path())
              : e.getKey().equals(m.path());
      if (named || !category.keyed()) {
        return Matching.describeRules(e.getValue());
      }
    }
    return m.expected() != null && m.actual() == null
        ? "none (the pact expects it to be present)"
        : Mismatch.NO_RULE;
  }

  /**
   * For a JSON value the pact pins exactly ({@link Mismatch#NO_RULE}) and the provider sent another
   * value of the same kind: how the consumer states that any such value will do.
   */
  static String hint(Mismatch m, String rule) {
    if (!Mismatch.NO_RULE.equals(rule)
        || m.expected() == null
        || m.actual() == null
        || (m.type() != dev.accord.pact.matching.MismatchType.BODY
            && m.type() != dev.accord.pact.matching.MismatchType.METADATA)) {
      return null;
    }
    JsonNode expected;
    JsonNode actual;
    try {
      expected = Json.parse(m.expected());
      actual = Json.parse(m.actual());
    } catch (RuntimeException notJson) {
      return null;
    }
    String example = m.expected();
    String loosen;
    if (expected.isNumber() && actual.isNumber()) {
      loosen =
          expected.isIntegralNumber()
              ? "any integer will do, the consumer should use like("
                  + example
                  + ") or integer("
                  + example
                  + ")"
              : "any decimal number will do, the consumer should use like("
                  + example
                  + ") or decimal("
                  + example
                  + ")";
    } else if (expected.isString() && actual.isString()) {
      loosen =
          "any string will do, the consumer should use like("
              + example
              + "), or regex(\"...\", "
              + example
              + ") for a format";
    } else if (expected.isBoolean() && actual.isBoolean()) {
      loosen =
          "any boolean will do, the consumer should use like("
              + example
              + ") or bool("
              + example
              + ")";
    } else {
      return null;
    }
    return "the pact expects exactly this value; if " + loosen;
  }
}
