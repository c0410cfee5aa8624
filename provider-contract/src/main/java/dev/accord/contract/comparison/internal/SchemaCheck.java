package dev.accord.contract.comparison.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import dev.accord.pact.matching.BodyRules;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.path.BodyPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a pact value (a body, a parameter) against a schema of the document, the pact's matching
 * rules understood: a value under a type-like rule stands for "any value of this shape", so in a
 * response only its shape is compared, not the schema's value constraints (enum, pattern, format,
 * bounds).
 */
/* One instance per check: it counts recursion depth, so it is not shared between threads. */
public final class SchemaCheck {

  /**
   * Which side of the exchange the value is on: it decides unknown properties and required ones.
   * {@code REQUEST} and {@code RESPONSE} are a pact's request and response (its example values, its
   * matchers); {@code SENT_RESPONSE} is what a running provider really answered: every {@code
   * required} property (not {@code writeOnly}) must be there, extra properties are allowed unless
   * {@code additionalProperties: false}, and every value constraint applies.
   */
  public enum Direction {
    REQUEST,
    RESPONSE,
    SENT_RESPONSE
  }

  /** One problem: where in the value, where in the document, and what. */
  public record Issue(BodyPath path, String pointer, String detail) {}

  private static final Set<String> LEAF_KEYWORDS =
      Set.of(
          "enum",
          "const",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf");
  private static final Set<String> CONTAINER_KEYWORDS =
      Set.of("minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties");
  private static final Set<String> ASSERTED_FORMATS =
      Set.of(
          "date",
          "date-time",
          "time",
          "email",
          "uuid",
          "uri",
          "ipv4",
          "ipv6",
          "hostname",
          "duration");
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> LEAF_SCHEMAS = new ConcurrentHashMap<>();

  private static final int MAX_DEPTH = 256;
  private static final int MAX_CACHED_SCHEMAS = 4096;

  private final OpenApiDocument document;
  private final Direction direction;
  private final BodyRules rules;
  private int depth;

  public SchemaCheck(OpenApiDocument document, Direction direction, BodyRules rules) {
    this.document = document;
    this.direction = direction;
    this.rules = rules;
  }

  /** Every issue of the value against the schema at the pointer (the schema node may be a $ref). */
  public List<Issue> check(JsonNode value, JsonNode schema, String pointer) {
    List<Issue> issues = new ArrayList<>();
    check(value, BodyPath.root(), schema, pointer, false, Set.of(), issues);
    return issues;
  }

  private void check(
      JsonNode value,
      BodyPath path,
      JsonNode rawSchema,
      String rawPointer,
      boolean inAllOf,
      Set<String> knownOutside,
      List<Issue> out) {
    if (depth >= MAX_DEPTH) {
      return; // a schema composed of itself (A: allOf [A]) has nothing more to say
    }
    depth++;
    try {
      checkResolved(value, path, rawSchema, rawPointer, inAllOf, knownOutside, out);
    } finally {
      depth--;
    }
  }

  private void checkResolved(
      JsonNode value,
      BodyPath path,
      JsonNode rawSchema,
      String rawPointer,
      boolean inAllOf,
      Set<String> knownOutside,
      List<Issue> out) {
    Optional<OpenApiDocument.Located> located = document.resolve(rawSchema, rawPointer);
    if (located.isEmpty()) {
      return; // a dangling or cyclic reference leaves nothing to compare against
    }
    JsonNode schema = located.get().node();
    String pointer = located.get().pointer();
    if (schema.isBoolean()) {
      if (!schema.asBoolean()) {
        out.add(
            new Issue(
                path,
                pointer,
                "the schema is false: no value is allowed here, found " + describe(value)));
      }
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    MatchingRule rule = ruleAt(path);
    boolean shapeOnly = direction == Direction.RESPONSE && isShapeRule(rule);

    Set<String> types = declaredTypes(schema);
    if (value.isNull()) {
      boolean nullAllowed = allowsNull(schema, types);
      if (!nullAllowed && !types.isEmpty()) {
        out.add(
            new Issue(
                path,
                pointer,
                "expected "
                    + String.join(" or ", types)
                    + ", found null; the schema "
                    + "does not allow null (nullable: true in OpenAPI 3.0, \"null\" in the type array in 3.1)"));
        return;
      }
      if (nullAllowed || !hasComposition(schema)) {
        return;
      }
    } else if (!types.isEmpty() && !fits(value, types)) {
      out.add(
          new Issue(
              path,
              pointer,
              "expected " + String.join(" or ", types) + ", found " + describe(value)));
      return;
    }
    if (direction == Direction.RESPONSE
        && rule instanceof MatchingRule.DecimalType
        && types.equals(Set.of("integer"))) {
      out.add(
          new Issue(
              path,
              pointer,
              "the pact's decimal rule expects numbers with a fraction, the document "
                  + "says integer: the provider never sends one; use number() or integer() in the pact, or document type: number"));
    }

    // compositions: every branch knows the properties its siblings and parents declare
    Set<String> knownHere = new HashSet<>(knownOutside);
    knownHere.addAll(mergedObject(schema, pointer).properties.keySet());
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (int i = 0; i < allOf.size(); i++) {
        check(value, path, allOf.get(i), pointer + "/allOf/" + i, true, knownHere, out);
      }
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = schema.get(keyword);
      if (branches != null && branches.isArray() && !branches.isEmpty()) {
        checkBranches(keyword, branches, value, path, pointer, knownHere, out);
      }
    }

    if (value.isObject()) {
      checkObject((ObjectNode) value, path, schema, pointer, inAllOf, knownOutside, out);
    } else if (value.isArray()) {
      JsonNode items = schema.get("items");
      if (items != null && (items.isObject() || items.isBoolean())) {
        for (int i = 0; i < value.size(); i++) {
          check(value.get(i), path.index(i), items, pointer + "/items", false, Set.of(), out);
        }
      }
    }
    if (!shapeOnly) {
      checkConstraints(value, path, schema, pointer, out);
    }
  }

  private void checkBranches(
      String keyword,
      JsonNode branches,
      JsonNode value,
      BodyPath path,
      String pointer,
      Set<String> known,
      List<Issue> out) {
    List<Integer> fitting = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      List<Issue> branchIssues = new ArrayList<>();
      check(
          value,
          path,
          branches.get(i),
          pointer + "/" + keyword + "/" + i,
          false,
          known,
          branchIssues);
      if (branchIssues.isEmpty()) {
        fitting.add(i);
      } else {
        Issue first = branchIssues.get(0);
        String detail = first.detail();
        int fix = detail.indexOf("; ");
        reasons.add(
            "#" + i + " at " + first.path() + ": " + (fix < 0 ? detail : detail.substring(0, fix)));
      }
    }
    if (fitting.isEmpty()) {
      out.add(
          new Issue(
              path,
              pointer + "/" + keyword,
              "fits none of the "
                  + branches.size()
                  + " schemas of "
                  + keyword
                  + " ("
                  + String.join("; ", reasons)
                  + ")"));
    } else if (keyword.equals("oneOf") && fitting.size() > 1 && direction != Direction.RESPONSE) {
      out.add(
          new Issue(
              path,
              pointer + "/oneOf",
              "fits "
                  + fitting.size()
                  + " schemas of oneOf ("
                  + fitting.stream().map(i -> "#" + i).reduce((a, b) -> a + ", " + b).orElse("")
                  + ") where exactly one must fit; a discriminating property or anyOf in the document would accept it"));
    }
  }

