package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import dev.accord.pact.json.internal.JsonText;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link Json}'s streaming parse and write give exactly what the databind mapper gives. */
class JsonTest {
  private static final List<String> DOCUMENTS = List.of(
      "{}", "[]", "null", "true", "false", "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649",
      "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
      "1.0", "1.10", "-0.0", "9.99", "1e3", "1E-7", "1.5e308", "1e400", "0.1234567890123456789012345",
      "\"\"", "\"text\"", "\"caf\\u00e9 \\\" \\\\ \\n \\t \\u0001 \\ud83d\\ude00\"",
      "{\"a\":1,\"b\":[1,2.5,\"x\",true,null,{\"c\":{}}],\"d\":[]}",
      "{\"dup\":1,\"dup\":2}",
      "  {\"spaces\" : [ 1 , 2 ] }  \n",
      "[[[[[[[[[[1]]]]]]]]]]",
      "{\"price\":9.99,\"qty\":3,\"big\":12345678901234,\"tags\":[\"a\",\"b\"],\"nested\":{\"x\":null}}");

  @Test
  void parsesEveryDocumentToTheSameTreeAsTheMapper() throws IOException {
    for (String json : allDocuments()) {
      JsonNode ours = Json.parse(json);
      JsonNode mappers = Json.mapper().readTree(json);
      assertThat(ours).as(json).isEqualTo(mappers);
      assertSameTypes(ours, mappers, json);
      assertThat(Json.tryParse(json.getBytes(StandardCharsets.UTF_8))).as(json).contains(mappers);
    }
  }

