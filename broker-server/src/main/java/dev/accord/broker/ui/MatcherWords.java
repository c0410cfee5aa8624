package dev.accord.broker.ui;

import dev.accord.pact.matching.StatusClass;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import dev.accord.pact.path.PathExpression;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Matching rules and generators in plain words, for a reader of the contract rather than a
 * verifier.
 */
final class MatcherWords {
  private static final int MAX_EXAMPLE = 60;

  private MatcherWords() {}

  /**
   * What a value at this place must be, e.g. "any decimal (like 29.99)" or "an array of at least 1
   * element, each like ...".
   */
  static String explain(RuleList list, JsonNode example) {
    List<String> parts = new ArrayList<>();
    for (MatchingRule rule : list.rules()) {
      parts.add(explain(rule, example));
    }
    return String.join(list.combine() == RuleLogic.OR ? " or " : " and ", parts);
  }

  static String explain(MatchingRule rule, JsonNode example) {
    if (rule instanceof MatchingRule.Equality) {
      return "equal to the example" + like(example);
    }
    if (rule instanceof MatchingRule.Regex r) {
      return "a string matching the regular expression /" + r.regex() + "/" + like(example);
    }
    if (rule instanceof MatchingRule.Type t
        && (t.min() != null || t.max() != null || example != null && example.isArray())) {
      return arrayLike(t, example);
    }
    if (rule instanceof MatchingRule.Type) {
      return "any " + typeName(example) + like(example);
    }
    if (rule instanceof MatchingRule.Include i) {
      return "a string that contains \"" + i.value() + "\"";
    }
    if (rule instanceof MatchingRule.IntegerType) {
      return "any integer" + like(example);
    }
    if (rule instanceof MatchingRule.DecimalType) {
      return "any decimal" + like(example);
    }
    if (rule instanceof MatchingRule.NumberType) {
      return "any number" + like(example);
    }
    if (rule instanceof MatchingRule.BooleanType) {
      return "any boolean" + like(example);
    }
    if (rule instanceof MatchingRule.Date d) {
      return "a date in the format "
          + (d.format() == null ? "yyyy-MM-dd" : d.format())
          + like(example);
    }
    if (rule instanceof MatchingRule.Time t) {
      return "a time in the format "
          + (t.format() == null ? "HH:mm:ss" : t.format())
          + like(example);
    }
    if (rule instanceof MatchingRule.Timestamp t) {
      return "a date and time in the format "
          + (t.format() == null ? "ISO-8601" : t.format())
          + like(example);
    }
    if (rule instanceof MatchingRule.Null) {
      return "null";
    }
    if (rule instanceof MatchingRule.ContentTypeRule c) {
      return "content of type " + c.contentType();
    }
    if (rule instanceof MatchingRule.Values) {
      return "a map whose values match the example's, whatever their keys";
    }
    if (rule instanceof MatchingRule.ArrayContains a) {
      return "an array that contains, in any order, an element like each of the "
          + a.variants().size()
          + " example element"
          + (a.variants().size() == 1 ? "" : "s");
    }
    if (rule instanceof MatchingRule.StatusCode s) {
      return s.codes() != null
          ? "one of the status codes " + s.codes()
          : "any " + statusClass(s.statusClass()) + " status";
    }
    if (rule instanceof MatchingRule.NotEmpty) {
      return "a non-empty " + typeName(example) + like(example);
    }
    if (rule instanceof MatchingRule.Semver) {
      return "a semantic version (like 1.2.3)";
    }
    if (rule instanceof MatchingRule.EachKey k) {
      return "a map whose every key is " + joined(k.rules());
    }
    if (rule instanceof MatchingRule.EachValue v) {
      return "a collection whose every value is " + joined(v.rules());
    }
    if (rule instanceof MatchingRule.Other o) {
      return "matched by the '" + o.name() + "' matcher (a plugin or extension)";
    }
    throw new IllegalArgumentException("unknown matching rule " + rule);
  }

