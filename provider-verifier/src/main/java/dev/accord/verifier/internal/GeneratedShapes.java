package dev.accord.verifier.internal;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.HttpRequest;
import dev.accord.verifier.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Checks values that {@code ProviderState} generators put into a JSON request body against the shape of the
 * consumer's example at the same path: a consumer that wrote {@code "id": "abc"} declared a string, so a state
 * handler returning {@code 12} is refused instead of silently sending a number.
 */
final class GeneratedShapes {
  private GeneratedShapes() {}

  static List<Failure> check(HttpRequest original, HttpRequest generated) {
    Map<String, Generator> generators = original.generators().category(Category.BODY);
    if (generators.isEmpty() || !isJson(original.body()) || !isJson(generated.body())) {
      return List.of();
    }
    List<Failure> failures = new ArrayList<>();
    JsonNode before = original.body().asJson();
    JsonNode after = generated.body().asJson();
    for (Map.Entry<String, Generator> e : generators.entrySet()) {
      if (!(e.getValue() instanceof Generator.ProviderState ps)) {
        continue;
      }
      JsonNode example = at(before, e.getKey());
      JsonNode value = at(after, e.getKey());
      if (example == null || value == null || example.isNull() || kind(example).equals(kind(value))) {
        continue;
      }
      failures.add(new Failure(Failure.REQUEST_FAILED, e.getKey(), example + " (" + kind(example) + ")",
          value + " (" + kind(value) + ")",
          "The provider state value for " + e.getKey() + " (expression '" + ps.expression() + "') is " + value
              + " (" + kind(value) + "), but the consumer's example there is " + example + " (" + kind(example)
              + "). Return a " + kind(example) + " from the state handler, or change the consumer's example."));
    }
    return failures;
  }

  private static boolean isJson(Body body) {
    return body.isPresent() && body.isJsonContent();
  }

  private static String kind(JsonNode node) {
    JsonNodeType t = node.getNodeType();
    return switch (t) {
      case STRING -> "String";
      case NUMBER -> "Number";
      case BOOLEAN -> "Boolean";
      case ARRAY -> "Array";
      case OBJECT, POJO -> "Object";
      case NULL -> "Null";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }

  /** The node at a simple path ({@code $.a.b}, {@code $['a b'][0]}); null for wildcards or missing nodes. */
  static JsonNode at(JsonNode root, String path) {
    if (!path.startsWith("$")) {
      path = "$." + path;
    }
    JsonNode node = root;
    int i = 1;
    while (i < path.length() && node != null) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(i + 1, end);
        if (name.equals("*")) {
          return null;
        }
        node = node.isObject() ? node.get(name) : null;
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        String inside = path.substring(i + 1, end).trim();
        if (inside.startsWith("'") && inside.endsWith("'") && inside.length() >= 2) {
          node = node.isObject() ? node.get(inside.substring(1, inside.length() - 1)) : null;
        } else if (inside.matches("\\d+")) {
          node = node.isArray() ? node.get(Integer.parseInt(inside)) : null;
        } else {
          return null;
        }
        i = end + 1;
      } else {
        return null;
      }
    }
    return node;
  }
}
