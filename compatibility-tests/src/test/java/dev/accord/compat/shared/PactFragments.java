package dev.accord.compat.shared;

import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.PactSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Matching rules and generators from a table cell ({@code JSON: ...} or a fixture name).
 *
 * <p>TEMPORARY until pact-core's public fragment readers ({@code MatchingRulesJson}, {@code GeneratorsJson})
 * land on main: generators are read here with a minimal reader, matching rules are not available yet.
 */
public final class PactFragments {
  private PactFragments() {}

  public static MatchingRules matchingRules(String cell, PactSpecification spec) {
    throw new UnsupportedOperationException("Reading matching rules needs pact-core's MatchingRulesJson (not merged"
        + " yet); cannot read " + Cells.source(cell));
  }

  public static Generators generators(String cell) {
    JsonNode json = Cells.json(cell);
    Map<Category, Map<String, Generator>> categories = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      Category category = Category.fromJsonName(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "Unknown generator category '" + e.getKey() + "' in " + Cells.source(cell)));
      Map<String, Generator> gens = new LinkedHashMap<>();
      if (category.keyed()) {
        e.getValue().properties().forEach(k -> gens.put(k.getKey(), generator(k.getValue())));
      } else {
        gens.put("", generator(e.getValue()));
      }
      categories.put(category, gens);
    }
    return new Generators(categories);
  }

  private static Generator generator(JsonNode node) {
    String type = node.path("type").asString();
    return switch (type) {
      case "RandomInt" -> new Generator.RandomInt(node.path("min").asInt(0), node.path("max").asInt(Integer.MAX_VALUE));
      case "RandomDecimal" -> new Generator.RandomDecimal(node.path("digits").asInt(10));
      case "RandomHexadecimal" -> new Generator.RandomHexadecimal(node.path("digits").asInt(10));
      case "RandomString" -> new Generator.RandomString(node.path("size").asInt(10));
      case "Regex" -> new Generator.Regex(node.path("regex").asString());
      case "Uuid" -> new Generator.Uuid(text(node, "format"));
      case "Date" -> new Generator.Date(text(node, "format"), text(node, "expression"));
      case "Time" -> new Generator.Time(text(node, "format"), text(node, "expression"));
      case "DateTime" -> new Generator.DateTime(text(node, "format"), text(node, "expression"));
      case "RandomBoolean" -> new Generator.RandomBoolean();
      case "ProviderState" -> new Generator.ProviderState(node.path("expression").asString(),
          node.has("dataType") ? Generator.DataType.valueOf(node.path("dataType").asString()) : null);
      case "MockServerURL" -> new Generator.MockServerUrl(text(node, "example"), text(node, "regex"));
      default -> throw new IllegalArgumentException("Unknown generator type '" + type + "'");
    };
  }

  private static String text(JsonNode node, String name) {
    return node.hasNonNull(name) ? node.get(name).asString() : null;
  }
}
