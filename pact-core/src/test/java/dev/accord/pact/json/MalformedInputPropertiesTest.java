package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever is broken in a pact, reading it either succeeds or raises a {@link PactFormatException}
 * with a source, a message and a valid form: never a NullPointerException, ClassCastException or
 * the like. Each case takes a fixture and replaces or removes one randomly chosen value (seeded, so
 * a failure is reproducible).
 */
class MalformedInputPropertiesTest {

  private static final String[] FIXTURES = {
    "roundtrip/v4-all-kinds.json",
    "roundtrip/v3-http.json",
    "roundtrip/v3-message.json",
    "roundtrip/v2.json",
    "roundtrip/v1_1.json"
  };

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String fixture : FIXTURES) {
      for (long seed = 0; seed < 100; seed++) {
        cases.add(Arguments.of(fixture, seed));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void readingAMutatedPactNeverFailsWithAnythingButAPactFormatException(String fixture, long seed) {
    Random random = new Random(seed);
    JsonNode root = Json.parse(Fixtures.load(fixture));
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    for (int mutations = 1 + random.nextInt(2); mutations > 0; mutations--) {
      mutate(containers.get(random.nextInt(containers.size())), random);
    }
    String json = Json.write(root);

    try {
      PactReader.readWithWarnings(json, "mutated " + fixture);
    } catch (PactFormatException e) {
      assertThat(e.source()).isEqualTo("mutated " + fixture);
      assertThat(e.problem()).isNotBlank();
      assertThat(e.getMessage()).startsWith("Invalid pact mutated " + fixture);
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainer() && !node.isEmpty()) {
      containers.add(node);
      for (JsonNode child : node) {
        collect(child, containers);
      }
    }
  }

  private static void mutate(JsonNode container, Random random) {
    if (container.isEmpty()) {
      return; // emptied by an earlier mutation
    }
    JsonNode replacement =
        switch (random.nextInt(8)) {
          case 0 -> Json.nodes().nullNode();
          case 1 -> Json.nodes().numberNode(42);
          case 2 -> Json.nodes().numberNode(-1.5);
          case 3 -> Json.nodes().stringNode("x");
          case 4 -> Json.nodes().booleanNode(true);
          case 5 -> Json.nodes().arrayNode();
          case 6 -> Json.nodes().objectNode();
          default -> null; // remove
        };
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      String name = names.get(random.nextInt(names.size()));
      if (replacement == null) {
        object.remove(name);
      } else {
        object.set(name, replacement);
      }
    } else if (container instanceof ArrayNode array) {
      int index = random.nextInt(array.size());
      if (replacement == null) {
        array.remove(index);
      } else {
        array.set(index, replacement);
      }
    }
  }
}
