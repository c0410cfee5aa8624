package dev.accord.consumer;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCompilerTest {

  private final ValueCompiler compiler =
      new ValueCompiler("the response body of interaction 'x'", Map.of());

  record Product(String id, Object price, List<Object> tags) {}

  @Test
  void plainValuesBecomeTheExampleWithNoRules() {
    ValueCompiler.Compiled c = compiler.compile(Map.of("b", 2, "a", List.of("x", true)));

    assertThat(Json.write(c.example())).isEqualTo("{\"a\":[\"x\",true],\"b\":2}");
    assertThat(c.rules()).isEmpty();
    assertThat(c.generators()).isEmpty();
  }

  @Test
  void linkedMapsKeepTheirOrderWhileUnorderedMapsAreSorted() {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("z", 1);
    ordered.put("a", 2);

    assertThat(Json.write(compiler.compile(ordered).example())).isEqualTo("{\"z\":1,\"a\":2}");
    assertThat(Json.write(compiler.compile(Map.of("z", 1, "a", 2)).example()))
        .isEqualTo("{\"a\":2,\"z\":1}");
  }

  @Test
  void matchersAnywhereBecomeRulesAtTheirPaths() {
    ValueCompiler.Compiled c =
        compiler.compile(
            Map.of(
                "id", like("prod-001"),
                "price", decimal(29.99),
                "tags", eachLike("electronics", 1, 5),
                "items", eachLike(Map.of("sku", regex("[A-Z]{3}", "ABC"))),
                "weird key", integer(3)));

    assertThat(Json.write(c.example()))
        .isEqualTo(
            "{\"id\":\"prod-001\",\"items\":[{\"sku\":\"ABC\"}],\"price\":29.99,\"tags\":[\"electronics\"],\"weird key\":3}");
    assertThat(c.rules())
        .containsOnlyKeys(
            "$.id", "$.items", "$.items[*].sku", "$.price", "$.tags", "$['weird key']");
    assertThat(c.rules().get("$.tags")).isEqualTo(RuleList.of(new MatchingRule.Type(1, 5)));
    assertThat(c.rules().get("$.items[*].sku"))
        .isEqualTo(RuleList.of(new MatchingRule.Regex("[A-Z]{3}")));
    assertThat(c.rules().get("$.price")).isEqualTo(RuleList.of(new MatchingRule.DecimalType()));
  }

  @Test
  void recordsAreSerialisedByJacksonWithMatchersInside() {
    ValueCompiler.Compiled c =
        compiler.compile(
            new Product("p1", decimal(9.5), List.of(uuid("123e4567-e89b-12d3-a456-426614174000"))));

    assertThat(Json.write(c.example()))
        .isEqualTo(
            "{\"id\":\"p1\",\"price\":9.5,\"tags\":[\"123e4567-e89b-12d3-a456-426614174000\"]}");
    assertThat(c.rules()).containsOnlyKeys("$.price", "$.tags[0]");
  }

  @Test
  void eachLikeWithAMinimumRepeatsTheTemplate() {
    ValueCompiler.Compiled c = compiler.compile(eachLike(Map.of("n", 1), 2));

    assertThat(Json.write(c.example())).isEqualTo("[{\"n\":1},{\"n\":1}]");
    assertThat(c.rules().get("$")).isEqualTo(RuleList.of(new MatchingRule.Type(2, null)));
  }

  @Test
  void arrayContainingWritesVariantsWithTheirOwnRules() {
    ValueCompiler.Compiled c =
        compiler.compile(
            Map.of("links", arrayContaining(Map.of("rel", "self", "href", like("/a")))));

    MatchingRule rule = c.rules().get("$.links").rules().get(0);
    assertThat(rule).isInstanceOf(MatchingRule.ArrayContains.class);
    MatchingRule.ArrayContains.Variant variant =
        ((MatchingRule.ArrayContains) rule).variants().get(0);
    assertThat(variant.index()).isZero();
    assertThat(variant.rules()).containsOnlyKeys("$.href");
  }

  @Test
  void stateVariablesUseTheirDefaultAndWriteAProviderStateGenerator() {
    ValueCompiler withVariables =
        new ValueCompiler(
            "the response body of interaction 'x'",
            Map.of(
                "id",
                new ValueCompiler.StateVariable(
                    "id", Json.toTree(42), List.of(new MatchingRule.IntegerType()))));

    ValueCompiler.Compiled c = withVariables.compile(Map.of("id", stateVariable("id")));

    assertThat(Json.write(c.example())).isEqualTo("{\"id\":42}");
    assertThat(c.rules().get("$.id")).isEqualTo(RuleList.of(new MatchingRule.IntegerType()));
    assertThat(c.generators().get("$.id"))
        .isEqualTo(new Generator.ProviderState("id", Generator.DataType.RAW));
    assertThat(withVariables.compileScalar(path("/products/", stateVariable("id")), false))
        .isEqualTo(
            new ValueCompiler.Scalar(
                "/products/42",
                List.of(),
                new Generator.ProviderState("/products/${id}", Generator.DataType.STRING)));
  }

  @Test
  void aRegexExampleThatDoesNotMatchFailsNamingTheFieldAndTheRule() {
    assertThatThrownBy(() -> compiler.compile(Map.of("order", Map.of("id", regex("\\d+", "abc")))))
        .isInstanceOf(ContractDefinitionException.class)
        .hasMessage(
            "Invalid matcher in the response body of interaction 'x' at $.order.id: "
                + "Expected 'abc' to match '\\d+'.\n"
                + "  matcher: regex(\"\\d+\", \"abc\")\n"
                + "  example: 'abc'\n"
                + "  fix:     change the example so that it satisfies its own rule, or change the rule");
  }

  @Test
  void eachLikeWithFewerExamplesThanItsMinimumFails() {
    assertThatThrownBy(() -> compiler.compile(Map.of("tags", eachLike("a", 3).examples(2))))
        .isInstanceOf(ContractDefinitionException.class)
        .hasMessage(
            "Invalid matcher in the response body of interaction 'x' at $.tags: "
                + "Expected [\"a\", \"a\"] (size 2) to have minimum size of 3.\n"
                + "  matcher: eachLike(\"a\", 3).examples(2)\n"
                + "  example: 2 example(s)\n"
                + "  fix:     give at least 3 examples: .examples(3)");
  }

  @Test
  void aDateNotFittingItsFormatFails() {
    assertThatThrownBy(() -> compiler.compile(Map.of("shipped", date("dd/MM/yyyy", "2024-05-01"))))
        .isInstanceOf(ContractDefinitionException.class)
        .hasMessageStartingWith(
            "Invalid matcher in the response body of interaction 'x' at $.shipped: "
                + "Expected '2024-05-01' to match a date pattern of 'dd/MM/yyyy'.");
  }

  @Test
  void otherExamplesBreakingTheirRulesFail() {
    assertThatThrownBy(() -> compiler.compile(Map.of("n", number(1), "s", semver("1.0"))))
        .hasMessageContaining("at $.s: '1.0' is not a valid semantic version");
    assertThatThrownBy(() -> compiler.compile(Map.of("e", notEmpty(""))))
        .hasMessageContaining("at $.e: Expected '' (String) to not be empty");
    assertThatThrownBy(() -> compiler.compile(Map.of("t", datetime("2024-05-01 10:00"))))
        .hasMessageContaining("at $.t: Expected '2024-05-01 10:00' to match a datetime pattern of");
    assertThatThrownBy(() -> compiler.compile(Map.of("i", include("x", "abc"))))
        .hasMessageContaining("at $.i: Expected 'abc' to include 'x'");
    assertThatThrownBy(
            () -> compiler.compile(Map.of("k", eachKey(regex("[a-z]+", "en"), Map.of("EN", 1)))))
        .hasMessageContaining("at $.k.EN: Expected 'EN' to match '[a-z]+'");
  }

  @Test
  void anUndeclaredStateVariableFailsListingTheDeclaredOnes() {
    assertThatThrownBy(() -> compiler.compile(Map.of("id", stateVariable("productId"))))
        .isInstanceOf(ContractDefinitionException.class)
        .hasMessage(
            "Unknown state variable 'productId' in the response body of interaction 'x' at $.id.\n"
                + "  declared variables: none\n"
                + "  fix: declare it as a parameter of a provider state: given(\"a product exists\", Map.of(\"productId\","
                + " <default value>))");
  }

  static final class Opaque {
    private final Object self = this;

    public Object getSelf() {
      return self;
    }
  }

  @Test
  void aBodyJacksonCannotSerialiseNamesItsType() {
    assertThatThrownBy(() -> compiler.compile(Map.of("x", new Opaque())))
        .isInstanceOf(ContractDefinitionException.class)
        .hasMessageStartingWith(
            "Cannot use a dev.accord.consumer.ValueCompilerTest$Opaque in the response body of"
                + " interaction 'x' at $.x: Jackson cannot serialise it");
  }
}
