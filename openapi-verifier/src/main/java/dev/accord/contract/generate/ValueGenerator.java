package dev.accord.contract.generate;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for a schema of an OpenAPI document: the document's own example first ({@code example},
 * the first of a 3.1 {@code examples} array, then {@code default}), otherwise a value generated
 * from the schema with a seeded {@link Random}, so the same seed gives the same values. Generation
 * honours {@code $ref}, {@code type} (3.1 type arrays), {@code enum}, {@code const}, {@code format}
 * ({@code date}, {@code date-time}, {@code time}, {@code uuid}, {@code email}, {@code uri}, {@code
 * hostname}, {@code ipv4}, {@code ipv6}, {@code byte}, {@code int32}, {@code int64}), {@code
 * minimum}/{@code maximum} (exclusive too), {@code multipleOf}, {@code minLength}/ {@code
 * maxLength}, simple {@code pattern}s (literals, classes, {@code \d \w \s}, quantifiers), {@code
 * items}, {@code minItems}/{@code maxItems}, {@code properties} (every one but {@code readOnly}
 * ones: the values are for requests), {@code required}, {@code allOf} (merged), {@code
 * oneOf}/{@code anyOf} (the first branch).
 *
 * <pre>{@code
 * ValueGenerator values = new ValueGenerator(document, 42L);
 * JsonNode body = values.value(schemaNode, "/components/schemas/NewJob");
 * }</pre>
 *
 * <p>Not thread-safe: one generator per run (it holds the {@link Random}).
 */
public final class ValueGenerator {
  private static final JsonNodeFactory NODES = Json.nodes();
  private static final int MAX_DEPTH = 12;
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String WORD = LOWER + LOWER.toUpperCase(Locale.ROOT) + DIGITS + "_";

  private final OpenApiDocument document;
  private final Random random;

  /** A generator whose values depend only on {@code seed} (and the document). */
  public ValueGenerator(OpenApiDocument document, long seed) {
    this(document, new Random(seed));
  }

  /** A generator drawing from {@code random}. */
  public ValueGenerator(OpenApiDocument document, Random random) {
    this.document = document;
    this.random = random;
  }

  /**
   * The example given for a parameter, a media type or a schema holder: its {@code example}, or the
   * {@code value} of the first of its {@code examples} (a map of Example objects, $refs followed),
   * or the first element of a 3.1 schema's {@code examples} array.
   */
  public Optional<JsonNode> example(JsonNode holder) {
    if (holder == null || !holder.isObject()) {
      return Optional.empty();
    }
    JsonNode example = holder.get("example");
    if (example != null) {
      return Optional.of(example);
    }
    JsonNode examples = holder.get("examples");
    if (examples != null && examples.isArray() && !examples.isEmpty()) {
      return Optional.of(examples.get(0));
    }
    if (examples != null && examples.isObject()) {
      for (Map.Entry<String, JsonNode> e : examples.properties()) {
        Optional<JsonNode> value =
            document.resolve(e.getValue(), "").map(l -> l.node().get("value"));
        if (value.isPresent() && value.get() != null) {
          return value;
        }
      }
    }
    return Optional.empty();
  }

  /** The schema's own example (or default) if it has one, otherwise a generated value. */
  public JsonNode value(JsonNode schema, String pointer) {
    return value(schema, pointer, 0);
  }

  /** A value generated from the schema, ignoring examples and defaults at the top (not inside). */
  public JsonNode generate(JsonNode schema, String pointer) {
    Optional<OpenApiDocument.Located> located = document.resolve(schema, pointer);
    if (located.isEmpty() || !located.get().node().isObject()) {
      return NODES.stringNode(word(8));
    }
    return generated(located.get().node(), located.get().pointer(), 0);
  }

  private JsonNode value(JsonNode schema, String pointer, int depth) {
    if (schema == null) {
      return NODES.stringNode(word(8));
    }
    Optional<OpenApiDocument.Located> located = document.resolve(schema, pointer);
    if (located.isEmpty()) {
      return NODES.nullNode();
    }
    JsonNode s = located.get().node();
    if (s.isBoolean() || !s.isObject()) {
      return NODES.stringNode(word(8));
    }
    Optional<JsonNode> example = example(s);
    if (example.isPresent()) {
      return example.get();
    }
    if (s.has("default")) {
      return s.get("default");
    }
    return generated(s, located.get().pointer(), depth);
  }

