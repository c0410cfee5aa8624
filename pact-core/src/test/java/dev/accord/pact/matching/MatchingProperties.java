package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.path.BodyPath;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties of the JSON matcher over generated bodies: 300 seeded random bodies each, so a failure
 * names the seed that reproduces it.
 */
class MatchingProperties {

  private static final JsonNodeFactory NODES = Json.nodes();

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aBodyAlwaysMatchesItselfInARequestAndAResponse(long seed) {
    JsonNode body = json(seed);
    HttpRequest request = HttpRequest.of("POST", "/").withBody(Body.json(body));
    HttpResponse response = HttpResponse.of(200).withBody(Body.json(body));
    assertThat(Matching.matchRequest(request, request)).isEmpty();
    assertThat(Matching.matchResponse(response, response)).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aBodyMatchesItselfUnderRulesDerivedFromItsOwnTypes(long seed) {
    JsonNode body = json(seed);
    MatchingRules.Builder rules = MatchingRules.builder();
    deriveRules(body, "$", rules);
    HttpRequest request =
        HttpRequest.of("POST", "/").withBody(Body.json(body)).withMatchingRules(rules.build());
    assertThat(Matching.matchRequest(request, request.withMatchingRules(null))).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aTypeRuleAtTheRootCascadesToEveryLeaf(long seed) {
    JsonNode body = json(seed);
    JsonNode sibling = sameShapeOtherValues(body);
    HttpResponse expected =
        HttpResponse.of(200)
            .withBody(Body.json(body))
            .withMatchingRules(
                MatchingRules.builder().add(Category.BODY, "$", MatchingRule.Type.any()).build());
    assertThat(Matching.matchResponse(expected, HttpResponse.of(200).withBody(Body.json(sibling))))
        .isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void withoutRulesAChangedLeafIsReportedAtItsPath(long seed) {
    JsonNode body = json(seed);
    JsonNode changed = body.deepCopy();
    String path = changeFirstLeaf(changed, BodyPath.root());
    if (path == null) {
      return; // no leaf to change
    }
    List<Mismatch> mismatches =
        Matching.matchResponse(
            HttpResponse.of(200).withBody(Body.json(body)),
            HttpResponse.of(200).withBody(Body.json(changed)));
    assertThat(mismatches).extracting(Mismatch::path).containsExactly(path);
  }

  // ---- generated bodies

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  static JsonNode json(long seed) {
    return node(new Random(seed * 0x9E3779B97F4A7C15L), 3);
  }

  private static final String KEY_CHARS = "abcxyz019._- ";

  private static JsonNode node(Random random, int depth) {
    int kind =
        depth == 0
            ? random.nextInt(3)
            : random.nextInt(5); // 3 in 5 leaves, like the old frequencies
    if (kind < 3) {
      return leaf(random);
    }
    if (kind == 3) {
      ArrayNode a = NODES.arrayNode();
      int size = random.nextInt(5);
      for (int i = 0; i < size; i++) {
        a.add(node(random, depth - 1));
      }
      return a;
    }
    ObjectNode o = NODES.objectNode();
    int size = random.nextInt(5);
    for (int i = 0; i < size; i++) {
      o.set(randomString(random, KEY_CHARS, 1, 6), node(random, depth - 1));
    }
    return o;
  }

  private static JsonNode leaf(Random random) {
    return switch (random.nextInt(5)) {
      case 0 ->
          NODES.stringNode(
              randomString(random, "abcdefghijklmnopqrstuvwxyzABC 0123456789'\"\\é€", 0, 8));
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.numberNode(random.nextInt(20_001) - 10_000 + 0.25);
      case 3 -> NODES.booleanNode(random.nextBoolean());
      default -> NODES.nullNode();
    };
  }

  private static String randomString(Random random, String chars, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(chars.charAt(random.nextInt(chars.length())));
    }
    return sb.toString();
  }

  private static void deriveRules(JsonNode node, String path, MatchingRules.Builder rules) {
    if (node.isObject()) {
      rules.add(Category.BODY, path, MatchingRule.Type.any());
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        deriveRules(e.getValue(), path + "['" + e.getKey() + "']", rules);
      }
    } else if (node.isArray()) {
      rules.add(Category.BODY, path, new MatchingRule.Type(node.size(), node.size()));
      for (int i = 0; i < node.size(); i++) {
        deriveRules(node.get(i), path + "[" + i + "]", rules);
      }
    } else if (node.isString()) {
      rules.add(Category.BODY, path, MatchingRule.Type.any());
    } else if (node.isIntegralNumber()) {
      rules.add(Category.BODY, path, new MatchingRule.IntegerType());
    } else if (node.isNumber()) {
      rules.add(Category.BODY, path, new MatchingRule.DecimalType());
    } else if (node.isBoolean()) {
      rules.add(Category.BODY, path, new MatchingRule.BooleanType());
    } else if (node.isNull()) {
      rules.add(Category.BODY, path, new MatchingRule.Null());
    }
  }

  private static JsonNode sameShapeOtherValues(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = NODES.objectNode();
      node.properties().forEach(e -> o.set(e.getKey(), sameShapeOtherValues(e.getValue())));
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = NODES.arrayNode();
      node.forEach(n -> a.add(sameShapeOtherValues(n)));
      return a;
    }
    return otherValueOfSameType(node);
  }

  private static JsonNode otherValueOfSameType(JsonNode node) {
    if (node.isString()) {
      return NODES.stringNode(node.asString() + "x");
    }
    if (node.isIntegralNumber()) {
      return NODES.numberNode(node.asLong() + 1);
    }
    if (node.isNumber()) {
      return NODES.numberNode(node.asDouble() + 1);
    }
    if (node.isBoolean()) {
      return NODES.booleanNode(!node.asBoolean());
    }
    return node;
  }

  /**
   * Changes the first non-null leaf in place and returns its rendered path, or null when there is
   * none.
   */
  private static String changeFirstLeaf(JsonNode node, BodyPath path) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (String key : List.copyOf(o.propertyNames())) {
        JsonNode child = o.get(key);
        if (child.isValueNode() && !child.isNull()) {
          o.set(key, otherValueOfSameType(child));
          return path.field(key).toString();
        }
        String found = changeFirstLeaf(child, path.field(key));
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        JsonNode child = a.get(i);
        if (child.isValueNode() && !child.isNull()) {
          a.set(i, otherValueOfSameType(child));
          return path.index(i).toString();
        }
        String found = changeFirstLeaf(child, path.index(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
