package dev.accord.consumer;

import dev.accord.pact.model.Generator;
import dev.accord.pact.model.MatchingRule;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one entry class of a consumer contract test: static factories for every Pact matcher and
 * generator, and the HTTP method names. Import it statically:
 *
 * <pre>{@code
 * import static dev.accord.consumer.Accord.*;
 *
 * provider.given("a product exists", Map.of("id", "prod-001"))
 *     .uponReceiving("a request for a product")
 *     .withRequest(GET, "/api/products/prod-001")
 *     .willRespondWith(200)
 *     .body(Map.of("id", like("prod-001"), "price", decimal(29.99), "tags", eachLike("electronics")));
 * }</pre>
 *
 * <p>Every matcher takes an example; nothing is random unless you ask for a generator, so a pact
 * file is the same byte for byte from run to run. Examples are checked against their rules when the
 * interaction is declared: {@code regex("\\d+", "abc")} fails there, naming the field.
 *
 * <p>To run a contract without JUnit, start with {@link Contract#between(String, String)}.
 */
public final class Accord {
  private Accord() {}

  public static final String GET = "GET";
  public static final String POST = "POST";
  public static final String PUT = "PUT";
  public static final String PATCH = "PATCH";
  public static final String DELETE = "DELETE";
  public static final String HEAD = "HEAD";
  public static final String OPTIONS = "OPTIONS";

  /** The ISO-8601 pattern {@link #datetime(String)} uses. */
  public static final String ISO_DATETIME = "yyyy-MM-dd'T'HH:mm:ssXXX";

  private static final String UUID_REGEX =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  // ---- type matchers ----

  /**
   * Any value of the same JSON type as the example; on a map or list, its contents are type-matched
   * too.
   */
  public static Matcher like(Object example) {
    return value(example, "like(" + show(example) + ")", new MatchingRule.Type(null, null));
  }

  /**
   * A list of at least one element, every element like {@code template}; the example holds one
   * copy. As in Pact JS and Pact Python, an empty list does not satisfy it: use {@code
   * eachLike(template, 0)} to allow one.
   */
  public static Matcher.EachLike eachLike(Object template) {
    return new Matcher.EachLike(template, 1, null, 1, "eachLike(" + show(template) + ")");
  }

  /**
   * A list of at least {@code min} elements like {@code template}; the example holds {@code min}
   * copies (one when {@code min} is 0, so that the pact still shows the element's shape).
   */
  public static Matcher.EachLike eachLike(Object template, int min) {
    return new Matcher.EachLike(
        template, min, null, Math.max(1, min), "eachLike(" + show(template) + ", " + min + ")");
  }

  /** A list of {@code min} to {@code max} elements like {@code template}. */
  public static Matcher.EachLike eachLike(Object template, int min, int max) {
    return new Matcher.EachLike(
        template,
        min,
        max,
        Math.max(1, min),
        "eachLike(" + show(template) + ", " + min + ", " + max + ")");
  }

  /**
   * A list that contains, in any order and among other elements, one element matching each variant.
   */
  public static Matcher arrayContaining(Object... variants) {
    return new Matcher.ArrayContaining(
        List.of(variants),
        "arrayContaining("
            + Arrays.stream(variants).map(Accord::show).collect(Collectors.joining(", "))
            + ")");
  }

  /** A map whose every key matches {@code keyMatcher} (e.g. {@code regex("[a-z]+", "en")}). */
  public static Matcher eachKey(Matcher keyMatcher, Object exampleMap) {
    return new Matcher.Each(
        Matcher.Kind.EACH_KEY,
        keyMatcher,
        exampleMap,
        "eachKey(" + keyMatcher + ", " + show(exampleMap) + ")");
  }

  /** A map or list whose every value matches {@code valueMatcher}. */
  public static Matcher eachValue(Matcher valueMatcher, Object example) {
    return new Matcher.Each(
        Matcher.Kind.EACH_VALUE,
        valueMatcher,
        example,
        "eachValue(" + valueMatcher + ", " + show(example) + ")");
  }

  // ---- value matchers ----

  /** A string matching the regular expression entirely. */
  public static Matcher regex(String regex, String example) {
    Objects.requireNonNull(regex, "regex");
    return value(
        example, "regex(\"" + regex + "\", " + show(example) + ")", new MatchingRule.Regex(regex));
  }

  /** A JSON integer. */
  public static Matcher integer(long example) {
    return value(example, "integer(" + example + ")", new MatchingRule.IntegerType());
  }

  /** A JSON number with a fractional part. */
  public static Matcher decimal(double example) {
    return value(example, "decimal(" + example + ")", new MatchingRule.DecimalType());
  }

  /** A {@link java.math.BigDecimal} example keeps its exact digits in the pact. */
  public static Matcher decimal(java.math.BigDecimal example) {
    return value(example, "decimal(" + example + ")", new MatchingRule.DecimalType());
  }

  /** Any JSON number. */
  public static Matcher number(Number example) {
    return value(example, "number(" + example + ")", new MatchingRule.NumberType());
  }

  /** A boolean. */
  public static Matcher bool(boolean example) {
    return value(example, "bool(" + example + ")", new MatchingRule.BooleanType());
  }

  /** A string containing {@code substring}. */
  public static Matcher include(String substring, String example) {
    return value(
        example,
        "include(\"" + substring + "\", " + show(example) + ")",
        new MatchingRule.Include(substring));
  }

  /** A JSON {@code null}. */
  public static Matcher nullValue() {
    return value(null, "nullValue()", new MatchingRule.Null());
  }

  /** Same type as the example and not empty (a string, list, map or binary body). */
  public static Matcher notEmpty(Object example) {
    return value(example, "notEmpty(" + show(example) + ")", new MatchingRule.NotEmpty());
  }

  /** A semantic version such as {@code 1.2.3}. */
  public static Matcher semver(String example) {
    return value(example, "semver(" + show(example) + ")", new MatchingRule.Semver());
  }

  /** A lower- or upper-case hyphenated UUID. */
  public static Matcher uuid(String example) {
    return value(example, "uuid(" + show(example) + ")", new MatchingRule.Regex(UUID_REGEX));
  }

  /** A date in ISO format {@code yyyy-MM-dd}. */
  public static Matcher date(String example) {
    return date("yyyy-MM-dd", example);
  }

  /** A date in a {@link java.time.format.DateTimeFormatter} pattern. */
  public static Matcher date(String format, String example) {
    return value(
        example, "date(\"" + format + "\", " + show(example) + ")", new MatchingRule.Date(format));
  }

  /** A time in format {@code HH:mm:ss}. */
  public static Matcher time(String example) {
    return time("HH:mm:ss", example);
  }

  /** A time in a {@link java.time.format.DateTimeFormatter} pattern. */
  public static Matcher time(String format, String example) {
    return value(
        example, "time(\"" + format + "\", " + show(example) + ")", new MatchingRule.Time(format));
  }

  /**
   * A date-time in ISO-8601 with an offset and whole seconds ({@link #ISO_DATETIME}), e.g. {@code
   * 2024-05-01T10:15:30Z}; use {@link #datetime(String, String)} for fractions.
   */
  public static Matcher datetime(String example) {
    return datetime(ISO_DATETIME, example);
  }

  /** A date-time in a {@link java.time.format.DateTimeFormatter} pattern. */
  public static Matcher datetime(String format, String example) {
    return value(
        example,
        "datetime(\"" + format + "\", " + show(example) + ")",
        new MatchingRule.Timestamp(format));
  }

  /**
   * An HTTP status in a class: {@code success}, {@code clientError}, ... (V4). Use in {@code
   * willRespondWith}.
   */
  public static Matcher statusCode(String statusClass, int example) {
    return value(
        example,
        "statusCode(\"" + statusClass + "\", " + example + ")",
        new MatchingRule.StatusCode(statusClass, null));
  }

  // ---- provider states ----

  /**
   * A value the provider decides in its state set-up: the consumer sees {@code example}; the
   * provider's verifier fills {@code expression} ({@code "/api/products/${id}"}, or a bare name
   * such as {@code "id"} for a body value keeping its JSON type) from the values its state handler
   * returned. Writes a {@code ProviderState} generator and a {@code type} rule.
   */
  public static Matcher fromProviderState(String expression, Object example) {
    Objects.requireNonNull(expression, "expression");
    Generator.DataType type =
        example instanceof Integer || example instanceof Long
            ? Generator.DataType.INTEGER
            : example instanceof Number
                ? Generator.DataType.DECIMAL
                : example instanceof Boolean
                    ? Generator.DataType.BOOLEAN
                    : expression.contains("${")
                        ? Generator.DataType.STRING
                        : Generator.DataType.RAW;
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Type(null, null)),
        new Generator.ProviderState(expression, type),
        "fromProviderState(\"" + expression + "\", " + show(example) + ")");
  }

  /**
   * The value of a provider-state variable: a parameter declared with {@code given(state,
   * Map.of(name, default))}. The consumer side sees the default; the provider may replace it.
   * Usable as a body value, header value, query value, or inside a path template with {@link
   * #path(Object...)}.
   */
  public static Matcher stateVariable(String name) {
    return new Matcher.StateVariable(Objects.requireNonNull(name, "name"));
  }

  /**
   * A path built from literal parts and {@link #stateVariable(String) state variables}: {@code
   * path("/api/products/", stateVariable("id"))} is {@code /api/products/prod-001} for the consumer
   * and {@code /api/products/${id}} for the provider.
   */
  public static Matcher path(Object... parts) {
    return new Matcher.Template(List.of(parts));
  }

  // ---- generators (values replaced when the mock answers or the verifier replays) ----

  /** An integer example that the mock replaces with a random one in [min, max]. */
  public static Matcher randomInt(int min, int max, int example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.IntegerType()),
        new Generator.RandomInt(min, max),
        "randomInt(" + min + ", " + max + ", " + example + ")");
  }

  /** A decimal example replaced by a random one with {@code digits} digits. */
  public static Matcher randomDecimal(int digits, double example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.DecimalType()),
        new Generator.RandomDecimal(digits),
        "randomDecimal(" + digits + ", " + example + ")");
  }

  /** A hexadecimal string example replaced by a random one of {@code digits} digits. */
  public static Matcher randomHexadecimal(int digits, String example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Regex("[0-9a-fA-F]+")),
        new Generator.RandomHexadecimal(digits),
        "randomHexadecimal(" + digits + ", " + show(example) + ")");
  }

  /** A string example replaced by a random alphanumeric string of {@code size} characters. */
  public static Matcher randomString(int size, String example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Type(null, null)),
        new Generator.RandomString(size),
        "randomString(" + size + ", " + show(example) + ")");
  }

  /** A boolean example replaced by a random boolean. */
  public static Matcher randomBoolean(boolean example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.BooleanType()),
        new Generator.RandomBoolean(),
        "randomBoolean(" + example + ")");
  }

  /** A UUID example replaced by a random UUID. */
  public static Matcher randomUuid(String example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Regex(UUID_REGEX)),
        new Generator.Uuid(null),
        "randomUuid(" + show(example) + ")");
  }

  /** A string matching {@code regex}, replaced by a generated one. */
  public static Matcher generatedRegex(String regex, String example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Regex(regex)),
        new Generator.Regex(regex),
        "generatedRegex(\"" + regex + "\", " + show(example) + ")");
  }

  /**
   * A date example replaced by today's date (or {@code expression}, e.g. {@code "today + 1 day"}).
   */
  public static Matcher generatedDate(String format, String expression, String example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Date(format)),
        new Generator.Date(format, expression),
        "generatedDate(\"" + format + "\", " + show(expression) + ", " + show(example) + ")");
  }

  /** A date-time example replaced by now (or {@code expression}, e.g. {@code "today @ noon"}). */
  public static Matcher generatedDatetime(String format, String expression, String example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Timestamp(format)),
        new Generator.DateTime(format, expression),
        "generatedDatetime(\"" + format + "\", " + show(expression) + ", " + show(example) + ")");
  }

  /**
   * A URL pointing at the mock server: the consumer receives the mock's own base URL followed by
   * the path captured by group 1 of {@code regex}; the pact keeps {@code example}.
   */
  public static Matcher mockServerUrl(String regex, String example) {
    return new Matcher(
        Matcher.Kind.VALUE,
        example,
        List.of(new MatchingRule.Regex(regex)),
        new Generator.MockServerUrl(example, regex),
        "mockServerUrl(\"" + regex + "\", " + show(example) + ")");
  }

  private static Matcher value(Object example, String describe, MatchingRule rule) {
    return new Matcher(Matcher.Kind.VALUE, example, List.of(rule), null, describe);
  }

  static String show(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(value);
  }
}
