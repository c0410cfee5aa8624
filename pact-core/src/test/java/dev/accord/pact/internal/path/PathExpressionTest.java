package dev.accord.pact.internal.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.internal.path.PathExpression.Field;
import dev.accord.pact.internal.path.PathExpression.Index;
import dev.accord.pact.internal.path.PathExpression.Root;
import dev.accord.pact.internal.path.PathExpression.Star;
import dev.accord.pact.internal.path.PathExpression.StarIndex;
import org.junit.jupiter.api.Test;

/** Path expressions (spec 2.3). */
class PathExpressionTest {

  @Test
  void parsesFieldsIndicesAndStars() {
    assertThat(PathExpression.parse("$.items[2].price[*].*").tokens()).containsExactly(new Root(),
        new Field("items"), new Index(2), new Field("price"), new StarIndex(), new Star());
  }

  @Test
  void parsesQuotedNamesWithDotsAndXmlMarkers() {
    assertThat(PathExpression.parse("$['x.y']['2'].str").tokens())
        .containsExactly(new Root(), new Field("x.y"), new Field("2"), new Field("str"));
    assertThat(PathExpression.parse("$.people.person['@id'].#text").tokens()).containsExactly(new Root(),
        new Field("people"), new Field("person"), new Field("@id"), new Field("#text"));
  }

  @Test
  void sameTextIsParsedOnce() {
    assertThat(PathExpression.parse("$.a.b")).isSameAs(PathExpression.parse("$.a.b"));
  }

  @Test
  void invalidExpressionsExplainTheValidForms() {
    assertThatThrownBy(() -> PathExpression.parse("$.a[x]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid body path expression '$.a[x]' at position 3: '[x]' is neither an index, [*]"
            + " nor a quoted name. Valid forms: $, $.name, $['name with.dots'], $.items[0], $.items[*], $.*");
    assertThatThrownBy(() -> PathExpression.parse("$.a['b")).hasMessageContaining("unterminated quoted name");
    assertThatThrownBy(() -> PathExpression.parse("$..a")).hasMessageContaining("a field name is expected");
    assertThatThrownBy(() -> PathExpression.parse("a.b")).hasMessageContaining("it must start with '$'");
  }
}