  @Test
  void writesTheSameTextAsTheMapper() throws IOException {
    for (String json : allDocuments()) {
      JsonNode tree = Json.mapper().readTree(json);
      assertThat(Json.write(tree)).as(json).isEqualTo(Json.mapper().writeValueAsString(tree));
    }
    ObjectNode built = Json.nodes().objectNode();
    built.put("decimal", new BigDecimal("1.50"));
    built.put("float", 1.25f);
    built.put("long", 5L);
    built.put("short", (short) 3);
    built.putArray("list").add("x").addNull();
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      every.append(c);
    }
    built.put("ascii", every.append("\u00e9\u2028\ud83d\ude00\u007f").toString());
    built.put("key with \"quotes\" and \\", "\t");
    built.put("nan", Double.NaN);
    built.put("infinity", Double.NEGATIVE_INFINITY);
    built.put("floatNan", Float.NaN);
    built.put("tiny", 1e-300);
    built.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    built.put("decimalExponent", new BigDecimal("1E+3"));
    assertThat(Json.write(built)).isEqualTo(Json.mapper().writeValueAsString(built));
  }

  private static ObjectNode builtTree() {
    ObjectNode built = Json.nodes().objectNode();
    built.put("decimal", new BigDecimal("1.50"));
    built.put("float", 1.25f);
    built.put("nan", Double.NaN);
    built.put("text", "\u0001 \" \\ \n \u00e9 \ud83d\ude00");
    built.putArray("empty");
    built.putObject("emptyObject");
    built.putArray("nested").addArray().addObject().put("deep", 1);
    return built;
  }

  @Test
  void writesTheSamePrettyTextAsTheMappersPrettyPrinter() throws IOException {
    List<JsonNode> trees = new ArrayList<>();
    for (String json : allDocuments()) {
      trees.add(Json.mapper().readTree(json));
    }
    trees.add(builtTree());
    for (JsonNode tree : trees) {
      assertThat(JsonText.pretty(tree)).as(tree.toString())
          .isEqualTo(Json.mapper().writer().with(JsonText.prettyPrinter()).writeValueAsString(tree) + "\n");
    }
    assertThat(JsonText.pretty(Json.parse("{\"a\":[1,{}],\"b\":[],\"c\":{\"d\":null}}")))
        .isEqualTo("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": [],\n  \"c\": {\n    \"d\": null\n  }\n}\n");
  }

  @Test
  void convertsPlainValuesToTheSameNodesAsTheMapper() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("z", 1);
    ordered.put("a", null);
    ordered.put("m", List.of(Map.of("k", -5L), Set.of("only"), List.of(), Map.of()));
    ordered.put("d", 2.5);
    ordered.put("nan", Double.NaN);
    ordered.put("t", true);
    ordered.put("s", "caf\u00e9");
    List<Object> values = new ArrayList<>(List.of("x", 1, Integer.MIN_VALUE, Long.MAX_VALUE, -0.0, 1e300, false,
        Map.of("id", 7), List.of(1, "two", 3.0), ordered, Map.of("node", Json.parse("{\"a\":[1,2.5,null]}")), new TreeMap<>(Map.of("b", 1, "a", 2))));
    values.add(null);
    // not converted here: the mapper's own answer, whatever it is
    values.addAll(List.of((short) 3, 1.5f, new BigDecimal("1.50"), 'c', Map.of(1, "int key"),
        List.of(new BigDecimal("2.0")), Map.of("inner", Optional.of("x")), new int[] {1, 2}, new Point(1, 2),
        Map.of("numbers", numberNodes()), new Tagged(), List.of(new Tagged())));
    for (Object value : values) {
      JsonNode ours = Json.toTree(value);
      JsonNode mappers = Json.mapper().valueToTree(value);
      assertThat(ours).as(String.valueOf(value)).isEqualTo(mappers);
      assertSameTypes(ours, mappers, String.valueOf(value));
      assertThat(Json.write(ours)).as("key order of %s", value).isEqualTo(Json.write(mappers));
    }
    JsonNode tree = Json.parse("{\"a\":1}");
    assertThat(Json.toTree(tree)).as("a copy, as the mapper gives").isEqualTo(tree).isNotSameAs(tree);
  }

  record Point(int x, int y) {}

  /** A map type of the user's with its own JSON form: the mapper's business. */
  static final class Tagged extends LinkedHashMap<String, Object> {
    Tagged() {
      put("k", "v");
    }

    @com.fasterxml.jackson.annotation.JsonValue
    String tag() {
      return "tagged";
    }
  }

  private static ObjectNode numberNodes() {
    ObjectNode node = Json.nodes().objectNode();
    node.put("short", (short) 3);
    node.put("float", 1.5f);
    node.put("bigInteger", new java.math.BigInteger("12345678901234567890"));
    node.put("decimal", new BigDecimal("1.50"));
    node.put("int", 1);
    return node;
  }

  @Test
  void writesNodesItDoesNotKnowThroughTheMapper() {
    ObjectNode withBinary = Json.nodes().objectNode();
    withBinary.put("bytes", new byte[] {1, 2, 3});
    withBinary.putPOJO("pojo", Map.of("k", "v"));
    assertThat(Json.write(withBinary)).isEqualTo(Json.mapper().writeValueAsString(withBinary))
        .isEqualTo("{\"bytes\":\"AQID\",\"pojo\":{\"k\":\"v\"}}");
  }

  @Test
  void emptyAndBrokenDocumentsBehaveAsWithTheMapper() {
    assertThat(Json.parse("").isMissingNode()).isTrue();
    assertThat(Json.parse("   \n").isMissingNode()).isTrue();
    assertThat(Json.tryParse(new byte[0])).isEmpty();
    assertThat(Json.tryParse(" ".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(Json.tryParse(null)).isEmpty();
    for (String broken : List.of("{", "{\"a\":}", "[1,]", "{} x", "{} {}", "1 2", "nul", "{'a':1}", "\"open")) {
      assertThatThrownBy(() -> Json.mapper().readTree(broken)).as(broken).isInstanceOf(JacksonException.class);
      assertThatThrownBy(() -> Json.parse(broken)).as(broken).isInstanceOf(JacksonException.class);
      assertThat(Json.tryParse(broken.getBytes(StandardCharsets.UTF_8))).as(broken).isEmpty();
    }
  }

  @Test
  void readsUtf16WithAByteOrderMarkLikeTheMapper() {
    byte[] utf16 = "\uFEFF{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_16BE);
    assertThat(Json.tryParse(utf16)).contains(Json.mapper().readTree(utf16));
  }

  private static void assertSameTypes(JsonNode ours, JsonNode mappers, String json) {
    assertThat(ours.getClass()).as(json).isEqualTo(mappers.getClass());
    if (ours.isContainer()) {
      List<JsonNode> a = new ArrayList<>(ours.values());
      List<JsonNode> b = new ArrayList<>(mappers.values());
      for (int i = 0; i < a.size(); i++) {
        assertSameTypes(a.get(i), b.get(i), json);
      }
    }
  }

  private static List<String> allDocuments() throws IOException {
    List<String> all = new ArrayList<>(DOCUMENTS);
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        all.add(Files.readString(f));
      }
    }
    assertThat(all.size()).isGreaterThan(DOCUMENTS.size());
    return all;
  }
}
