package dev.accord.pact.json.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes {@code generators} objects (V3 and V4 share one shape). */
public final class GeneratorsCodec {
  static final String GENERATORS_FORM =
      "{\"body\": {\"$.id\": {\"type\": \"RandomInt\", \"min\": 1, \"max\": 10}}, "
          + "\"path\": {\"type\": \"ProviderState\", \"expression\": \"/users/${id}\"}}";
  static final String GENERATOR_FORM =
      "{\"type\": \"RandomInt\", \"min\": 1, \"max\": 10} (types: RandomInt, "
          + "RandomDecimal, RandomHexadecimal, RandomString, Regex, Uuid, Date, Time, DateTime, RandomBoolean, "
          + "ProviderState, MockServerURL)";

  private GeneratorsCodec() {}

  public static Generators read(JsonNode node, String path, ReadContext ctx) {
    ObjectNode object = ctx.object(node, path, GENERATORS_FORM);
    Map<Category, Map<String, Generator>> categories = new EnumMap<>(Category.class);
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      String categoryPath = JsonPaths.field(path, entry.getKey());
      Category category = Category.fromJsonName(entry.getKey()).orElse(null);
      if (category == null) {
        ctx.warn(
            categoryPath,
            "unknown generator category '"
                + entry.getKey()
                + "' is ignored (categories: body, header, path, query, status, method, metadata)");
        continue;
      }
      if (entry.getValue().isNull()) {
        continue;
      }
      ObjectNode value = ctx.object(entry.getValue(), categoryPath, GENERATORS_FORM);
      Map<String, Generator> generators =
          categories.computeIfAbsent(category, c -> new LinkedHashMap<>());
      if (!category.keyed()) {
        generators.put("", readGenerator(value, categoryPath, ctx));
      } else {
        for (Map.Entry<String, JsonNode> g : value.properties()) {
          generators.put(
              g.getKey(),
              readGenerator(g.getValue(), JsonPaths.field(categoryPath, g.getKey()), ctx));
        }
      }
    }
    return new Generators(categories);
  }

  /** A map of path to generator, as in an {@code arrayContains} variant. */
  static Map<String, Generator> readMap(JsonNode node, String path, ReadContext ctx) {
    ObjectNode object = ctx.object(node, path, "{\"$.id\": " + GENERATOR_FORM + "}");
    Map<String, Generator> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> g : object.properties()) {
      result.put(g.getKey(), readGenerator(g.getValue(), JsonPaths.field(path, g.getKey()), ctx));
    }
    return result;
  }

  public static Generator readGenerator(JsonNode node, String path, ReadContext ctx) {
    ObjectNode object = ctx.object(node, path, GENERATOR_FORM);
    String type = ctx.requireString(object, "type", path, GENERATOR_FORM);
    switch (type) {
      case "RandomInt":
        {
          String form = "{\"type\": \"RandomInt\", \"min\": 0, \"max\": 100}";
          int min = ctx.optInt(object, "min", path, form).orElse(0);
          int max = ctx.optInt(object, "max", path, form).orElse(Integer.MAX_VALUE);
          if (min > max) {
            throw ctx.error(
                JsonPaths.field(path, "min"),
                "min (" + min + ") is greater than max (" + max + ")",
                form);
          }
          return new Generator.RandomInt(min, max);
        }
      case "RandomDecimal":
        return new Generator.RandomDecimal(
            digits(object, "digits", path, ctx, "{\"type\": \"RandomDecimal\", \"digits\": 6}"));
      case "RandomHexadecimal":
        return new Generator.RandomHexadecimal(
            digits(
                object, "digits", path, ctx, "{\"type\": \"RandomHexadecimal\", \"digits\": 8}"));
      case "RandomString":
        return new Generator.RandomString(
            digits(object, "size", path, ctx, "{\"type\": \"RandomString\", \"size\": 20}"));
      case "Regex":
        {
          String form = "{\"type\": \"Regex\", \"regex\": \"\\\\d{3}\"}";
          String regex = ctx.requireString(object, "regex", path, form);
          RulesCodec.checkRegex(regex, JsonPaths.field(path, "regex"), ctx);
          return new Generator.Regex(regex);
        }
      case "Uuid":
        {
          String form =
              "{\"type\": \"Uuid\", \"format\": \"lower-case-hyphenated\"} (formats: simple, "
                  + "lower-case-hyphenated, upper-case-hyphenated, URN)";
          return new Generator.Uuid(ctx.optString(object, "format", path, form).orElse(null));
        }
      case "Date":
      case "Time":
      case "DateTime":
        {
          String form =
              "{\"type\": \""
                  + type
                  + "\", \"format\": \"yyyy-MM-dd\", \"expression\": \"today + 1 day\"}";
          String format = ctx.optString(object, "format", path, form).orElse(null);
          String expression = ctx.optString(object, "expression", path, form).orElse(null);
          return switch (type) {
            case "Date" -> new Generator.Date(format, expression);
            case "Time" -> new Generator.Time(format, expression);
            default -> new Generator.DateTime(format, expression);
          };
        }
      case "RandomBoolean":
        return new Generator.RandomBoolean();
      case "ProviderState":
        {
          String form =
              "{\"type\": \"ProviderState\", \"expression\": \"${id}\", \"dataType\": \"INTEGER\"} "
                  + "(dataType: STRING, INTEGER, DECIMAL, FLOAT, BOOLEAN, RAW)";
          String expression = ctx.requireString(object, "expression", path, form);
          Generator.DataType dataType = null;
          String dt = ctx.optString(object, "dataType", path, form).orElse(null);
          if (dt != null) {
            try {
              dataType = Generator.DataType.valueOf(dt.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw ctx.error(
                  JsonPaths.field(path, "dataType"), "unknown data type '" + dt + "'", form);
            }
          }
          return new Generator.ProviderState(expression, dataType);
        }
      case "MockServerURL":
        {
          String form =
              "{\"type\": \"MockServerURL\", \"example\": \"http://localhost:8080/orders/1\", "
                  + "\"regex\": \".*(/orders/\\\\d+)$\"}";
          String example = ctx.optString(object, "example", path, form).orElse(null);
          String regex = ctx.optString(object, "regex", path, form).orElse(null);
          if (regex != null) {
            RulesCodec.checkRegex(regex, JsonPaths.field(path, "regex"), ctx);
          }
          return new Generator.MockServerUrl(example, regex);
        }
      default:
        {
          Map<String, JsonNode> attributes = new LinkedHashMap<>();
          object
              .properties()
              .forEach(
                  e -> {
                    if (!e.getKey().equals("type")) {
                      attributes.put(e.getKey(), e.getValue());
                    }
                  });
          return new Generator.Other(type, attributes);
        }
    }
  }

  private static int digits(
      ObjectNode object, String name, String path, ReadContext ctx, String form) {
    int value = ctx.optInt(object, name, path, form).orElse(10);
    if (value < 0) {
      throw ctx.error(
          JsonPaths.field(path, name), "'" + name + "' must not be negative but is " + value, form);
    }
    return value;
  }

  public static ObjectNode write(Generators generators) {
    ObjectNode result = Json.nodes().objectNode();
    for (Category category : Category.values()) {
      Map<String, Generator> entries = generators.category(category);
      if (entries.isEmpty()) {
        continue;
      }
      if (!category.keyed()) {
        result.set(category.jsonName(), writeGenerator(entries.values().iterator().next()));
      } else {
        result.set(category.jsonName(), writeMap(entries));
      }
    }
    return result;
  }

  static ObjectNode writeMap(Map<String, Generator> entries) {
    ObjectNode map = Json.nodes().objectNode();
    entries.forEach((k, g) -> map.set(k, writeGenerator(g)));
    return map;
  }

  public static ObjectNode writeGenerator(Generator generator) {
    ObjectNode o = Json.nodes().objectNode();
    o.put("type", generator.type());
    if (generator instanceof Generator.RandomInt g) {
      o.put("min", g.min());
      o.put("max", g.max());
    } else if (generator instanceof Generator.RandomDecimal g) {
      o.put("digits", g.digits());
    } else if (generator instanceof Generator.RandomHexadecimal g) {
      o.put("digits", g.digits());
    } else if (generator instanceof Generator.RandomString g) {
      o.put("size", g.size());
    } else if (generator instanceof Generator.Regex g) {
      o.put("regex", g.regex());
    } else if (generator instanceof Generator.Uuid g) {
      putIfNotNull(o, "format", g.format());
    } else if (generator instanceof Generator.Date g) {
      putIfNotNull(o, "format", g.format());
      putIfNotNull(o, "expression", g.expression());
    } else if (generator instanceof Generator.Time g) {
      putIfNotNull(o, "format", g.format());
      putIfNotNull(o, "expression", g.expression());
    } else if (generator instanceof Generator.DateTime g) {
      putIfNotNull(o, "format", g.format());
      putIfNotNull(o, "expression", g.expression());
    } else if (generator instanceof Generator.ProviderState g) {
      o.put("expression", g.expression());
      if (g.dataType() != null) {
        o.put("dataType", g.dataType().name());
      }
    } else if (generator instanceof Generator.MockServerUrl g) {
      putIfNotNull(o, "example", g.example());
      putIfNotNull(o, "regex", g.regex());
    } else if (generator instanceof Generator.Other g) {
      g.attributes().forEach(o::set);
    }
    return o;
  }

  private static void putIfNotNull(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }
}
