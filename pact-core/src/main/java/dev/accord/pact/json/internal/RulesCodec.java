package dev.accord.pact.json.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.PactRegex;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code matchingRules}: the V2 flat form ({@code "$.body.id": {"match": "type"}})
 * and the V3/V4 categorised form ({@code "body": {"$.id": {"matchers": [...], "combine": "AND"}}}),
 * and every matcher including the legacy forms of pact-jvm ({@code {"regex": ...}}, {@code {"min":
 * 1}}, {@code min-type}, ...).
 */
public final class RulesCodec {
  static final String RULES_FORM =
      "{\"body\": {\"$.id\": {\"matchers\": [{\"match\": \"type\"}], \"combine\": \"AND\"}}, "
          + "\"header\": {\"Content-Type\": {\"matchers\": [{\"match\": \"regex\", \"regex\": \"application/json.*\"}]}}}";
  static final String RULE_LIST_FORM =
      "{\"matchers\": [{\"match\": \"type\"}], \"combine\": \"AND\"}";
  static final String MATCHER_FORM =
      "{\"match\": \"type\"} or {\"match\": \"regex\", \"regex\": \"\\\\d+\"} (match: "
          + "equality, regex, type, include, integer, decimal, number, boolean, date, time, datetime, null, contentType, "
          + "values, arrayContains, statusCode, notEmpty, semver, eachKey, eachValue)";
  private static final Set<String> STATUS_CLASSES =
      Set.of("info", "success", "redirect", "clientError", "serverError", "nonError", "error");

  private RulesCodec() {}

  // ---------------------------------------------------------------- reading

  public static MatchingRules read(
      JsonNode node, PactSpecification version, String path, ReadContext ctx) {
    ObjectNode object = ctx.object(node, path, RULES_FORM);
    boolean flat = object.propertyNames().stream().anyMatch(k -> k.startsWith("$"));
    return flat ? readFlat(object, path, ctx) : readCategorised(object, path, ctx);
  }