  private JsonNode generated(JsonNode s, String pointer, int depth) {
    if (s.has("const")) {
      return s.get("const");
    }
    JsonNode enumeration = s.get("enum");
    if (enumeration != null && enumeration.isArray() && !enumeration.isEmpty()) {
      List<JsonNode> choices = new ArrayList<>();
      enumeration.forEach(
          v -> {
            if (!v.isNull()) {
              choices.add(v);
            }
          });
      return choices.isEmpty() ? NODES.nullNode() : choices.get(random.nextInt(choices.size()));
    }
    JsonNode allOf = s.get("allOf");
    if (allOf != null && allOf.isArray() && !allOf.isEmpty()) {
      ObjectNode merged = NODES.objectNode();
      JsonNode last = null;
      for (int i = 0; i < allOf.size(); i++) {
        JsonNode part = value(allOf.get(i), pointer + "/allOf/" + i, depth + 1);
        if (part.isObject()) {
          merged.setAll((ObjectNode) part);
        } else {
          last = part;
        }
      }
      if (s.has("properties")) {
        merged.setAll(object(s, pointer, depth));
      }
      return merged.isEmpty() && last != null ? last : merged;
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = s.get(keyword);
      if (branches != null && branches.isArray() && !branches.isEmpty()) {
        JsonNode first = value(branches.get(0), pointer + "/" + keyword + "/0", depth + 1);
        if (first.isObject() && s.has("properties")) {
          ((ObjectNode) first).setAll(object(s, pointer, depth));
        }
        return first;
      }
    }
    String type = type(s);
    return switch (type) {
      case "object" -> object(s, pointer, depth);
      case "array" -> array(s, pointer, depth);
      case "integer" -> integer(s);
      case "number" -> number(s);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "null" -> NODES.nullNode();
      default -> NODES.stringNode(string(s));
    };
  }

