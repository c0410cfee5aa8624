package dev.accord.pact.generators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PathSelectorTest {
  private static final String DOC =
      "{\"a\": {\"b\": [1, 2, {\"c.d\": 3}]}, \"e\": [\"x\", \"y\"], \"f\": 4}";

  private static List<String> visited(String expression) {
    List<String> paths = new ArrayList<>();
    PathSelector.parse(expression)
        .replaceAll(
            Json.parse(DOC),
            (value, path) -> {
              paths.add(path + "=" + Json.write(value));
              return value;
            });
    return paths;
  }

  @Test
  void selectsByNameIndexBracketAndWildcards() {
    assertThat(visited("$")).containsExactly("$=" + Json.write(Json.parse(DOC)));
    assertThat(visited("$.f")).containsExactly("$.f=4");
    assertThat(visited("$['f']")).containsExactly("$.f=4");
    assertThat(visited("$.a.b[1]")).containsExactly("$.a.b[1]=2");
    assertThat(visited("$.a.b[2]['c.d']")).containsExactly("$.a.b[2]['c.d']=3");
    assertThat(visited("$.e[*]")).containsExactly("$.e[0]=\"x\"", "$.e[1]=\"y\"");
    assertThat(visited("$.*")).hasSize(3);
    assertThat(visited("$.e.*")).containsExactly("$.e[0]=\"x\"", "$.e[1]=\"y\"");
    assertThat(visited("$.nope.deeper")).isEmpty();
    assertThat(visited("$.e[5]")).isEmpty();
  }

  @Test
  void replacesInPlace() {
    JsonNode doc = Json.parse(DOC);
    PathSelector.parse("$.e[*]").replaceAll(doc, (v, p) -> Json.nodes().stringNode(p));
    assertThat(doc.get("e")).isEqualTo(Json.parse("[\"$.e[0]\", \"$.e[1]\"]"));
  }

  @Test
  void invalidPathsNameThePosition() {
    assertThatThrownBy(() -> PathSelector.parse("$.a['b"))
        .hasMessage(
            "Invalid body path expression '$.a['b' at position 3: an unterminated quoted name"
                + " (write ['name']). Valid forms: $, $.name, $['name with.dots'], $.items[0], $.items[*], $.*");
    assertThatThrownBy(() -> PathSelector.parse("$..a"))
        .hasMessageContaining("a field name is expected after '.'");
  }
}
