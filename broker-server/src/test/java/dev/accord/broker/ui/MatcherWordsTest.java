package dev.accord.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MatcherWordsTest {
  static final JsonNode BODY =
      Json.parse(
          "{\"price\":29.99,\"tags\":[\"new\",\"sale\"],\"items\":[{\"id\":7}],\"meta\":{\"a b\":\"x\"}}");

  @Test
  void commonMatchersReadAsPlainWordsWithTheExample() {
    assertThat(words("$.price", new MatchingRule.DecimalType()))
        .isEqualTo("any decimal (like 29.99)");
    assertThat(words("$.tags", new MatchingRule.Type(1, null)))
        .isEqualTo("an array of at least 1 element, each like \"new\"");
    assertThat(words("$.tags", new MatchingRule.Type(2, 5)))
        .isEqualTo("an array of 2 to 5 elements, each like \"new\"");
    assertThat(words("$.items[*].id", new MatchingRule.IntegerType()))
        .isEqualTo("any integer (like 7)");
    assertThat(words("$.meta['a b']", MatchingRule.Type.any()))
        .isEqualTo("any string (like \"x\")");
    assertThat(words("$.missing", new MatchingRule.Regex("\\d+")))
        .isEqualTo("a string matching the regular expression /\\d+/");
    assertThat(words("$.when", new MatchingRule.Timestamp(null)))
        .isEqualTo("a date and time in the format ISO-8601");
    assertThat(MatcherWords.explain(new MatchingRule.StatusCode("success", null), null))
        .isEqualTo("any successful (2xx) status");
    assertThat(MatcherWords.explain(new MatchingRule.StatusCode("client_error", null), null))
        .as("every spelling pact-core reads")
        .isEqualTo("any client error (4xx) status");
  }

  @Test
  void ruleListsSayWhetherAllOrAnyMustHold() {
    RuleList or =
        new RuleList(
            List.of(new MatchingRule.IntegerType(), new MatchingRule.Null()), RuleLogic.OR);
    assertThat(MatcherWords.explain(or, null)).isEqualTo("any integer or null");
  }

  @Test
  void generatorsSayWhatReplacesTheExample() {
    assertThat(MatcherWords.explain(new Generator.RandomInt(1, 10)))
        .isEqualTo("a random integer from 1 to 10");
    assertThat(
            MatcherWords.explain(new Generator.ProviderState("${id}", Generator.DataType.INTEGER)))
        .isEqualTo("filled in from the provider state: ${id}");
  }

  private static String words(String path, MatchingRule rule) {
    return MatcherWords.explain(RuleList.of(rule), MatcherWords.exampleAt(BODY, path));
  }
}