  /** How a generator replaces the example when the contract is replayed. */
  static String explain(Generator generator) {
    if (generator instanceof Generator.RandomInt r) {
      return "a random integer from " + r.min() + " to " + r.max();
    }
    if (generator instanceof Generator.RandomDecimal r) {
      return "a random decimal of " + r.digits() + " digits";
    }
    if (generator instanceof Generator.RandomHexadecimal r) {
      return "a random hexadecimal string of " + r.digits() + " digits";
    }
    if (generator instanceof Generator.RandomString r) {
      return "a random string of " + r.size() + " characters";
    }
    if (generator instanceof Generator.Regex r) {
      return "a random string matching /" + r.regex() + "/";
    }
    if (generator instanceof Generator.Uuid) {
      return "a random UUID";
    }
    if (generator instanceof Generator.Date d) {
      return "the current date" + expression(d.expression()) + format(d.format());
    }
    if (generator instanceof Generator.Time t) {
      return "the current time" + expression(t.expression()) + format(t.format());
    }
    if (generator instanceof Generator.DateTime d) {
      return "the current date and time" + expression(d.expression()) + format(d.format());
    }
    if (generator instanceof Generator.RandomBoolean) {
      return "a random boolean";
    }
    if (generator instanceof Generator.ProviderState p) {
      return "filled in from the provider state: "
          + (p.expression().contains("${") ? p.expression() : "${" + p.expression() + "}");
    }
    if (generator instanceof Generator.MockServerUrl m) {
      return "the URL of the mock server (like " + m.example() + ")";
    }
    if (generator instanceof Generator.Other o) {
      return "the '" + o.type() + "' generator";
    }
    throw new IllegalArgumentException("unknown generator " + generator);
  }

  /**
   * The example value at a body path such as {@code $.items[*].price}: the first node pact-core's
   * {@link PathExpression} selects; null when it selects none or is not a valid path.
   */
  static JsonNode exampleAt(JsonNode root, String path) {
    if (root == null || path == null) {
      return null;
    }
    try {
      List<PathExpression.Selected> selected = PathExpression.parse(path).select(root);
      return selected.isEmpty() ? null : selected.get(0).value();
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }

  private static String arrayLike(MatchingRule.Type t, JsonNode example) {
    StringBuilder s = new StringBuilder("an array of ");
    if (t.min() != null && t.max() != null) {
      s.append(t.min()).append(" to ").append(t.max()).append(" elements");
    } else if (t.min() != null) {
      s.append("at least ").append(t.min()).append(t.min() == 1 ? " element" : " elements");
    } else if (t.max() != null) {
      s.append("at most ").append(t.max()).append(t.max() == 1 ? " element" : " elements");
    } else {
      s.append("any length");
    }
    JsonNode element =
        example != null && example.isArray() && !example.isEmpty() ? example.path(0) : null;
    return s.append(
            element == null
                ? ", each like the example"
                : ", each like " + shorten(element.toString()))
        .toString();
  }

  private static String joined(List<MatchingRule> rules) {
    List<String> parts = new ArrayList<>();
    rules.forEach(r -> parts.add(explain(r, null)));
    return String.join(" and ", parts);
  }

  private static String typeName(JsonNode example) {
    if (example == null) {
      return "value of the example's type";
    }
    if (example.isString()) {
      return "string";
    }
    if (example.isIntegralNumber()) {
      return "integer";
    }
    if (example.isNumber()) {
      return "decimal";
    }
    if (example.isBoolean()) {
      return "boolean";
    }
    if (example.isObject()) {
      return "object with the example's fields";
    }
    return example.isArray() ? "array" : "value of the example's type";
  }

  private static String like(JsonNode example) {
    if (example == null || example.isContainer() || example.isMissingNode()) {
      return "";
    }
    return " (like " + shorten(example.toString()) + ")";
  }

  private static String shorten(String s) {
    return s.length() <= MAX_EXAMPLE ? s : s.substring(0, MAX_EXAMPLE - 1) + "…";
  }

  private static String statusClass(String c) {
    return StatusClass.named(c).map(StatusClass::words).orElse(String.valueOf(c));
  }

  private static String expression(String e) {
    return e == null || e.isBlank() ? "" : " " + e;
  }

  private static String format(String f) {
    return f == null || f.isBlank() ? "" : ", formatted " + f;
  }
}
