package dev.accord.pact.generators.internal;

import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.generators.GeneratorException;
import dev.accord.pact.generators.GeneratorMode;
import dev.accord.pact.json.Json;
import dev.accord.pact.matching.PactRegex;
import dev.accord.pact.model.Generator;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Produces one value for one generator. */
public final class ValueGeneration {
  private static final JsonNodeFactory NODES = Json.nodes();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";
  static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
  static final String DEFAULT_TIME_FORMAT = "HH:mm:ss";
  static final String DEFAULT_DATE_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private ValueGeneration() {}

  /**
   * Whether the generator runs in this mode: {@code ProviderState} on the provider, {@code
   * MockServerURL} on the consumer.
   */
  public static boolean appliesIn(Generator generator, GeneratorMode mode) {
    if (generator instanceof Generator.ProviderState) {
      return mode == GeneratorMode.PROVIDER;
    }
    if (generator instanceof Generator.MockServerUrl) {
      return mode == GeneratorMode.CONSUMER;
    }
    return true;
  }

  /**
   * @param current the example value being replaced (may be null when there is none)
   * @param location where, for error messages: {@code body $.id}, {@code header X-Id}, {@code path}
   * @throws GeneratorException when the generator is misconfigured or its input is missing
   */
  public static JsonNode generate(
      Generator generator,
      JsonNode current,
      GeneratorContext context,
      Random random,
      String location) {
    try {
      return value(generator, current, context, random);
    } catch (GeneratorException e) {
      throw e;
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new GeneratorException(location, describe(generator), e.getMessage(), e);
    }
  }

  private static JsonNode value(
      Generator generator, JsonNode current, GeneratorContext context, Random random) {
    if (generator instanceof Generator.RandomInt g) {
      return randomInt(g, random);
    } else if (generator instanceof Generator.RandomDecimal g) {
      return randomDecimal(g.digits(), random);
    } else if (generator instanceof Generator.RandomHexadecimal g) {
      return NODES.stringNode(randomChars(HEX, positive(g.digits(), "digits"), random));
    } else if (generator instanceof Generator.RandomString g) {
      return NODES.stringNode(randomChars(ALPHANUMERIC, nonNegative(g.size(), "size"), random));
    } else if (generator instanceof Generator.Regex g) {
      return NODES.stringNode(RegexValues.generate(g.regex(), random));
    } else if (generator instanceof Generator.Uuid g) {
      return NODES.stringNode(uuid(g.format(), random));
    } else if (generator instanceof Generator.Date g) {
      return NODES.stringNode(date(g, context));
    } else if (generator instanceof Generator.Time g) {
      return NODES.stringNode(time(g, context));
    } else if (generator instanceof Generator.DateTime g) {
      return NODES.stringNode(dateTime(g, context));
    } else if (generator instanceof Generator.RandomBoolean) {
      return NODES.booleanNode(random.nextBoolean());
    } else if (generator instanceof Generator.ProviderState g) {
      return ProviderStateValues.resolve(g, context);
    } else if (generator instanceof Generator.MockServerUrl g) {
      return NODES.stringNode(mockServerUrl(g, current, context));
    }
    throw new IllegalArgumentException(
        "the generator type '"
            + generator.type()
            + "' is not supported by Accord (known types: RandomInt, RandomDecimal, RandomHexadecimal, RandomString,"
            + " Regex, Uuid, Date, Time, DateTime, RandomBoolean, ProviderState, MockServerURL); remove it or"
            + " replace it with a supported generator");
  }

  /**
   * The value as text, for a path, header, query parameter or form field: strings unquoted, other
   * JSON as written.
   */
  public static String asText(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    return value.isString() ? value.asString() : Json.write(value);
  }

  /**
   * A generator as people read it in messages, e.g. {@code RandomInt generator (min 1, max 10)}.
   */
  public static String describe(Generator generator) {
    String attributes;
    if (generator instanceof Generator.RandomInt g) {
      attributes = "min " + g.min() + ", max " + g.max();
    } else if (generator instanceof Generator.RandomDecimal g) {
      attributes = "digits " + g.digits();
    } else if (generator instanceof Generator.RandomHexadecimal g) {
      attributes = "digits " + g.digits();
    } else if (generator instanceof Generator.RandomString g) {
      attributes = "size " + g.size();
    } else if (generator instanceof Generator.Regex g) {
      attributes = "regex '" + g.regex() + "'";
    } else if (generator instanceof Generator.Uuid g) {
      attributes = g.format() == null ? "" : "format '" + g.format() + "'";
    } else if (generator instanceof Generator.Date g) {
      attributes = dateAttributes(g.format(), g.expression());
    } else if (generator instanceof Generator.Time g) {
      attributes = dateAttributes(g.format(), g.expression());
    } else if (generator instanceof Generator.DateTime g) {
      attributes = dateAttributes(g.format(), g.expression());
    } else if (generator instanceof Generator.ProviderState g) {
      attributes =
          "expression '"
              + g.expression()
              + "'"
              + (g.dataType() == null ? "" : ", dataType " + g.dataType());
    } else if (generator instanceof Generator.MockServerUrl g) {
      attributes = "example '" + g.example() + "', regex '" + g.regex() + "'";
    } else if (generator instanceof Generator.Other g) {
      attributes = g.attributes().toString();
    } else {
      attributes = "";
    }
    return generator.type() + " generator" + (attributes.isEmpty() ? "" : " (" + attributes + ")");
  }