  private static String type(JsonNode s) {
    JsonNode type = s.get("type");
    if (type != null && type.isString()) {
      return type.asString();
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asString())) {
          return t.asString();
        }
      }
      return "null";
    }
    if (s.has("properties") || s.has("additionalProperties")) {
      return "object";
    }
    if (s.has("items")) {
      return "array";
    }
    return "string";
  }

  private ObjectNode object(JsonNode s, String pointer, int depth) {
    ObjectNode out = NODES.objectNode();
    Set<String> required = new LinkedHashSet<>();
    s.path("required").forEach(r -> required.add(r.asString()));
    JsonNode properties = s.get("properties");
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        String name = p.getKey();
        String at = pointer + "/properties/" + ApiOperation.escape(name);
        boolean readOnly =
            document
                .resolve(p.getValue(), at)
                .map(l -> l.node().path("readOnly").asBoolean(false))
                .orElse(false);
        if (readOnly || (depth >= MAX_DEPTH && !required.contains(name))) {
          continue;
        }
        out.set(name, value(p.getValue(), at, depth + 1));
      }
    }
    for (String name : required) {
      if (!out.has(name) && (properties == null || !properties.has(name))) {
        out.put(name, word(8)); // required but not described: a string is the likeliest
      }
    }
    int minProperties = s.path("minProperties").asInt(0);
    JsonNode additional = s.get("additionalProperties");
    for (int i = 0; out.size() < minProperties; i++) {
      out.set(
          "property" + i,
          additional != null && additional.isObject()
              ? value(additional, pointer + "/additionalProperties", depth + 1)
              : NODES.stringNode(word(8)));
    }
    return out;
  }

  private ArrayNode array(JsonNode s, String pointer, int depth) {
    ArrayNode out = NODES.arrayNode();
    int min = s.path("minItems").asInt(0);
    int max = s.has("maxItems") ? s.get("maxItems").asInt() : Math.max(min, 2);
    int size = depth >= MAX_DEPTH ? min : Math.min(max, Math.max(min, 1));
    Set<String> seen = new LinkedHashSet<>();
    boolean unique = s.path("uniqueItems").asBoolean(false);
    for (int i = 0, tries = 0; out.size() < size && tries < size * 20; tries++) {
      JsonNode item =
          i == 0
              ? value(s.get("items"), pointer + "/items", depth + 1)
              : generatedOrValue(s.get("items"), pointer + "/items", depth + 1);
      if (!unique || seen.add(Json.write(item))) {
        out.add(item);
        i++;
      }
    }
    return out;
  }

  private JsonNode generatedOrValue(JsonNode items, String pointer, int depth) {
    if (items == null) {
      return NODES.stringNode(word(8));
    }
    Optional<OpenApiDocument.Located> located = document.resolve(items, pointer);
    return located.isPresent() && located.get().node().isObject()
        ? generated(located.get().node(), located.get().pointer(), depth)
        : NODES.stringNode(word(8));
  }

  private JsonNode integer(JsonNode s) {
    long min = s.has("minimum") ? (long) Math.ceil(s.get("minimum").asDouble()) : 1;
    long max =
        s.has("maximum") ? (long) Math.floor(s.get("maximum").asDouble()) : Math.max(min, 0) + 1000;
    if (exclusive(s, "exclusiveMinimum", "minimum")) {
      min =
          s.get("exclusiveMinimum").isNumber()
              ? (long) Math.floor(s.get("exclusiveMinimum").asDouble()) + 1
              : min + 1;
    }
    if (exclusive(s, "exclusiveMaximum", "maximum")) {
      max =
          s.get("exclusiveMaximum").isNumber()
              ? (long) Math.ceil(s.get("exclusiveMaximum").asDouble()) - 1
              : max - 1;
    }
    if ("int32".equals(s.path("format").asString(""))) {
      min = Math.max(min, Integer.MIN_VALUE);
      max = Math.min(max, Integer.MAX_VALUE);
    }
    if (max < min) {
      max = min;
    }
    long value = min + (long) (random.nextDouble() * (max - min + 1));
    value = Math.min(value, max);
    JsonNode multipleOf = s.get("multipleOf");
    if (multipleOf != null && multipleOf.isNumber() && multipleOf.asLong() > 0) {
      long step = multipleOf.asLong();
      long rounded = (value / step) * step;
      value = rounded < min ? rounded + step : rounded;
    }
    return NODES.numberNode(value);
  }

  private JsonNode number(JsonNode s) {
    double min = s.has("minimum") ? s.get("minimum").asDouble() : 0;
    double max = s.has("maximum") ? s.get("maximum").asDouble() : min + 1000;
    if (s.path("exclusiveMinimum").isNumber()) {
      min = s.get("exclusiveMinimum").asDouble();
    }
    if (s.path("exclusiveMaximum").isNumber()) {
      max = s.get("exclusiveMaximum").asDouble();
    }
    JsonNode multipleOf = s.get("multipleOf");
    if (multipleOf != null && multipleOf.isNumber() && multipleOf.asDouble() > 0) {
      BigDecimal step = multipleOf.decimalValue();
      long steps =
          (long) Math.ceil(min / step.doubleValue())
              + (long)
                  (random.nextDouble() * Math.max(0, Math.floor((max - min) / step.doubleValue())));
      return NODES.numberNode(step.multiply(BigDecimal.valueOf(steps)));
    }
    // two decimals, strictly inside the bounds (so exclusive bounds hold too)
    double span = max - min;
    double value = min + span * (0.1 + 0.8 * random.nextDouble());
    return NODES.numberNode(BigDecimal.valueOf(Math.round(value * 100) / 100.0));
  }

  private static boolean exclusive(JsonNode s, String keyword, String bound) {
    JsonNode e = s.get(keyword);
    return e != null && (e.isNumber() || (e.isBoolean() && e.asBoolean() && s.has(bound)));
  }

  private String string(JsonNode s) {
    String format = s.path("format").asString("");
    String formatted =
        switch (format) {
          case "date" -> LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString();
          case "date-time" ->
              DateTimeFormatter.ISO_INSTANT.format(
                  Instant.parse("2026-01-01T00:00:00Z")
                      .plusSeconds(random.nextInt(365 * 24 * 3600)));
          case "time" ->
              String.format(
                  Locale.ROOT,
                  "%02d:%02d:%02dZ",
                  random.nextInt(24),
                  random.nextInt(60),
                  random.nextInt(60));
          case "uuid" ->
              UUID.nameUUIDFromBytes(word(16).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                  .toString();
          case "email" -> word(6).toLowerCase(Locale.ROOT) + "@example.com";
          case "uri", "url" -> "https://example.com/" + word(6).toLowerCase(Locale.ROOT);
          case "hostname" -> word(6).toLowerCase(Locale.ROOT) + ".example.com";
          case "ipv4" -> "192.0.2." + (1 + random.nextInt(254));
          case "ipv6" -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
          case "byte" ->
              Base64.getEncoder()
                  .encodeToString(word(6).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          case "duration" -> "PT" + (1 + random.nextInt(59)) + "M";
          default -> null;
        };
    if (formatted != null) {
      return formatted;
    }
    JsonNode pattern = s.get("pattern");
    if (pattern != null && pattern.isString()) {
      Optional<String> fromPattern = new PatternStrings(random).string(pattern.asString());
      if (fromPattern.isPresent()) {
        return fromPattern.get();
      }
    }
    int min = s.path("minLength").asInt(0);
    int max = s.has("maxLength") ? s.get("maxLength").asInt() : Math.max(min, 12);
    int length = Math.max(min, Math.min(max, 8));
    return word(length);
  }

  private String word(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(LOWER.charAt(random.nextInt(LOWER.length())));
    }
    return sb.toString();
  }

  /**
   * Strings for the simple regular expressions documents use; empty when the pattern is beyond
   * them.
   */
  static final class PatternStrings {
    private final Random random;
    private String pattern;
    private int at;

    PatternStrings(Random random) {
      this.random = random;
    }

    Optional<String> string(String regex) {
      pattern = regex;
      at = 0;
      if (pattern.startsWith("^")) {
        at = 1;
      }
      StringBuilder out = new StringBuilder();
      try {
        while (at < pattern.length()) {
          char c = pattern.charAt(at);
          if (c == '$' && at == pattern.length() - 1) {
            break;
          }
          String alphabet = atom();
          int[] counts = quantifier();
          int n =
              counts[0] + (counts[1] > counts[0] ? random.nextInt(counts[1] - counts[0] + 1) : 0);
          for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        return Optional.empty();
      }
      String result = out.toString();
      return java.util.regex.Pattern.compile(regex).matcher(result).find()
          ? Optional.of(result)
          : Optional.empty();
    }

    private String atom() {
      char c = pattern.charAt(at++);
      switch (c) {
        case '\\' -> {
          return escaped(pattern.charAt(at++));
        }
        case '[' -> {
          StringBuilder set = new StringBuilder();
          if (pattern.charAt(at) == '^') {
            throw new IllegalArgumentException("negated class");
          }
          while (pattern.charAt(at) != ']') {
            char first = pattern.charAt(at++);
            if (first == '\\') {
              set.append(escaped(pattern.charAt(at++)));
            } else if (pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
              char last = pattern.charAt(at + 1);
              at += 2;
              for (char x = first; x <= last; x++) {
                set.append(x);
              }
            } else {
              set.append(first);
            }
          }
          at++;
          return set.toString();
        }
        case '.' -> {
          return LOWER;
        }
        case '(', ')', '|', '*', '+', '?', '{', '}', '^', '$' ->
            throw new IllegalArgumentException("group");
        default -> {
          return String.valueOf(c);
        }
      }
    }

    private static String escaped(char c) {
      return switch (c) {
        case 'd' -> DIGITS;
        case 'w' -> WORD;
        case 's' -> " ";
        case 'D', 'W', 'S', 'b', 'B' -> throw new IllegalArgumentException("class");
        default -> String.valueOf(c);
      };
    }

    private int[] quantifier() {
      if (at >= pattern.length()) {
        return new int[] {1, 1};
      }
      char c = pattern.charAt(at);
      switch (c) {
        case '?' -> {
          at++;
          return new int[] {0, 1};
        }
        case '*' -> {
          at++;
          return new int[] {0, 3};
        }
        case '+' -> {
          at++;
          return new int[] {1, 4};
        }
        case '{' -> {
          int close = pattern.indexOf('}', at);
          String[] bounds = pattern.substring(at + 1, close).split(",", -1);
          at = close + 1;
          int min = Integer.parseInt(bounds[0].trim());
          int max =
              bounds.length == 1
                  ? min
                  : bounds[1].isBlank() ? min + 3 : Integer.parseInt(bounds[1].trim());
          return new int[] {min, max};
        }
        default -> {
          return new int[] {1, 1};
        }
      }
    }
  }
}