  private static MatchingRules readFlat(ObjectNode object, String path, ReadContext ctx) {
    MatchingRules.Builder builder = MatchingRules.builder();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      String key = entry.getKey();
      String entryPath = JsonPaths.field(path, key);
      if (!key.startsWith("$")) {
        ctx.warn(
            entryPath,
            "'"
                + key
                + "' is neither a V2 rule path ($.body..., $.header.X, $.query.q, $.path) "
                + "nor usable next to them; it is ignored");
        continue;
      }
      RuleList rules = readRuleList(entry.getValue(), entryPath, ctx);
      if (key.equals("$.body")) {
        builder.add(Category.BODY, "$", rules);
      } else if (key.startsWith("$.body.") || key.startsWith("$.body[")) {
        builder.add(Category.BODY, "$" + key.substring("$.body".length()), rules);
      } else if (key.startsWith("$.headers") || key.startsWith("$.header")) {
        String rest =
            key.substring(key.startsWith("$.headers") ? "$.headers".length() : "$.header".length());
        builder.add(Category.HEADER, name(rest, entryPath, ctx), rules);
      } else if (key.startsWith("$.query")) {
        builder.add(Category.QUERY, name(key.substring("$.query".length()), entryPath, ctx), rules);
      } else if (key.equals("$.path")) {
        builder.add(Category.PATH, "", rules);
      } else if (key.equals("$.status")) {
        builder.add(Category.STATUS, "", rules);
      } else if (key.equals("$.method")) {
        builder.add(Category.METHOD, "", rules);
      } else if (key.startsWith("$.metadata") || key.startsWith("$.metaData")) {
        builder.add(
            Category.METADATA, name(key.substring("$.metadata".length()), entryPath, ctx), rules);
      } else {
        ctx.warn(
            entryPath,
            "unknown V2 rule path '"
                + key
                + "' is ignored (valid: $.body..., $.header.NAME, $.headers.NAME, $.query.NAME, $.path)");
      }
    }
    return builder.build();
  }

  /** {@code .X-Name} or {@code ['X-Name']} to {@code X-Name}. */
  private static String name(String rest, String path, ReadContext ctx) {
    if (rest.startsWith(".") && rest.length() > 1) {
      return rest.substring(1);
    }
    if (rest.startsWith("['") && rest.endsWith("']") && rest.length() > 4) {
      return rest.substring(2, rest.length() - 2);
    }
    if (rest.startsWith("[\"") && rest.endsWith("\"]") && rest.length() > 4) {
      return rest.substring(2, rest.length() - 2);
    }
    throw ctx.error(
        path,
        "the V2 rule path does not name a header or query parameter",
        "\"$.header.Content-Type\", \"$.headers['X-Name']\" or \"$.query.page\"");
  }

  private static MatchingRules readCategorised(ObjectNode object, String path, ReadContext ctx) {
    Map<Category, Map<String, RuleList>> categories = new EnumMap<>(Category.class);
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      String categoryPath = JsonPaths.field(path, entry.getKey());
      Category category = Category.fromJsonName(entry.getKey()).orElse(null);
      if (category == null) {
        ctx.warn(
            categoryPath,
            "unknown matching rule category '"
                + entry.getKey()
                + "' is ignored (categories: body, content, header, path, query, status, method, metadata)");
        continue;
      }
      if (entry.getValue().isNull()) {
        continue;
      }
      ObjectNode value = ctx.object(entry.getValue(), categoryPath, RULES_FORM);
      Map<String, RuleList> rules =
          categories.computeIfAbsent(category, c -> new LinkedHashMap<>());
      if (!category.keyed() && isRuleListShape(value)) {
        rules.put("", readRuleList(value, categoryPath, ctx));
      } else if (!category.keyed()) {
        // older writers keyed single-value categories too: {"path": {"": {"matchers": [...]}}}
        if (value.size() != 1) {
          throw ctx.error(
              categoryPath,
              "the '"
                  + entry.getKey()
                  + "' category holds one rule list, found "
                  + value.size()
                  + " entries",
              RULE_LIST_FORM);
        }
        Map.Entry<String, JsonNode> only = value.properties().iterator().next();
        rules.put(
            "", readRuleList(only.getValue(), JsonPaths.field(categoryPath, only.getKey()), ctx));
      } else {
        for (Map.Entry<String, JsonNode> r : value.properties()) {
          rules.put(
              r.getKey(),
              readRuleList(r.getValue(), JsonPaths.field(categoryPath, r.getKey()), ctx));
        }
      }
    }
    // "body" and "content" both land in BODY; a file with both keeps the union
    return new MatchingRules(categories);
  }

  private static boolean isRuleListShape(ObjectNode value) {
    return value.has("matchers")
        || value.has("match")
        || value.has("regex")
        || value.has("min")
        || value.has("max")
        || value.isEmpty();
  }

  /**
   * {@code {"matchers": [...], "combine": "AND"}}, or leniently one matcher or an array of
   * matchers.
   */
  public static RuleList readRuleList(JsonNode node, String path, ReadContext ctx) {
    if (node != null && node.isArray()) {
      return new RuleList(readMatchers((ArrayNode) node, path, ctx), RuleLogic.AND);
    }
    ObjectNode object = ctx.object(node, path, RULE_LIST_FORM);
    if (!object.has("matchers")) {
      return new RuleList(List.of(readMatcher(object, path, ctx)), RuleLogic.AND);
    }
    String matchersPath = JsonPaths.field(path, "matchers");
    List<MatchingRule> matchers =
        readMatchers(
            ctx.array(object.get("matchers"), matchersPath, RULE_LIST_FORM), matchersPath, ctx);
    RuleLogic combine = RuleLogic.AND;
    String combineText =
        ctx.optString(object, "combine", path, "\"combine\": \"AND\" or \"combine\": \"OR\"")
            .orElse(null);
    if (combineText != null) {
      try {
        combine = RuleLogic.valueOf(combineText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ctx.error(
            JsonPaths.field(path, "combine"),
            "unknown combine '" + combineText + "'",
            "\"combine\": \"AND\" or \"combine\": \"OR\"");
      }
    }
    ctx.warnUnknown(object, path, Set.of("matchers", "combine"));
    return new RuleList(matchers, combine);
  }

  private static List<MatchingRule> readMatchers(ArrayNode array, String path, ReadContext ctx) {
    List<MatchingRule> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      result.add(readMatcher(array.get(i), JsonPaths.index(path, i), ctx));
    }
    return result;
  }

  public static MatchingRule readMatcher(JsonNode node, String path, ReadContext ctx) {
    ObjectNode o = ctx.object(node, path, MATCHER_FORM);
    String match = ctx.optString(o, "match", path, MATCHER_FORM).orElse(null);
    if (match == null) {
      return readLegacyMatcher(o, path, ctx);
    }
    switch (match) {
      case "equality":
        return new MatchingRule.Equality();
      case "regex":
        {
          String form = "{\"match\": \"regex\", \"regex\": \"\\\\d+\"}";
          String regex = ctx.requireString(o, "regex", path, form);
          checkRegex(regex, JsonPaths.field(path, "regex"), ctx);
          return new MatchingRule.Regex(regex);
        }
      case "type":
      case "min-type":
      case "max-type":
      case "minType":
      case "maxType":
        return typeMatcher(
            o, path, ctx, "{\"match\": \"type\", \"min\": 1, \"max\": 10} (min and max optional)");
      case "include":
        {
          String form = "{\"match\": \"include\", \"value\": \"substring\"}";
          return new MatchingRule.Include(ctx.requireString(o, "value", path, form));
        }
      case "integer":
        return new MatchingRule.IntegerType();
      case "decimal":
      case "real":
        return new MatchingRule.DecimalType();
      case "number":
        return new MatchingRule.NumberType();
      case "boolean":
        return new MatchingRule.BooleanType();
      case "date":
        return new MatchingRule.Date(format(o, "date", path, ctx));
      case "time":
        return new MatchingRule.Time(format(o, "time", path, ctx));
      case "datetime":
      case "timestamp":
        return new MatchingRule.Timestamp(format(o, match, path, ctx));
      case "null":
        return new MatchingRule.Null();
      case "contentType":
      case "content-type":
        {
          String form = "{\"match\": \"contentType\", \"value\": \"image/png\"}";
          return new MatchingRule.ContentTypeRule(ctx.requireString(o, "value", path, form));
        }
      case "values":
        return new MatchingRule.Values();
      case "arrayContains":
      case "array-contains":
        return arrayContains(o, path, ctx);
      case "statusCode":
      case "status-code":
        return statusCode(o, path, ctx);
      case "notEmpty":
      case "not-empty":
        return new MatchingRule.NotEmpty();
      case "semver":
        return new MatchingRule.Semver();
      case "eachKey":
      case "each-key":
        {
          String form =
              "{\"match\": \"eachKey\", \"rules\": [{\"match\": \"regex\", \"regex\": \"[a-z]+\"}], \"value\": \"key\"}";
          return new MatchingRule.EachKey(nestedRules(o, path, ctx, form), o.get("value"));
        }
      case "eachValue":
      case "each-value":
        {
          String form =
              "{\"match\": \"eachValue\", \"rules\": [{\"match\": \"type\"}], \"value\": {\"id\": 1}}";
          return new MatchingRule.EachValue(nestedRules(o, path, ctx, form), o.get("value"));
        }
      default:
        {
          Map<String, JsonNode> attributes = new LinkedHashMap<>();
          o.properties()
              .forEach(
                  e -> {
                    if (!e.getKey().equals("match")) {
                      attributes.put(e.getKey(), e.getValue());
                    }
                  });
          return new MatchingRule.Other(match, attributes);
        }
    }
  }

  /**
   * pact-jvm's forms without {@code match}: {@code {"regex": ...}}, {@code {"min": 1}}, {@code
   * {"date": fmt}}.
   */
  private static MatchingRule readLegacyMatcher(ObjectNode o, String path, ReadContext ctx) {
    if (o.has("regex")) {
      String form = "{\"regex\": \"\\\\d+\"} or {\"match\": \"regex\", \"regex\": \"\\\\d+\"}";
      String regex = ctx.requireString(o, "regex", path, form);
      checkRegex(regex, JsonPaths.field(path, "regex"), ctx);
      return new MatchingRule.Regex(regex);
    }
    if (o.has("min") || o.has("max")) {
      return typeMatcher(
          o, path, ctx, "{\"min\": 1} or {\"match\": \"type\", \"min\": 1, \"max\": 10}");
    }
    if (o.has("timestamp")) {
      return new MatchingRule.Timestamp(format(o, "timestamp", path, ctx));
    }
    if (o.has("date")) {
      return new MatchingRule.Date(format(o, "date", path, ctx));
    }
    if (o.has("time")) {
      return new MatchingRule.Time(format(o, "time", path, ctx));
    }
    ctx.warn(
        path,
        "matcher without 'match' (" + o + ") is read as equality; valid form: " + MATCHER_FORM);
    return new MatchingRule.Equality();
  }

  private static MatchingRule typeMatcher(ObjectNode o, String path, ReadContext ctx, String form) {
    Integer min = bound(o, "min", path, ctx, form);
    Integer max = bound(o, "max", path, ctx, form);
    if (min != null && max != null && min > max) {
      throw ctx.error(
          JsonPaths.field(path, "min"),
          "min (" + min + ") is greater than max (" + max + ")",
          form);
    }
    return new MatchingRule.Type(min, max);
  }

  private static Integer bound(
      ObjectNode o, String name, String path, ReadContext ctx, String form) {
    JsonNode value = o.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    String valuePath = JsonPaths.field(path, name);
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      throw ctx.error(
          valuePath,
          "'" + name + "' must be a non-negative integer but is " + ReadContext.describe(value),
          form);
    }
    return value.intValue();
  }

  /**
   * The {@code format} attribute, or the legacy attribute named after the matcher ({@code "date":
   * "yyyy"}).
   */
  private static String format(ObjectNode o, String legacyName, String path, ReadContext ctx) {
    String form = "{\"match\": \"" + legacyName + "\", \"format\": \"yyyy-MM-dd\"}";
    String format = ctx.optString(o, "format", path, form).orElse(null);
    if (format == null && o.has(legacyName) && !legacyName.equals("match")) {
      format = ctx.optString(o, legacyName, path, form).orElse(null);
    }
    return format;
  }

  private static List<MatchingRule> nestedRules(
      ObjectNode o, String path, ReadContext ctx, String form) {
    String rulesPath = JsonPaths.field(path, "rules");
    JsonNode rules = o.get("rules");
    if (rules == null || rules.isNull()) {
      throw ctx.error(rulesPath, "the required attribute 'rules' is missing", form);
    }
    return readMatchers(ctx.array(rules, rulesPath, form), rulesPath, ctx);
  }

  private static MatchingRule arrayContains(ObjectNode o, String path, ReadContext ctx) {
    String form =
        "{\"match\": \"arrayContains\", \"variants\": [{\"index\": 0, \"rules\": {\"$.id\": "
            + RULE_LIST_FORM
            + "}, \"generators\": {}}]}";
    String variantsPath = JsonPaths.field(path, "variants");
    JsonNode variantsNode = o.get("variants");
    if (variantsNode == null || variantsNode.isNull()) {
      throw ctx.error(variantsPath, "the required attribute 'variants' is missing", form);
    }
    ArrayNode variants = ctx.array(variantsNode, variantsPath, form);
    List<MatchingRule.ArrayContains.Variant> result = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      String variantPath = JsonPaths.index(variantsPath, i);
      ObjectNode v = ctx.object(variants.get(i), variantPath, form);
      int index = ctx.optInt(v, "index", variantPath, form).orElse(i);
      Map<String, RuleList> rules = new LinkedHashMap<>();
      JsonNode rulesNode = v.get("rules");
      if (rulesNode != null && !rulesNode.isNull()) {
        String rulesPath = JsonPaths.field(variantPath, "rules");
        for (Map.Entry<String, JsonNode> r : ctx.object(rulesNode, rulesPath, form).properties()) {
          rules.put(
              r.getKey(), readRuleList(r.getValue(), JsonPaths.field(rulesPath, r.getKey()), ctx));
        }
      }
      Map<String, Generator> generators = Map.of();
      JsonNode gens = v.get("generators");
      if (gens != null && !gens.isNull()) {
        generators = GeneratorsCodec.readMap(gens, JsonPaths.field(variantPath, "generators"), ctx);
      }
      result.add(new MatchingRule.ArrayContains.Variant(index, rules, generators));
    }
    return new MatchingRule.ArrayContains(result);
  }

  private static MatchingRule statusCode(ObjectNode o, String path, ReadContext ctx) {
    String form =
        "{\"match\": \"statusCode\", \"status\": \"success\"} or {\"match\": \"statusCode\", \"status\": "
            + "[200, 201]} (classes: info, success, redirect, clientError, serverError, nonError, error)";
    String statusPath = JsonPaths.field(path, "status");
    JsonNode status = o.get("status");
    if (status == null || status.isNull()) {
      throw ctx.error(statusPath, "the required attribute 'status' is missing", form);
    }
    if (status.isString()) {
      if (!STATUS_CLASSES.contains(status.stringValue())) {
        throw ctx.error(statusPath, "unknown status class '" + status.stringValue() + "'", form);
      }
      return new MatchingRule.StatusCode(status.stringValue(), null);
    }
    ArrayNode codes = ctx.array(status, statusPath, form);
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      result.add(ctx.integer(codes.get(i), JsonPaths.index(statusPath, i), form));
    }
    return new MatchingRule.StatusCode(null, result);
  }

  /**
   * A regex no Pact dialect reads is a warning, not an error: only the interactions that use it
   * fail (when matched or generated), the rest of the pact is still verified.
   */
  static void checkRegex(String regex, String path, ReadContext ctx) {
    try {
      PactRegex.compile(regex);
    } catch (PatternSyntaxException e) {
      ctx.warn(
          path,
          "the regular expression \""
              + regex
              + "\" cannot be read ("
              + e.getDescription()
              + "); the interactions that use it fail, the rest of the pact is verified");
    }
  }

  // ---------------------------------------------------------------- writing

  /** V3/V4 categorised form, or the V2 flat form for V1-V2. */
  public static ObjectNode write(MatchingRules rules, PactSpecification version) {
    if (!version.atLeast(PactSpecification.V3)) {
      return writeFlat(rules, version);
    }
    ObjectNode result = Json.nodes().objectNode();
    for (Category category : Category.values()) {
      Map<String, RuleList> entries = rules.category(category);
      if (entries.isEmpty()) {
        continue;
      }
      if (!category.keyed()) {
        result.set(category.jsonName(), writeRuleList(entries.values().iterator().next(), version));
      } else {
        ObjectNode map = Json.nodes().objectNode();
        entries.forEach((k, r) -> map.set(k, writeRuleList(r, version)));
        result.set(category.jsonName(), map);
      }
    }
    return result;
  }

  private static ObjectNode writeFlat(MatchingRules rules, PactSpecification version) {
    ObjectNode result = Json.nodes().objectNode();
    for (Category category : Category.values()) {
      for (Map.Entry<String, RuleList> e : rules.category(category).entrySet()) {
        String key =
            switch (category) {
              case BODY -> "$.body" + e.getKey().substring(e.getKey().startsWith("$") ? 1 : 0);
              case HEADER -> JsonPaths.field("$.headers", e.getKey());
              case QUERY -> JsonPaths.field("$.query", e.getKey());
              case METADATA -> JsonPaths.field("$.metadata", e.getKey());
              default -> "$." + category.jsonName();
            };
        if (e.getValue().rules().size() != 1) {
          throw new IllegalArgumentException(
              "A V2 pact holds exactly one matcher per rule path, but "
                  + key
                  + " has "
                  + e.getValue().rules().size()
                  + " ("
                  + e.getValue().rules()
                  + "); write the pact as V3 or V4 instead");
        }
        result.set(key, writeMatcher(e.getValue().rules().get(0), version));
      }
    }
    return result;
  }

  public static ObjectNode writeRuleList(RuleList list, PactSpecification version) {
    ObjectNode o = Json.nodes().objectNode();
    ArrayNode matchers = o.putArray("matchers");
    list.rules().forEach(r -> matchers.add(writeMatcher(r, version)));
    o.put("combine", list.combine().name());
    return o;
  }

  public static ObjectNode writeMatcher(MatchingRule rule, PactSpecification version) {
    ObjectNode o = Json.nodes().objectNode();
    if (rule instanceof MatchingRule.Timestamp t) {
      o.put("match", version.atLeast(PactSpecification.V4) ? "datetime" : "timestamp");
      putIfNotNull(o, "format", t.format());
      return o;
    }
    o.put("match", rule.name());
    if (rule instanceof MatchingRule.Regex r) {
      o.put("regex", r.regex());
    } else if (rule instanceof MatchingRule.Type t) {
      if (t.min() != null) {
        o.put("min", t.min());
      }
      if (t.max() != null) {
        o.put("max", t.max());
      }
    } else if (rule instanceof MatchingRule.Include i) {
      o.put("value", i.value());
    } else if (rule instanceof MatchingRule.Date d) {
      putIfNotNull(o, "format", d.format());
    } else if (rule instanceof MatchingRule.Time t) {
      putIfNotNull(o, "format", t.format());
    } else if (rule instanceof MatchingRule.ContentTypeRule c) {
      o.put("value", c.contentType());
    } else if (rule instanceof MatchingRule.ArrayContains a) {
      ArrayNode variants = o.putArray("variants");
      for (MatchingRule.ArrayContains.Variant v : a.variants()) {
        ObjectNode vo = variants.addObject();
        vo.put("index", v.index());
        ObjectNode rules = vo.putObject("rules");
        v.rules().forEach((k, r) -> rules.set(k, writeRuleList(r, version)));
        vo.set("generators", GeneratorsCodec.writeMap(v.generators()));
      }
    } else if (rule instanceof MatchingRule.StatusCode s) {
      if (s.statusClass() != null) {
        o.put("status", s.statusClass());
      } else {
        ArrayNode codes = o.putArray("status");
        s.codes().forEach(codes::add);
      }
    } else if (rule instanceof MatchingRule.EachKey k) {
      ArrayNode rules = o.putArray("rules");
      k.rules().forEach(r -> rules.add(writeMatcher(r, version)));
      if (k.example() != null) {
        o.set("value", k.example());
      }
    } else if (rule instanceof MatchingRule.EachValue v) {
      ArrayNode rules = o.putArray("rules");
      v.rules().forEach(r -> rules.add(writeMatcher(r, version)));
      if (v.example() != null) {
        o.set("value", v.example());
      }
    } else if (rule instanceof MatchingRule.Other other) {
      other.attributes().forEach(o::set);
    }
    return o;
  }

  private static void putIfNotNull(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
