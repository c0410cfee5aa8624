package dev.accord.verifier.internal;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.path.PathExpression;
import dev.accord.verifier.Failure;
import java.util.ArrayList;
import java.util.HashMap;
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
      PathExpression path;
      try {
        path = PathExpression.parse(e.getKey());
      } catch (IllegalArgumentException invalid) {
        continue; // generating the request has already reported it
      }
      Map<String, JsonNode> examples = new HashMap<>();
      path.select(before).forEach(s -> examples.put(s.path().toString(), s.value()));
      for (PathExpression.Selected generatedValue : path.select(after)) {
        String at = generatedValue.path().toString();
        JsonNode example = examples.get(at);
        JsonNode value = generatedValue.value();
        if (example == null || example.isNull() || kind(example).equals(kind(value))) {
          continue;
        }
        failures.add(new Failure(Failure.REQUEST_FAILED, at, example + " (" + kind(example) + ")",
            value + " (" + kind(value) + ")",
            "The provider state value for " + at + " (expression '" + ps.expression() + "') is " + value
                + " (" + kind(value) + "), but the consumer's example there is " + example + " (" + kind(example)
                + "). Return a " + kind(example) + " from the state handler, or change the consumer's example."));
      }
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
}
