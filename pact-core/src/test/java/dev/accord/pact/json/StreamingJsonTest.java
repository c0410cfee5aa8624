package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Json#parse}, {@link Json#tryParse}, {@link Json#write} and {@link Json#writeCanonical}
 * read and write without the mapper: the same trees (node types included), the same text and the
 * same errors as the mapper.
 */
class StreamingJsonTest {

  private static final List<String> DOCUMENTS =
      List.of(
          "{}",
          "[]",
          "null",
          "true",
          "\"text\"",
          "  {\"b\": 1, \"a\": [true, false, null]}  ",
          "{\"int\":1,\"negative\":-7,\"long\":12345678901,\"big\":123456789012345678901234567890}",
          "{\"double\":12.5,\"exp\":1e10,\"small\":-1.0E-7,\"zero\":0.0,\"many\":3.141592653589793238462643}",
          "{\"unicode\":\"caf\\u00e9 \\ud83d\\ude00 ✓\",\"escapes\":\"a\\\"b\\\\c\\n\\t\\u0001\"}",
          "{\"nested\":{\"deep\":[{\"x\":[[1],[2,{\"y\":null}]]}]},\"empty\":{},\"none\":[]}",
          "{\"z\":1,\"a\":{\"d\":2,\"c\":[{\"f\":1,\"e\":2}]},\"m\":\"\"}");

  @Test
  void parsesTheSameTreesAsTheMapper() throws IOException {
    for (String json : corpus()) {
      JsonNode expected = Json.mapper().readTree(json);
      JsonNode actual = Json.parse(json);
      assertThat(actual).as(json).isEqualTo(expected);
      assertSameTypes(actual, expected, json);
      assertThat(Json.tryParse(json.getBytes(StandardCharsets.UTF_8))).contains(expected);
      assertThat(Json.tryParse(json.getBytes(StandardCharsets.UTF_16))).contains(expected);
    }
  }

  @Test
  void writesTheSameTextAsTheMapper() throws IOException {
    for (String json : corpus()) {
      JsonNode tree = Json.mapper().readTree(json);
      assertThat(Json.write(tree)).as(json).isEqualTo(Json.mapper().writeValueAsString(tree));
      assertThat(Json.writeCanonical(tree))
          .as(json)
          .isEqualTo(
              Json.mapper()
                  .writer()
                  .with(tools.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                  .writeValueAsString(tree));
    }
  }

  @Test
  void nodesBuiltInCodeAreWrittenAsTheMapperWritesThem() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode tree = nodes.objectNode();
    tree.put("short", (short) 3);
    tree.put("float", 1.25f);
    tree.put("decimal", new java.math.BigDecimal("1.50"));
    tree.put("nan", Double.NaN);
    tree.put("binary", new byte[] {1, 2, 3});
    tree.putPOJO("pojo", java.util.Map.of("k", "v"));
    tree.set("missing", nodes.missingNode());
    tree.putNull("null");
    assertThat(Json.write(tree)).isEqualTo(Json.mapper().writeValueAsString(tree));
    tree.remove(List.of("binary", "pojo", "missing"));
    assertThat(Json.write(tree)).isEqualTo(Json.mapper().writeValueAsString(tree));
  }

  @Test
  void whatOnlyTheMapperDecidesIsTheMappers() {
    for (String json :
        List.of("", "   ", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":[2]}}", "{} {}", "1 2")) {
      Object expected;
      try {
        expected = Json.mapper().readTree(json);
      } catch (JacksonException e) {
        expected = e.getMessage();
      }
      Object actual;
      try {
        actual = Json.parse(json);
      } catch (JacksonException e) {
        actual = e.getMessage();
      }
      assertThat(actual).as(json).isEqualTo(expected);
      assertThat(Json.tryParse(json.getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(
              expected instanceof JsonNode node && !node.isMissingNode()
                  ? java.util.Optional.of(node)
                  : java.util.Optional.empty());
    }
  }

  @Test
  void nullIsTheMappersToAnswer() {
    Object expected;
    try {
      expected = Json.mapper().readTree((String) null);
    } catch (RuntimeException e) {
      expected = e.getClass();
    }
    Object actual;
    try {
      actual = Json.parse(null);
    } catch (RuntimeException e) {
      actual = e.getClass();
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(Json.write(null)).isEqualTo(Json.mapper().writeValueAsString(null));
  }

  @Test
  void malformedJsonFailsWithTheMappersMessage() {
    for (String json : List.of("{\"a\":", "{\"a\" 1}", "[1,]", "{'a':1}", "nul", "{\"a\":1}}")) {
      String expected;
      try {
        Json.mapper().readTree(json);
        expected = null;
      } catch (JacksonException e) {
        expected = e.getMessage();
      }
      if (expected == null) {
        assertThat(Json.parse(json)).isEqualTo(Json.mapper().readTree(json));
      } else {
        assertThatThrownBy(() -> Json.parse(json)).as(json).hasMessage(expected);
        assertThat(Json.tryParse(json.getBytes(StandardCharsets.UTF_8))).as(json).isEmpty();
      }
    }
  }

  private static List<String> corpus() throws IOException {
    List<String> all = new ArrayList<>(DOCUMENTS);
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        all.add(Files.readString(file));
      }
    }
    return all;
  }

  private static void assertSameTypes(JsonNode actual, JsonNode expected, String json) {
    assertThat(actual.getClass()).as(json).isEqualTo(expected.getClass());
    if (expected.isContainer()) {
      List<JsonNode> a = new ArrayList<>();
      actual.forEach(a::add);
      List<JsonNode> e = new ArrayList<>();
      expected.forEach(e::add);
      for (int i = 0; i < e.size(); i++) {
        assertSameTypes(a.get(i), e.get(i), json);
      }
    }
  }
}
