package dev.accord.pact.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One matcher of the Pact specification ({@code {"match": "type"}}, {@code {"match": "regex",
 * ...}}, ...). Matchers Accord does not know (plugin matchers) are kept as {@link Other} so they
 * survive a read and write.
 */
public sealed interface MatchingRule {

  /** The {@code match} name written in pact files. */
  String name();

  /** The default: equal values. Also resets a cascading rule for a child path. */
  record Equality() implements MatchingRule {
    @Override
    public String name() {
      return "equality";
    }
  }

  /** The value's string form must match the regular expression entirely. */
  record Regex(String regex) implements MatchingRule {
    public Regex {
      Objects.requireNonNull(regex, "regex");
    }

    @Override
    public String name() {
      return "regex";
    }
  }

  /** Same JSON type as the example; on collections, optional bounds on the actual size. */
  record Type(Integer min, Integer max) implements MatchingRule {
    public static Type any() {
      return new Type(null, null);
    }

    @Override
    public String name() {
      return "type";
    }
  }

  /** The value's string form contains the given text. */
  record Include(String value) implements MatchingRule {
    public Include {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String name() {
      return "include";
    }
  }

  record IntegerType() implements MatchingRule {
    @Override
    public String name() {
      return "integer";
    }
  }

  record DecimalType() implements MatchingRule {
    @Override
    public String name() {
      return "decimal";
    }
  }

  record NumberType() implements MatchingRule {
    @Override
    public String name() {
      return "number";
    }
  }

  record BooleanType() implements MatchingRule {
    @Override
    public String name() {
      return "boolean";
    }
  }

  /**
   * A date in a {@link java.time.format.DateTimeFormatter} pattern; null format means {@code
   * yyyy-MM-dd}.
   */
  record Date(String format) implements MatchingRule {
    @Override
    public String name() {
      return "date";
    }
  }

  /** A time; null format means {@code HH:mm:ss}. */
  record Time(String format) implements MatchingRule {
    @Override
    public String name() {
      return "time";
    }
  }

  /**
   * A date and time ({@code datetime}, legacy {@code timestamp}); null format means ISO date-time.
   */
  record Timestamp(String format) implements MatchingRule {
    @Override
    public String name() {
      return "datetime";
    }
  }

  record Null() implements MatchingRule {
    @Override
    public String name() {
      return "null";
    }
  }

  /** Binary content whose detected type is the given one. */
  record ContentTypeRule(String contentType) implements MatchingRule {
    public ContentTypeRule {
      Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public String name() {
      return "contentType";
    }
  }

  /** Map values are matched ignoring keys. */
  record Values() implements MatchingRule {
    @Override
    public String name() {
      return "values";
    }
  }

  /** Each variant must match at least one element of the actual list. */
  record ArrayContains(List<Variant> variants) implements MatchingRule {
    public ArrayContains {
      variants = List.copyOf(variants);
    }

    @Override
    public String name() {
      return "arrayContains";
    }

    /**
     * A variant: the expected element at {@code index}, with its own rules (paths rooted at {@code
     * $}) and generators.
     */
    public record Variant(
        int index, Map<String, RuleList> rules, Map<String, Generator> generators) {
      public Variant {
        rules = rules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        generators =
            generators == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(generators));
      }
    }
  }

  /**
   * The HTTP status is in a class ({@code info, success, redirect, clientError, serverError,
   * nonError, error}) or one of the listed codes. Exactly one of {@code statusClass} and {@code
   * codes} is set.
   */
  record StatusCode(String statusClass, List<Integer> codes) implements MatchingRule {
    public StatusCode {
      codes = codes == null ? null : List.copyOf(codes);
    }

    @Override
    public String name() {
      return "statusCode";
    }
  }

  /** Same type as the example, and not empty. */
  record NotEmpty() implements MatchingRule {
    @Override
    public String name() {
      return "notEmpty";
    }
  }

  /** A valid semantic version. */
  record Semver() implements MatchingRule {
    @Override
    public String name() {
      return "semver";
    }
  }

  /** The rules apply to every key of the actual map. */
  record EachKey(List<MatchingRule> rules, JsonNode example) implements MatchingRule {
    public EachKey {
      rules = List.copyOf(rules);
    }

    @Override
    public String name() {
      return "eachKey";
    }
  }

  /** The rules apply to every value of the actual map or list. */
  record EachValue(List<MatchingRule> rules, JsonNode example) implements MatchingRule {
    public EachValue {
      rules = List.copyOf(rules);
    }

    @Override
    public String name() {
      return "eachValue";
    }
  }

  /** A matcher Accord does not implement (plugin or extension), carried through unchanged. */
  record Other(String name, Map<String, JsonNode> attributes) implements MatchingRule {
    public Other {
      Objects.requireNonNull(name, "name");
      attributes =
          attributes == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
  }
}
