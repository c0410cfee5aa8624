package dev.accord.pact.matching.internal;

import dev.accord.pact.matching.PactRegex;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Applies matchers to one value. Every method returns the mismatch descriptions (empty when the
 * value matches); the caller attaches the path and the mismatch type. Container-level behaviour
 * (list sizes, {@code values}, {@code eachKey}, {@code arrayContains}) lives in the body matchers;
 * here a rule only sees the value in front of it.
 */
public final class ValueRules {
  private ValueRules() {}

  /** The default {@code date} format. */
  public static final String DEFAULT_DATE = "yyyy-MM-dd";

  /** The default {@code time} format. */
  public static final String DEFAULT_TIME = "HH:mm:ss";

  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?");
  private static final Pattern SEMVER =
      Pattern.compile(
          "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  /**
   * Applies a rule list with its combination: AND reports every failure; OR passes when one rule
   * passes and otherwise reports every failure.
   *
   * @param coerce whether numbers and booleans may be given in string form (query and header
   *     values)
   */
  public static List<String> apply(
      RuleList rules, JsonNode expected, JsonNode actual, boolean cascaded, boolean coerce) {
    return combine(rules, rule -> apply(rule, expected, actual, cascaded, coerce));
  }

  /** Combines per-rule results following the list's {@code combine}. */
  public static <T> List<T> combine(RuleList rules, Function<MatchingRule, List<T>> perRule) {
    List<T> all = new ArrayList<>();
    for (MatchingRule rule : rules.rules()) {
      List<T> found = perRule.apply(rule);
      if (found.isEmpty() && rules.combine() == RuleLogic.OR) {
        return List.of();
      }
      all.addAll(found);
    }
    return all;
  }

  /** Applies one rule to one value. */
  public static List<String> apply(
      MatchingRule rule, JsonNode expected, JsonNode actual, boolean cascaded, boolean coerce) {
    if (rule instanceof MatchingRule.Equality) {
      return equality(expected, actual);
    } else if (rule instanceof MatchingRule.Regex r) {
      return regex(r.regex(), actual);
    } else if (rule instanceof MatchingRule.Type t) {
      return type(t, expected, actual, cascaded);
    } else if (rule instanceof MatchingRule.Include i) {
      return include(i.value(), actual);
    } else if (rule instanceof MatchingRule.IntegerType) {
      return integer(actual, coerce);
    } else if (rule instanceof MatchingRule.DecimalType) {
      return decimal(actual, coerce);
    } else if (rule instanceof MatchingRule.NumberType) {
      return number(actual, coerce);
    } else if (rule instanceof MatchingRule.BooleanType) {
      return bool(actual);
    } else if (rule instanceof MatchingRule.Date d) {
      return temporal("date", d.format() == null ? DEFAULT_DATE : d.format(), actual);
    } else if (rule instanceof MatchingRule.Time t) {
      return temporal("time", t.format() == null ? DEFAULT_TIME : t.format(), actual);
    } else if (rule instanceof MatchingRule.Timestamp t) {
      return timestamp(t.format(), actual);
    } else if (rule instanceof MatchingRule.Null) {
      return actual == null || actual.isNull()
          ? List.of()
          : List.of("Expected " + Values.showTyped(actual) + " to be a null value");
    } else if (rule instanceof MatchingRule.ContentTypeRule c) {
      return contentType(
          c.contentType(),
          stringForm(actual).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]));
    } else if (rule instanceof MatchingRule.Values) {
      return actual != null && (actual.isObject() || actual.isArray())
          ? sameContainerKind(expected, actual)
          : type(MatchingRule.Type.any(), expected, actual, true);
    } else if (rule instanceof MatchingRule.ArrayContains) {
      return actual != null && actual.isArray() ? List.of() : structural(expected, actual);
    } else if (rule instanceof MatchingRule.StatusCode s) {
      return actual != null && actual.canConvertToInt()
          ? StatusClasses.check(s, actual.asInt())
          : List.of("Expected " + Values.showTyped(actual) + " to be an HTTP status code");
    } else if (rule instanceof MatchingRule.NotEmpty) {
      return notEmpty(expected, actual);
    } else if (rule instanceof MatchingRule.Semver) {
      return semver(actual);
    } else if (rule instanceof MatchingRule.EachKey) {
      return actual != null && actual.isObject() ? List.of() : structural(expected, actual);
    } else if (rule instanceof MatchingRule.EachValue) {
      return actual != null && (actual.isObject() || actual.isArray())
          ? sameContainerKind(expected, actual)
          : structural(expected, actual);
    } else if (rule instanceof MatchingRule.Other o) {
      if (isIgnoreOrder(o)) {
        // lists are handled by the body matcher; below the list, values compare by equality
        if (actual != null && actual.isArray()) {
          return List.of();
        }
        List<String> structural = structural(expected, actual);
        return structural.isEmpty() ? equality(expected, actual) : structural;
      }
      return List.of(unsupported(o));
    }
    return List.of("Unknown matcher " + rule);
  }

  /**
   * pact-jvm's {@code ignore-order} extension (written by its {@code unorderedArray} DSL,
   * optionally with {@code min} and {@code max}): a list equal to the expected one in any order.
   */
  public static boolean isIgnoreOrder(MatchingRule rule) {
    return rule instanceof MatchingRule.Other o
        && (o.name().equals("ignore-order")
            || o.name().equals("min-equals-ignore-order")
            || o.name().equals("max-equals-ignore-order")
            || o.name().equals("minmax-equals-ignore-order"));
  }

  /**
   * A {@code values} or {@code eachValue} rule whose example is an object does not accept an array,
   * nor the reverse (as the reference implementation: "Type mismatch"); with no container example,
   * any container.
   */
  private static List<String> sameContainerKind(JsonNode expected, JsonNode actual) {
    return expected != null && (expected.isObject() || expected.isArray())
        ? structural(expected, actual)
        : List.of();
  }

  /** The message for a matcher Accord does not implement. */
  public static String unsupported(MatchingRule.Other rule) {
    return "The matcher '"
        + rule.name()
        + "' is not supported by Accord (it may need a Pact plugin), so this"
        + " value cannot be verified. Supported matchers: equality, regex, type, include, integer, decimal,"
        + " number, boolean, date, time, datetime, null, contentType, values, arrayContains, statusCode,"
        + " notEmpty, semver, eachKey, eachValue (and pact-jvm's ignore-order)";
  }

  static List<String> equality(JsonNode expected, JsonNode actual) {
    if (jsonEquals(expected, actual)) {
      return List.of();
    }
    return List.of(
        "Expected " + Values.showTyped(actual) + " to be equal to " + Values.showTyped(expected));
  }

  /**
   * JSON equality where numbers compare by value ({@code 1} equals {@code 1.0}, int and long
   * nodes).
   */
  public static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return isNullish(a) && isNullish(b);
    }
    if (a.isNumber() && b.isNumber()) {
      if (a.isIntegralNumber() != b.isIntegralNumber()) {
        // 1 and 1.0 are not the same value to a pact: the reference implementation and pact-jvm
        // both say
        // "Expected 1.0 (Decimal) to be equal to 1 (Integer)", and the integer and decimal rules
        // tell them apart
        return false;
      }
      if (a.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
        return a.longValue() == b.longValue();
      }
      if (a.isDouble() && b.isDouble()) {
        return a.doubleValue() == b.doubleValue();
      }
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        if (!jsonEquals(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static boolean isNullish(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode();
  }

  static List<String> regex(String regex, JsonNode actual) {
    if (actual != null && (actual.isArray() || actual.isObject())) {
      return List.of();
    }
    Pattern pattern;
    try {
      pattern = PactRegex.compile(regex);
    } catch (PatternSyntaxException e) {
      return List.of(unreadable(regex, e));
    }
    Optional<String> s = stringForm(actual);
    if (s.isPresent() && pattern.matcher(s.get()).matches()) {
      return List.of();
    }
    return List.of("Expected " + Values.show(actual) + " to match '" + regex + "'");
  }

  /**
   * The mismatch for a regex rule whose expression no Pact dialect reads: it names the rule and the
   * regex.
   */
  static String unreadable(String regex, PatternSyntaxException e) {
    return "The regex rule's regular expression '"
        + regex
        + "' cannot be read ("
        + e.getDescription()
        + "); fix the regex matcher in the pact";
  }

  static List<String> type(
      MatchingRule.Type rule, JsonNode expected, JsonNode actual, boolean cascaded) {
    List<String> result = new ArrayList<>(structural(expected, actual));
    if (!result.isEmpty()) {
      return result;
    }
    if (kind(expected) != kind(actual)) {
      return List.of(
          "Expected "
              + Values.showTyped(actual)
              + " to be the same type as "
              + Values.showTyped(expected));
    }
    if (!cascaded && actual != null && (actual.isArray() || actual.isObject())) {
      int size = actual.size();
      if (rule.min() != null && size < rule.min()) {
        result.add(
            "Expected "
                + showSized(actual)
                + " (size "
                + size
                + ") to have minimum size of "
                + rule.min());
      }
      if (rule.max() != null && size > rule.max()) {
        result.add(
            "Expected "
                + showSized(actual)
                + " (size "
                + size
                + ") to have maximum size of "
                + rule.max());
      }
    }
    return result;
  }

  private static String showSized(JsonNode node) {
    return node.isArray() ? Values.showList(node) : Values.json(node);
  }

  /**
   * "Type mismatch" when one side is a list or a map and the other is not the same kind of
   * container; empty otherwise.
   */
  public static List<String> structural(JsonNode expected, JsonNode actual) {
    Kind e = kind(expected);
    Kind a = kind(actual);
    if (e != a && (e == Kind.ARRAY || e == Kind.OBJECT || a == Kind.ARRAY || a == Kind.OBJECT)) {
      return List.of(
          "Type mismatch: Expected "
              + Values.showTyped(actual)
              + " to be the same type as "
              + Values.showTyped(expected));
    }
    return List.of();
  }

  enum Kind {
    NULL,
    STRING,
    NUMBER,
    BOOLEAN,
    ARRAY,
    OBJECT,
    OTHER
  }

  static Kind kind(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return Kind.NULL;
    }
    if (n.isString()) {
      return Kind.STRING;
    }
    if (n.isNumber()) {
      return Kind.NUMBER;
    }
    if (n.isBoolean()) {
      return Kind.BOOLEAN;
    }
    if (n.isArray()) {
      return Kind.ARRAY;
    }
    if (n.isObject()) {
      return Kind.OBJECT;
    }
    return Kind.OTHER;
  }

  static List<String> include(String value, JsonNode actual) {
    Optional<String> s = stringForm(actual);
    if (s.isPresent() && s.get().contains(value)) {
      return List.of();
    }
    return List.of("Expected " + Values.show(actual) + " to include '" + value + "'");
  }

  static List<String> integer(JsonNode actual, boolean coerce) {
    boolean ok =
        actual != null
            && (actual.isIntegralNumber()
                || (coerce
                    && actual.isString()
                    && INTEGER.matcher(actual.asString().trim()).matches()));
    return ok ? List.of() : List.of("Expected " + Values.showTyped(actual) + " to be an integer");
  }

  static List<String> decimal(JsonNode actual, boolean coerce) {
    boolean ok =
        actual != null
            && ((actual.isNumber() && !actual.isIntegralNumber())
                || (coerce
                    && actual.isString()
                    && DECIMAL.matcher(actual.asString().trim()).matches()));
    return ok
        ? List.of()
        : List.of("Expected " + Values.showTyped(actual) + " to be a decimal number");
  }

  static List<String> number(JsonNode actual, boolean coerce) {
    boolean ok =
        actual != null && (actual.isNumber() || (coerce && actual.isString() && isNumeric(actual)));
    return ok ? List.of() : List.of("Expected " + Values.showTyped(actual) + " to be a number");
  }

  private static boolean isNumeric(JsonNode node) {
    String s = node.asString().trim();
    if (s.isEmpty()) {
      return false;
    }
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static List<String> bool(JsonNode actual) {
    boolean ok =
        actual != null
            && (actual.isBoolean()
                || (actual.isString()
                    && (actual.asString().equals("true") || actual.asString().equals("false"))));
    return ok ? List.of() : List.of("Expected " + Values.showTyped(actual) + " to match a boolean");
  }

  static List<String> temporal(String what, String format, JsonNode actual) {
    DateTimeFormatter formatter;
    try {
      formatter = formatter(format);
    } catch (IllegalArgumentException e) {
      return List.of(
          "The "
              + what
              + " format '"
              + format
              + "' is not a valid DateTimeFormatter pattern ("
              + e.getMessage()
              + "); fix the "
              + what
              + " matcher in the pact");
    }
    Optional<String> s =
        actual != null && actual.isString() ? Optional.of(actual.asString()) : Optional.empty();
    if (s.isPresent() && parses(formatter, s.get())) {
      return List.of();
    }
    return List.of(
        "Expected " + Values.show(actual) + " to match a " + what + " pattern of '" + format + "'");
  }

  static List<String> timestamp(String format, JsonNode actual) {
    if (format != null) {
      return temporal("datetime", format, actual);
    }
    if (actual != null
        && actual.isString()
        && (parses(DateTimeFormatter.ISO_DATE_TIME, actual.asString())
            || parses(formatter("yyyy-MM-dd HH:mm:ssZZZZZ"), actual.asString()))) {
      return List.of();
    }
    return List.of(
        "Expected "
            + Values.show(actual)
            + " to match a datetime pattern of ISO-8601"
            + " (yyyy-MM-dd'T'HH:mm:ss with optional fraction and offset)");
  }

  private static boolean parses(DateTimeFormatter formatter, String text) {
    try {
      TemporalAccessor parsed = formatter.parse(text);
      return parsed != null;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * A cached formatter; throws IllegalArgumentException for an invalid pattern. Strict, as the
   * reference implementation reads dates: '2024-02-30' and '24:00:00' are not dates and times
   * (java.time's default SMART resolver would take them for 2024-02-29 and the end of the day).
   * STRICT needs the proleptic year, so an unquoted {@code y} (year of era) is read as {@code u}:
   * the same digits without an era.
   */
  public static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatter f = FORMATTERS.get(pattern);
    if (f == null) {
      f =
          DateTimeFormatter.ofPattern(properYears(pattern))
              .withResolverStyle(java.time.format.ResolverStyle.STRICT);
      if (FORMATTERS.size() > 1_000) {
        FORMATTERS.clear();
      }
      FORMATTERS.put(pattern, f);
    }
    return f;
  }

  private static String properYears(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      out.append(!quoted && c == 'y' ? 'u' : c);
    }
    return out.toString();
  }

  static List<String> notEmpty(JsonNode expected, JsonNode actual) {
    boolean empty =
        actual == null
            || actual.isNull()
            || actual.isMissingNode()
            || (actual.isString() && actual.asString().isEmpty())
            || ((actual.isArray() || actual.isObject()) && actual.isEmpty());
    if (empty) {
      return List.of("Expected " + Values.showTyped(actual) + " to not be empty");
    }
    List<String> structural = structural(expected, actual);
    if (!structural.isEmpty()) {
      return structural;
    }
    if (expected != null && !expected.isNull() && kind(expected) != kind(actual)) {
      return List.of(
          "Expected "
              + Values.showTyped(actual)
              + " to be the same type as "
              + Values.showTyped(expected));
    }
    return List.of();
  }

  static List<String> semver(JsonNode actual) {
    Optional<String> s =
        actual != null && actual.isString() ? Optional.of(actual.asString()) : Optional.empty();
    if (s.isPresent() && SEMVER.matcher(s.get()).matches()) {
      return List.of();
    }
    return List.of(Values.show(actual) + " is not a valid semantic version");
  }

  /** The {@code contentType} matcher over raw bytes. */
  public static List<String> contentType(String expectedType, byte[] actual) {
    String detected = ContentTypeDetector.detect(actual);
    String expectedBase = expectedType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    if (expectedBase.equals(detected)
        || (expectedBase.endsWith("+json") && detected.equals("application/json"))
        || (expectedBase.endsWith("+xml") && detected.equals("application/xml"))
        || (expectedBase.startsWith("text/") && detected.equals("text/plain"))) {
      return List.of();
    }
    return List.of(
        "Expected binary contents to have content type '"
            + expectedType
            + "' but detected contents was '"
            + detected
            + "'");
  }

  /**
   * The string form used by regex, include and the like: strings as is, numbers and booleans as
   * text.
   */
  static Optional<String> stringForm(JsonNode actual) {
    if (actual == null || actual.isNull() || actual.isMissingNode()) {
      return Optional.empty();
    }
    if (actual.isString()) {
      return Optional.of(actual.asString());
    }
    if (actual.isValueNode()) {
      return Optional.of(actual.toString());
    }
    return Optional.empty();
  }
}
