package dev.accord.contract.comparison.internal;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads parameter text (a path segment, a query value, a header) as the JSON value its schema types
 * it as.
 */
final class ParameterValues {

  private ParameterValues() {}

  static JsonNode coerce(OpenApiDocument document, String raw, JsonNode schema, String pointer) {
    JsonNode resolved =
        document.resolve(schema, pointer).map(OpenApiDocument.Located::node).orElse(schema);
    Set<String> types = SchemaCheck.declaredTypes(resolved);
    if (types.contains("integer") && raw.matches("-?\\d+")) {
      return Json.nodes().numberNode(new BigInteger(raw));
    }
    if (types.contains("number") && raw.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      return Json.nodes().numberNode(new BigDecimal(raw));
    }
    if (types.contains("boolean") && (raw.equals("true") || raw.equals("false"))) {
      return Json.nodes().booleanNode(Boolean.parseBoolean(raw));
    }
    if (types.contains("array")) {
      JsonNode items = resolved.path("items");
      ArrayNode array = Json.nodes().arrayNode();
      for (String part : raw.split(",", -1)) {
        array.add(
            items.isObject()
                ? coerce(document, part, items, pointer + "/items")
                : Json.nodes().stringNode(part));
      }
      return array;
    }
    return Json.nodes().stringNode(raw);
  }

  /**
   * All values of a repeated parameter as one JSON value: an array when the schema is one, else the
   * first.
   */
  static JsonNode coerce(
      OpenApiDocument document, List<String> values, JsonNode schema, String pointer) {
    JsonNode resolved =
        document.resolve(schema, pointer).map(OpenApiDocument.Located::node).orElse(schema);
    if (SchemaCheck.declaredTypes(resolved).contains("array") && values.size() > 1) {
      ArrayNode array = Json.nodes().arrayNode();
      JsonNode items = resolved.path("items");
      for (String v : values) {
        array.add(
            items.isObject()
                ? coerce(document, v, items, pointer + "/items")
                : Json.nodes().stringNode(v));
      }
      return array;
    }
    return coerce(document, values.isEmpty() ? "" : values.get(0), schema, pointer);
  }
}