  private void checkObject(
      ObjectNode value,
      BodyPath path,
      JsonNode schema,
      String pointer,
      boolean inAllOf,
      Set<String> knownOutside,
      List<Issue> out) {
    JsonNode properties = schema.get("properties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (properties != null && properties.has(field.getKey())) {
        check(
            field.getValue(),
            path.field(field.getKey()),
            properties.get(field.getKey()),
            pointer + "/properties/" + escape(field.getKey()),
            false,
            Set.of(),
            out);
      }
    }
    if (direction != Direction.RESPONSE) {
      JsonNode required = schema.get("required");
      String exempt = direction == Direction.REQUEST ? "readOnly" : "writeOnly";
      if (required != null && required.isArray()) {
        for (JsonNode name : required) {
          String key = name.asString();
          boolean notHere =
              properties != null
                  && properties.has(key)
                  && document
                      .resolve(properties.get(key), "")
                      .map(l -> l.node().path(exempt).asBoolean(false))
                      .orElse(false);
          if (!value.has(key) && !notHere) {
            out.add(
                new Issue(
                    path,
                    pointer + "/required",
                    "required property \""
                        + key
                        + "\" is missing; "
                        + (direction == Direction.REQUEST
                            ? "the provider refuses a request without it: send it in the pact's request"
                            : "the document promises it in every response: send it, or take it out of required")));
          }
        }
      }
    }
    if (inAllOf) {
      return; // the allOf group decides unknown properties once, with every branch's properties
      // merged
    }
    MergedObject merged = mergedObject(schema, pointer);
    if (merged.alternatives) {
      return; // oneOf/anyOf branches decide unknown properties, each knowing the properties
      // declared around it
    }
    boolean constrained =
        !merged.properties.isEmpty() || merged.additionalFalse || merged.additionalSchema != null;
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String key = field.getKey();
      if (merged.properties.containsKey(key) || knownOutside.contains(key)) {
        continue; // checked where it is declared: here, or in its allOf branch
      }
      if (merged.additionalSchema != null) {
        check(
            field.getValue(),
            path.field(key),
            merged.additionalSchema,
            merged.additionalPointer,
            false,
            Set.of(),
            out);
      } else if (merged.additionalFalse) {
        out.add(
            new Issue(
                path.field(key),
                merged.additionalPointer,
                "property \""
                    + key
                    + "\" is not allowed: "
                    + "the schema says additionalProperties: false; "
                    + (direction == Direction.SENT_RESPONSE
                        ? "stop sending it or document it"
                        : "remove it from the pact or document it")));
      } else if (direction == Direction.RESPONSE && constrained && !merged.additionalTrue) {
        out.add(
            new Issue(
                path.field(key),
                pointer + (schema.has("properties") ? "/properties" : ""),
                "property \""
                    + key
                    + "\" is not in the "
                    + "document: the consumer expects it, the provider never promised it; add it to the schema's "
                    + "properties (or allow it with additionalProperties) or remove it from the pact"));
      }
    }
  }

  /**
   * An object schema with its allOf branches merged: the properties a value may have, and what
   * else.
   */
  private static final class MergedObject {
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    JsonNode additionalSchema;
    String additionalPointer;
    boolean additionalFalse;
    boolean additionalTrue;
    boolean alternatives;
  }

  private MergedObject mergedObject(JsonNode schema, String pointer) {
    MergedObject merged = new MergedObject();
    merge(schema, pointer, merged, new HashSet<>());
    return merged;
  }

  private void merge(JsonNode rawSchema, String rawPointer, MergedObject merged, Set<String> seen) {
    Optional<OpenApiDocument.Located> located = document.resolve(rawSchema, rawPointer);
    if (located.isEmpty()
        || !located.get().node().isObject()
        || !seen.add(located.get().pointer())) {
      return;
    }
    JsonNode schema = located.get().node();
    String pointer = located.get().pointer();
    if (schema.has("oneOf") || schema.has("anyOf")) {
      merged.alternatives = true;
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        merged.properties.putIfAbsent(p.getKey(), p.getValue());
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional == null && schema.path("unevaluatedProperties").isBoolean()) {
      additional = schema.get("unevaluatedProperties");
    }
    if (additional != null) {
      if (additional.isBoolean()) {
        if (additional.asBoolean()) {
          merged.additionalTrue = true;
        } else {
          merged.additionalFalse = true;
          merged.additionalPointer = pointer + "/additionalProperties";
        }
      } else if (additional.isObject() && merged.additionalSchema == null) {
        if (additional.isEmpty()) {
          merged.additionalTrue = true;
        } else {
          merged.additionalSchema = additional;
          merged.additionalPointer = pointer + "/additionalProperties";
        }
      }
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (int i = 0; i < allOf.size(); i++) {
        merge(allOf.get(i), pointer + "/allOf/" + i, merged, seen);
      }
    }
  }

  private void checkConstraints(
      JsonNode value, BodyPath path, JsonNode schema, String pointer, List<Issue> out) {
    boolean container = value.isArray() || value.isObject();
    if (container && direction == Direction.RESPONSE) {
      return; // an example's size says nothing about the sizes a type rule accepts
    }
    ObjectNode leaf = Json.nodes().objectNode();
    for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
      String name = keyword.getKey();
      if ((!container && LEAF_KEYWORDS.contains(name))
          || (container && CONTAINER_KEYWORDS.contains(name))) {
        leaf.set(name, keyword.getValue());
      }
    }
    String format = schema.path("format").asString("");
    if (!container && ASSERTED_FORMATS.contains(format) && value.isString()) {
      leaf.put("format", format);
    }
    if (!container && value.isNumber()) {
      Optional<String> range = formatRange(value, format);
      if (range.isPresent()) {
        out.add(new Issue(path, pointer + "/format", range.get()));
      }
    }
    // OpenAPI 3.0 spells exclusive bounds as booleans beside minimum/maximum; JSON Schema 2020-12
    // as numbers
    for (String bound : List.of("Minimum", "Maximum")) {
      JsonNode exclusive = leaf.get("exclusive" + bound);
      if (exclusive != null && exclusive.isBoolean()) {
        leaf.remove("exclusive" + bound);
        JsonNode limit = leaf.get(bound.toLowerCase(java.util.Locale.ROOT));
        if (exclusive.asBoolean() && limit != null) {
          leaf.set("exclusive" + bound, limit);
          leaf.remove(bound.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    if (leaf.isEmpty()) {
      return;
    }
    if (allowsNull(schema, declaredTypes(schema)) && value.isNull()) {
      return;
    }
    if (LEAF_SCHEMAS.size() > MAX_CACHED_SCHEMAS) {
      LEAF_SCHEMAS
          .clear(); // a long-running broker compares many documents; the cache only saves compiling
    }
    Schema compiled =
        LEAF_SCHEMAS.computeIfAbsent(Json.write(leaf), text -> REGISTRY.getSchema(leaf));
    for (Error error :
        compiled.validate(
            value, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
      String keyword = error.getKeyword();
      String message = error.getMessage();
      String text = message.startsWith("$: ") ? message.substring(3) : message;
      out.add(
          new Issue(
              path,
              pointer + "/" + keyword,
              describe(value) + " fails the schema's " + keyword + ": " + text));
    }
  }

  private static Optional<String> formatRange(JsonNode value, String format) {
    if (format.equals("int32") || format.equals("int64")) {
      if (!value.isIntegralNumber()) {
        return Optional.of(describe(value) + " is not an " + format + " (format " + format + ")");
      }
      boolean fits = format.equals("int32") ? value.canConvertToInt() : value.canConvertToLong();
      if (!fits) {
        return Optional.of(
            describe(value) + " is out of the " + format + " range (format " + format + ")");
      }
    }
    return Optional.empty();
  }

  private MatchingRule ruleAt(BodyPath path) {
    if (rules == null) {
      return null;
    }
    return rules
        .ruleAt(path)
        .flatMap(applied -> applied.rules().rules().stream().findFirst())
        .orElse(null);
  }

  private static boolean isShapeRule(MatchingRule rule) {
    return rule instanceof MatchingRule.Type
        || rule instanceof MatchingRule.Regex
        || rule instanceof MatchingRule.IntegerType
        || rule instanceof MatchingRule.DecimalType
        || rule instanceof MatchingRule.NumberType
        || rule instanceof MatchingRule.BooleanType
        || rule instanceof MatchingRule.Date
        || rule instanceof MatchingRule.Time
        || rule instanceof MatchingRule.Timestamp
        || rule instanceof MatchingRule.Include
        || rule instanceof MatchingRule.Values
        || rule instanceof MatchingRule.EachKey
        || rule instanceof MatchingRule.EachValue
        || rule instanceof MatchingRule.NotEmpty
        || rule instanceof MatchingRule.Semver
        || rule instanceof MatchingRule.ArrayContains;
  }

  /** The schema's types without "null", in document order; empty when it declares none. */
  static Set<String> declaredTypes(JsonNode schema) {
    Set<String> types = new java.util.LinkedHashSet<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isString()) {
      types.add(type.asString());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asString()));
    }
    types.remove("null");
    if (types.isEmpty() && type != null && (type.isArray() || "null".equals(type.asString()))) {
      types.add("null");
    }
    return types;
  }

  private static boolean allowsNull(JsonNode schema, Set<String> types) {
    if (schema.path("nullable").asBoolean(false) || types.contains("null")) {
      return true;
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if ("null".equals(t.asString())) {
          return true;
        }
      }
    }
    JsonNode enumeration = schema.get("enum");
    if (enumeration != null && enumeration.isArray()) {
      for (JsonNode e : enumeration) {
        if (e.isNull()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasComposition(JsonNode schema) {
    return schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf");
  }

  /** Whether a non-null value is of one of the types; an integral number is also a number. */
  static boolean fits(JsonNode value, Set<String> types) {
    for (String type : types) {
      boolean ok =
          switch (type) {
            case "string" -> value.isString();
            case "integer" ->
                value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** A value as a message names it: its JSON type and, for scalars, the value. */
  public static String describe(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    String kind =
        value.isString()
            ? "string"
            : value.isIntegralNumber()
                ? "integer"
                : value.isNumber()
                    ? "number"
                    : value.isBoolean()
                        ? "boolean"
                        : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    String text = Json.write(value);
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return kind + " " + text;
  }

  /** JSON pointer escaping of one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
