package dev.accord.pact.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.Json;
import dev.accord.pact.path.PathExpression.Field;
import dev.accord.pact.path.PathExpression.Index;
import dev.accord.pact.path.PathExpression.Root;
import dev.accord.pact.path.PathExpression.Star;
import dev.accord.pact.path.PathExpression.StarIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path expressions (spec 2.3). */
class PathExpressionTest {

  @Test
  void parsesFieldsIndicesAndStars() {
    assertThat(PathExpression.parse("$.items[2].price[*].*").tokens())
        .containsExactly(
            new Root(),
            new Field("items"),
            new Index(2),
            new Field("price"),
            new StarIndex(),
            new Star());
  }

  @Test
  void parsesQuotedNamesWithDotsAndXmlMarkers() {
    assertThat(PathExpression.parse("$['x.y']['2'].str").tokens())
        .containsExactly(new Root(), new Field("x.y"), new Field("2"), new Field("str"));
    assertThat(PathExpression.parse("$.people.person['@id'].#text").tokens())
        .containsExactly(
            new Root(),
            new Field("people"),
            new Field("person"),
            new Field("@id"),
            new Field("#text"));
  }

  @Test
  void sameTextIsParsedOnce() {
    assertThat(PathExpression.parse("$.a.b")).isSameAs(PathExpression.parse("$.a.b"));
  }

  @Test
  void invalidExpressionsExplainTheValidForms() {
    assertThatThrownBy(() -> PathExpression.parse("$.a[x]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid body path expression '$.a[x]' at position 3: '[x]' is neither an index, [*]"
                + " nor a quoted name. Valid forms: $, $.name, $['name with.dots'], $.items[0], $.items[*], $.*");
    assertThatThrownBy(() -> PathExpression.parse("$.a['b"))
        .hasMessageContaining("unterminated quoted name");
    assertThatThrownBy(() -> PathExpression.parse("$..a"))
        .hasMessageContaining("a field name is expected");
    assertThatThrownBy(() -> PathExpression.parse("a.b"))
        .hasMessageContaining("it must start with '$'");
  }

  @Test
  void expressionsBuiltStepByStepAreTheTextEveryPactToolReads() {
    // GIVEN keys that are plain names, hold punctuation, hold a quote, or are all digits
    PathExpression built =
        PathExpression.root()
            .field("items")
            .anyIndex()
            .field("unit price")
            .field("it's")
            .field("100")
            .index(2);

    // THEN plain names are dotted, others quoted, and the text parses back to the same steps
    assertThat(built.text()).isEqualTo("$.items[*]['unit price'][\"it's\"]['100'][2]");
    assertThat(PathExpression.parse(built.text()).tokens()).isEqualTo(built.tokens());
    assertThatThrownBy(() -> PathExpression.root().field("a'b\"c"))
        .hasMessage(
            "The key a'b\"c holds both ' and \", which a Pact body path cannot name (write it as ['...'] or"
                + " [\"...\"]); rename the key");
  }

  @Test
  void anExpressionMatchesTheConcretePathsItNames() {
    BodyPath price = BodyPath.root().field("items").index(2).field("price");

    assertThat(PathExpression.parse("$.items[*].price").matches(price)).isTrue();
    assertThat(PathExpression.parse("$.items[2].price").matches(price)).isTrue();
    assertThat(PathExpression.parse("$.*.*.price").matches(price)).isTrue();
    assertThat(PathExpression.parse("$.items[1].price").matches(price)).isFalse();
    assertThat(PathExpression.parse("$.items[*]").matches(price))
        .as("a parent is not the node")
        .isFalse();
    assertThat(PathExpression.parse("$.items.price").matches(price))
        .as("a key is not an index")
        .isFalse();
    assertThat(PathExpression.parse("$[100]").matches(BodyPath.root().field("100")))
        .as("a numeric key is named by the index form too")
        .isTrue();
    assertThat(PathExpression.parse("$").matches(BodyPath.root())).isTrue();
  }

  @Test
  void selectReturnsEveryNodeReachedInDocumentOrderWithItsPath() {
    var body =
        Json.parse(
            "{\"items\": [{\"price\": 1}, {\"name\": \"x\"}, {\"price\": 2}], \"a b\": {\"c\": true}}");

    List<String> prices =
        PathExpression.parse("$.items[*].price").select(body).stream()
            .map(s -> s.path() + "=" + s.value())
            .toList();
    assertThat(prices).containsExactly("$.items[0].price=1", "$.items[2].price=2");
    assertThat(PathExpression.parse("$['a b'].c").select(body))
        .singleElement()
        .satisfies(s -> assertThat(s.value().asBoolean()).isTrue());
    assertThat(PathExpression.parse("$.*").select(body)).hasSize(2);
    assertThat(PathExpression.parse("$.items[7].price").select(body)).as("past the end").isEmpty();
    assertThat(PathExpression.parse("$.items.price").select(body))
        .as("a field on a list")
        .isEmpty();
    assertThat(PathExpression.parse("$").select(body))
        .singleElement()
        .satisfies(s -> assertThat(s.path()).isEqualTo(BodyPath.root()));
  }
}