  private static String dateAttributes(String format, String expression) {
    StringBuilder sb = new StringBuilder();
    if (format != null) {
      sb.append("format '").append(format).append("'");
    }
    if (expression != null) {
      sb.append(sb.length() == 0 ? "" : ", ").append("expression '").append(expression).append("'");
    }
    return sb.toString();
  }

  private static JsonNode randomInt(Generator.RandomInt g, Random random) {
    if (g.min() > g.max()) {
      throw new IllegalArgumentException(
          "'min' (" + g.min() + ") is greater than 'max' (" + g.max() + ")");
    }
    long span = (long) g.max() - g.min() + 1;
    long value =
        g.min()
            + (span > Integer.MAX_VALUE
                ? Math.floorMod(random.nextLong(), span)
                : random.nextInt((int) span));
    return NODES.numberNode((int) value);
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException("'" + name + "' must be at least 1 but was " + value);
    }
    return value;
  }

  private static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException("'" + name + "' must not be negative but was " + value);
    }
    return value;
  }

  private static String randomChars(String alphabet, int count, Random random) {
    StringBuilder sb = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /**
   * {@code digits} significant digits with a decimal point inside them, e.g. 6 digits: {@code
   * 4821.07}.
   */
  private static JsonNode randomDecimal(int digits, Random random) {
    positive(digits, "digits");
    if (digits == 1) {
      return NODES.numberNode(new BigDecimal("0." + (1 + random.nextInt(9))));
    }
    StringBuilder sb = new StringBuilder(digits + 1);
    sb.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < digits; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    int point = 1 + random.nextInt(digits - 1);
    sb.insert(point, '.');
    if (sb.charAt(sb.length() - 1) == '0') {
      // a trailing zero would read back as fewer digits
      sb.setCharAt(sb.length() - 1, (char) ('1' + random.nextInt(9)));
    }
    return NODES.numberNode(new BigDecimal(sb.toString()));
  }

  private static String uuid(String format, Random random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (bytes[i] & 0xff);
      lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
    }
    String hyphenated = new UUID(msb, lsb).toString();
    if (format == null) {
      return hyphenated;
    }
    return switch (format) {
      case "lower-case-hyphenated" -> hyphenated;
      case "upper-case-hyphenated" -> hyphenated.toUpperCase(Locale.ROOT);
      case "simple" -> hyphenated.replace("-", "");
      case "URN" -> "urn:uuid:" + hyphenated;
      default ->
          throw new IllegalArgumentException(
              "unknown UUID format '"
                  + format
                  + "'; use one of simple, lower-case-hyphenated (the default), upper-case-hyphenated, URN");
    };
  }

  private static ZonedDateTime base(GeneratorContext context) {
    return ZonedDateTime.now(context.clock());
  }

  private static String date(Generator.Date g, GeneratorContext context) {
    ZonedDateTime value =
        g.expression() == null
            ? base(context)
            : DateExpressions.date(g.expression(), base(context));
    return format(value, g.format(), DEFAULT_DATE_FORMAT);
  }

  private static String time(Generator.Time g, GeneratorContext context) {
    ZonedDateTime value =
        g.expression() == null
            ? base(context)
            : DateExpressions.time(g.expression(), base(context));
    return format(value, g.format(), DEFAULT_TIME_FORMAT);
  }

  private static String dateTime(Generator.DateTime g, GeneratorContext context) {
    ZonedDateTime value =
        g.expression() == null
            ? base(context)
            : DateExpressions.dateTime(g.expression(), base(context));
    return format(value, g.format(), DEFAULT_DATE_TIME_FORMAT);
  }

  private static String format(ZonedDateTime value, String format, String defaultFormat) {
    String pattern = format == null || format.isBlank() ? defaultFormat : format;
    DateTimeFormatter formatter;
    try {
      formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the format '"
              + pattern
              + "' is not a valid java.time DateTimeFormatter"
              + " pattern ("
              + e.getMessage()
              + "); e.g. 'yyyy-MM-dd', 'HH:mm:ss', \"yyyy-MM-dd'T'HH:mm:ssXXX\"",
          e);
    }
    return formatter.format(value);
  }

  private static String mockServerUrl(
      Generator.MockServerUrl g, JsonNode current, GeneratorContext context) {
    String href =
        context
            .mockServerUrl()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the generator context has no mock server URL; pass it with GeneratorContext.consumer(url, seed)"
                            + " or context.withMockServerUrl(url)"));
    if (g.regex() == null) {
      throw new IllegalArgumentException(
          "the generator has no 'regex'; give one whose group 1 captures the path"
              + " to keep, e.g. \".*(/orders/\\\\d+)$\"");
    }
    String example =
        g.example() != null
            ? g.example()
            : current != null && current.isString() ? current.asString() : null;
    if (example == null) {
      throw new IllegalArgumentException(
          "the generator has no 'example' URL and the current value is not a string");
    }
    Matcher m;
    try {
      m = PactRegex.compile(g.regex()).matcher(example);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "the regex '" + g.regex() + "' does not compile: " + e.getDescription(), e);
    }
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "the regex '" + g.regex() + "' does not match the example '" + example + "'");
    }
    if (m.groupCount() < 1 || m.group(1) == null) {
      throw new IllegalArgumentException(
          "the regex '"
              + g.regex()
              + "' has no group 1 capturing the path to keep"
              + " from the example '"
              + example
              + "'");
    }
    String path = m.group(1);
    String base =
        href.endsWith("/") && path.startsWith("/") ? href.substring(0, href.length() - 1) : href;
    return base + path;
  }
}
