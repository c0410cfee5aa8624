package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text forms pact files, content hashes and mismatch messages rely on, from the one configured
 * mapper.
 */
class JsonTest {

  @Test
  void theThreeTextForms() {
    // tag::text-forms[]
    JsonNode tree = Json.parse("{\"b\": 1, \"a\": [true]}");

    String compact = Json.write(tree);
    // compact: {"b":1,"a":[true]}
    String canonical = Json.writeCanonical(tree);
    // canonical: {"a":[true],"b":1}
    String pactFile = Json.writePretty(tree);
    // pactFile: {\n  "b": 1,\n  "a": [\n    true\n  ]\n}\n
    // end::text-forms[]

    assertThat(compact).isEqualTo("{\"b\":1,\"a\":[true]}");
    assertThat(canonical).isEqualTo("{\"a\":[true],\"b\":1}");
    assertThat(pactFile).isEqualTo("{\n  \"b\": 1,\n  \"a\": [\n    true\n  ]\n}\n");
  }

  @Test
  void prettyTextIsThePactFileLayout() {
    // GIVEN a tree with nested, empty and null values
    JsonNode tree = Json.parse("{\"a\":[1,{}],\"b\":[],\"c\":{\"d\":null,\"e\":\"caf\\u00e9\"}}");

    // WHEN it is written pretty
    String pretty = Json.writePretty(tree);

    // THEN two spaces per level, "key": value, {} and [] when empty, and a trailing newline
    assertThat(pretty)
        .isEqualTo(
            "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": [],\n  \"c\": {\n    \"d\": null,\n"
                + "    \"e\": \"caf\u00e9\"\n  }\n}\n");
  }

  @Test
  void canonicalTextSortsTheKeysOfEveryObjectAndKeepsArrayOrder() {
    // GIVEN two trees with the same content, keys in different orders
    JsonNode one = Json.parse("{\"b\":{\"y\":1,\"x\":[{\"k\":2,\"j\":3}]},\"a\":true}");
    JsonNode other = Json.parse("{\"a\":true,\"b\":{\"x\":[{\"j\":3,\"k\":2}],\"y\":1}}");

    // WHEN both are written canonically
    // THEN both give the same text, every object's keys sorted, arrays in their order
    assertThat(Json.writeCanonical(one))
        .isEqualTo(Json.writeCanonical(other))
        .isEqualTo("{\"a\":true,\"b\":{\"x\":[{\"j\":3,\"k\":2}],\"y\":1}}");
    // AND compact text keeps the tree's own order
    assertThat(Json.write(one)).isEqualTo("{\"b\":{\"y\":1,\"x\":[{\"k\":2,\"j\":3}]},\"a\":true}");
  }

  @Test
  void escapesAsJacksonsGeneratorDoes() {
    ObjectNode tree = Json.nodes().objectNode();
    tree.put("text", "\" \\ / \u0001 \b \f \t \r \n \u001f \u007f \u00e9 \ud83d\ude00");

    assertThat(Json.write(tree))
        .isEqualTo(
            "{\"text\":\"\\\" \\\\ / \\u0001 \\b \\f \\t \\r \\n \\u001F \u007f \u00e9 \ud83d\ude00\"}");
  }

  @Test
  void numbersKeepTheirFormAndType() {
    JsonNode tree = Json.parse("[1, 2147483648, 123456789012345678901234567890, 1.10, 1e3, -0.0]");

    assertThat(tree.get(0).isInt()).isTrue();
    assertThat(tree.get(1).isLong()).isTrue();
    assertThat(tree.get(2).isBigInteger()).isTrue();
    assertThat(tree.get(3).isDouble()).isTrue();
    assertThat(Json.write(tree))
        .isEqualTo("[1,2147483648,123456789012345678901234567890,1.1,1000.0,-0.0]");

    ObjectNode built = Json.nodes().objectNode();
    built.put("decimal", new BigDecimal("1.50"));
    built.put("big", new BigInteger("12345678901234567890"));
    built.put("nan", Double.NaN);
    assertThat(Json.write(built))
        .isEqualTo("{\"decimal\":1.50,\"big\":12345678901234567890,\"nan\":\"NaN\"}");
  }

  @Test
  void toTreeKeepsMapOrderAndConvertsRecords() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("z", 1);
    ordered.put("a", List.of(new Point(1, 2)));
    ordered.put("n", null);

    assertThat(Json.write(Json.toTree(ordered)))
        .isEqualTo("{\"z\":1,\"a\":[{\"x\":1,\"y\":2}],\"n\":null}");
    JsonNode tree = Json.parse("{\"a\":1}");
    assertThat(Json.toTree(tree)).isEqualTo(tree);
  }

  record Point(int x, int y) {}

  @Test
  void emptyAndBrokenDocuments() {
    assertThat(Json.parse("").isMissingNode()).isTrue();
    assertThat(Json.parse("   \n").isMissingNode()).isTrue();
    assertThat(Json.tryParse(new byte[0])).isEmpty();
    assertThat(Json.tryParse(" ".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(Json.tryParse(null)).isEmpty();
    for (String broken :
        List.of("{", "{\"a\":}", "[1,]", "{} x", "{} {}", "1 2", "nul", "{'a':1}", "\"open")) {
      assertThatThrownBy(() -> Json.parse(broken)).as(broken).isInstanceOf(JacksonException.class);
      assertThat(Json.tryParse(broken.getBytes(StandardCharsets.UTF_8))).as(broken).isEmpty();
    }
  }

  @Test
  void aRepeatedKeyKeepsTheLastValue() {
    assertThat(Json.write(Json.parse("{\"dup\":1,\"dup\":2}"))).isEqualTo("{\"dup\":2}");
  }

  @Test
  void readsUtf16WithAByteOrderMark() {
    byte[] utf16 = "\uFEFF{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_16BE);
    assertThat(Json.tryParse(utf16)).contains(Json.parse("{\"name\":\"caf\u00e9\"}"));
  }
}
