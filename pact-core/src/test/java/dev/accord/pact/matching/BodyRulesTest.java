package dev.accord.pact.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.BodyPath;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rule applies at a node: the public face of the engine's precedence (spec 2.3). */
class BodyRulesTest {

  private static final RuleList TYPE = RuleList.of(MatchingRule.Type.any());
  private static final RuleList INTEGER = RuleList.of(new MatchingRule.IntegerType());
  private static final RuleList DECIMAL = RuleList.of(new MatchingRule.DecimalType());

  private static BodyPath path(Object... segments) {
    BodyPath p = BodyPath.root();
    for (Object s : segments) {
      p = s instanceof Integer i ? p.index(i) : p.field((String) s);
    }
    return p;
  }

  @Test
  void theHeaviestExpressionWinsAndExactStepsOutweighWildcards() {
    // GIVEN a wildcard rule and an exact rule for the same node
    Map<String, RuleList> rules = new LinkedHashMap<>();
    rules.put("$.items[*].price", DECIMAL);
    rules.put("$.items[0].price", INTEGER);
    rules.put("$.*.*.price", TYPE);
    BodyRules bodyRules = BodyRules.of(rules);

    // THEN the exact one applies at index 0, the [*] one elsewhere (weight 2*2*1*2 beats 2*1*1*2)
    assertThat(bodyRules.ruleAt(path("items", 0, "price")))
        .contains(new BodyRules.Applied("$.items[0].price", INTEGER, false));
    assertThat(bodyRules.ruleAt(path("items", 3, "price")))
        .contains(new BodyRules.Applied("$.items[*].price", DECIMAL, false));
    assertThat(bodyRules.ruleAt(path("other", "x", "price")))
        .contains(new BodyRules.Applied("$.*.*.price", TYPE, false));
  }

  @Test
  void aParentsRuleCascadesToItsChildrenButAValuesRuleDoesNot() {
    Map<String, RuleList> rules = new LinkedHashMap<>();
    rules.put("$.items", TYPE);
    rules.put("$.prices", RuleList.of(new MatchingRule.Values()));
    BodyRules bodyRules = BodyRules.of(rules);

    assertThat(bodyRules.ruleAt(path("items", 2, "name")))
        .contains(new BodyRules.Applied("$.items", TYPE, true));
    assertThat(bodyRules.ruleAt(path("prices")))
        .hasValueSatisfying(a -> assertThat(a.cascaded()).isFalse());
    assertThat(bodyRules.ruleAt(path("prices", "eur"))).isEmpty();
    assertThat(bodyRules.ruleAt(path("name"))).as("no rule: equality").isEmpty();
  }

  @Test
  void anInvalidExpressionIsRefusedNamingTheValidForms() {
    assertThatThrownBy(() -> BodyRules.of(Map.of("$.a[x]", TYPE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid body path expression '$.a[x]'")
        .hasMessageContaining("Valid forms: $, $.name");
  }
}
