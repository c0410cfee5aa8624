package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.BodyPath;
import dev.accord.pact.path.PathExpression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The code of docs/pact-core.md, run: pact-core's rule engine and path grammar used as a library.
 */
class RuleEngineLibraryExampleTest {

  @Test
  void checkingExamplesAgainstRules() {
    // tag::check[]
    List<Mismatch> refused =
        Matching.checkExample(new MatchingRule.Semver(), Json.parse("\"1.2.3-01\""));
    // refused: [body $: '1.2.3-01' is not a valid semantic version]

    List<Mismatch> accepted =
        Matching.checkExample(new MatchingRule.StatusCode("client_error", null), Json.parse("404"));
    // accepted: []
    // end::check[]
    assertThat(refused)
        .extracting(Mismatch::toString)
        .containsExactly("body $: '1.2.3-01' is not a valid semantic version");
    assertThat(accepted).isEmpty();
  }

  @Test
  void selectingByABodyPath() {
    // tag::paths[]
    JsonNode body = Json.parse("{\"items\": [{\"price\": 9.99}, {\"price\": 5}]}");
    PathExpression prices = PathExpression.parse("$.items[*].price");

    List<String> found =
        prices.select(body).stream().map(s -> s.path() + " = " + s.value()).toList();
    // found: [$.items[0].price = 9.99, $.items[1].price = 5]

    boolean named = prices.matches(BodyPath.root().field("items").index(1).field("price"));
    // named: true

    BodyRules rules =
        BodyRules.of(
            Map.of(
                "$.items", RuleList.of(new MatchingRule.Type(1, null)),
                "$.items[*].price", RuleList.of(new MatchingRule.DecimalType())));
    BodyRules.Applied atPrice =
        rules.ruleAt(BodyPath.root().field("items").index(1).field("price")).orElseThrow();
    // atPrice: the decimal rule of $.items[*].price, not cascaded
    BodyRules.Applied atName =
        rules.ruleAt(BodyPath.root().field("items").index(1).field("name")).orElseThrow();
    // atName: the type rule of $.items, cascaded from the list to its elements' fields
    // end::paths[]
    assertThat(found).containsExactly("$.items[0].price = 9.99", "$.items[1].price = 5");
    assertThat(named).isTrue();
    assertThat(atPrice)
        .isEqualTo(
            new BodyRules.Applied(
                "$.items[*].price", RuleList.of(new MatchingRule.DecimalType()), false));
    assertThat(atName.expression()).isEqualTo("$.items");
    assertThat(atName.cascaded()).isTrue();
    assertThat(
            Matching.matchValue(
                new MatchingRule.DecimalType(), Json.parse("9.99"), Json.parse("5")))
        .extracting(Mismatch::description)
        .containsExactly("Expected 5 (Integer) to be a decimal number");
  }
}
