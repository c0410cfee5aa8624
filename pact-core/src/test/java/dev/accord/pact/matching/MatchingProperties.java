package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.internal.BodyPath;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Properties of the JSON matcher over generated bodies. */
class MatchingProperties {

  private static final JsonNodeFactory NODES = Json.nodes();

  @Property(tries = 300)
  void aBodyAlwaysMatchesItselfInARequestAndAResponse(@ForAll("json") JsonNode body) {
    HttpRequest request = HttpRequest.of("POST", "/").withBody(Body.json(body));
    HttpResponse response = HttpResponse.of(200).withBody(Body.json(body));
    assertThat(Matching.matchRequest(request, request)).isEmpty();
    assertThat(Matching.matchResponse(response, response)).isEmpty();
  }

  @Property(tries = 300)
  void aBodyMatchesItselfUnderRulesDerivedFromItsOwnTypes(@ForAll("json") JsonNode body) {
    MatchingRules.Builder rules = MatchingRules.builder();
    deriveRules(body, "$", rules);
    HttpRequest request = HttpRequest.of("POST", "/").withBody(Body.json(body)).withMatchingRules(rules.build());
    assertThat(Matching.matchRequest(request, request.withMatchingRules(null))).isEmpty();
  }

  @Property(tries = 300)
  void aTypeRuleAtTheRootCascadesToEveryLeaf(@ForAll("json") JsonNode body) {
    JsonNode sibling = sameShapeOtherValues(body);
    HttpResponse expected = HttpResponse.of(200).withBody(Body.json(body))
        .withMatchingRules(MatchingRules.builder().add(Category.BODY, "$", MatchingRule.Type.any()).build());
    assertThat(Matching.matchResponse(expected, HttpResponse.of(200).withBody(Body.json(sibling)))).isEmpty();
  }

  @Property(tries = 300)
  void withoutRulesAChangedLeafIsReportedAtItsPath(@ForAll("json") JsonNode body) {
    JsonNode changed = body.deepCopy();
    String path = changeFirstLeaf(changed, BodyPath.root());
    if (path == null) {
      return; // no leaf to change
    }
    List<Mismatch> mismatches = Matching.matchResponse(HttpResponse.of(200).withBody(Body.json(body)),
        HttpResponse.of(200).withBody(Body.json(changed)));
    assertThat(mismatches).extracting(Mismatch::path).containsExactly(path);
  }

  // ---- generators

  @Provide
  Arbitrary<JsonNode> json() {
    return node(3);
  }

  private Arbitrary<JsonNode> node(int depth) {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(8).map(s -> (JsonNode) NODES.stringNode(s)),
        Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
        Arbitraries.integers().between(-10_000, 10_000).map(i -> (JsonNode) NODES.numberNode(i + 0.25)),
        Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
        Arbitraries.just((JsonNode) NODES.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> array = Arbitraries.lazy(() -> node(depth - 1)).list().ofMaxSize(4).map(list -> {
      ArrayNode a = NODES.arrayNode();
      list.forEach(a::add);
      return (JsonNode) a;
    });
    Arbitrary<String> keys = Arbitraries.strings().withChars("abcxyz019._- ").ofMinLength(1).ofMaxLength(6);
    Arbitrary<JsonNode> object = Arbitraries.maps(keys, Arbitraries.lazy(() -> node(depth - 1))).ofMaxSize(4)
        .map(map -> {
          ObjectNode o = NODES.objectNode();
          map.forEach(o::set);
          return (JsonNode) o;
        });
    return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(1, object));
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

  /** Changes the first non-null leaf in place and returns its rendered path, or null when there is none. */
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
