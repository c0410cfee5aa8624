package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.bodyRule;
import static dev.accord.pact.matching.MatchingFixtures.described;
import static dev.accord.pact.matching.MatchingFixtures.requestBody;
import static dev.accord.pact.matching.MatchingFixtures.responseBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.Category;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.RuleList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON algorithm (spec 2.6) and the strictness table (spec 2.5). */
class JsonBodyMatchingTest {

  private static final MatchingRules NONE = MatchingRules.empty();
  private static final String BASIC = "{\"one\": \"a\", \"two\": \"b\"}";

  @Test
  void identicalBodiesMatch() {
    assertThat(requestBody(BASIC, NONE, "{\"two\": \"b\", \"one\": \"a\"}")).isEmpty();
  }

  @Test
  void extraKeyInARequestIsAMismatchListingBothKeySets() {
    assertThat(described(requestBody("{\"one\": \"a\"}", NONE, BASIC)))
        .containsExactly(
            "$ -> Expected a Map with keys [one] but received one with keys [one, two]");
  }

  @Test
  void missingKeyInARequestIsAMismatchListingBothKeySets() {
    assertThat(described(requestBody(BASIC, NONE, "{\"one\": \"a\"}")))
        .containsExactly(
            "$ -> Expected a Map with keys [one, two] but received one with keys [one]");
  }

  @Test
  void extraKeyInAResponseIsAllowed() {
    assertThat(responseBody("{\"one\": \"a\"}", NONE, BASIC)).isEmpty();
  }

  @Test
  void missingKeyInAResponseIsAMismatchAtTheKeysOwnPath() {
    assertThat(described(responseBody(BASIC, NONE, "{\"one\": \"a\"}")))
        .containsExactly("$.two -> Actual map is missing the following keys: two");
    assertThat(
            responseBody(
                "{\"a\": {\"price\": 29.99, \"id\": 1, \"name\": \"x\"}}",
                NONE,
                "{\"a\": {\"name\": \"x\"}}"))
        .containsExactly(
            new Mismatch(
                MismatchType.BODY,
                "$.a.id",
                "1",
                null,
                "Actual map is missing the following keys: id",
                "every expected key is present (more keys are allowed)"),
            new Mismatch(
                MismatchType.BODY,
                "$.a.price",
                "29.99",
                null,
                "Actual map is missing the following keys: price",
                "every expected key is present (more keys are allowed)"));
  }

  @Test
  void aMismatchNamesTheRuleThatDecidedOrThatNoneApplied() {
    MatchingRules rules =
        MatchingRules.builder().add(Category.BODY, "$.id", new MatchingRule.IntegerType()).build();
    assertThat(
            responseBody(
                "{\"id\": 1, \"price\": 29.99}", rules, "{\"id\": \"1\", \"price\": 24.99}"))
        .extracting(Mismatch::path, Mismatch::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("$.id", "integer"),
            org.assertj.core.groups.Tuple.tuple("$.price", Mismatch.NO_RULE));
  }

  @Test
  void emptyExpectedObjectAcceptsAnyObjectInAResponseButNotInARequest() {
    assertThat(responseBody("{}", NONE, BASIC)).isEmpty();
    assertThat(requestBody("{}", NONE, BASIC)).hasSize(1);
  }

  @Test
  void keyNamesAreCaseSensitive() {
    assertThat(responseBody("{\"one\": \"a\"}", NONE, "{\"ONE\": \"a\"}")).hasSize(1);
  }

  @Test
  void nestedMismatchNamesTheFullPath() {
    assertThat(
            described(
                responseBody(
                    "{\"items\": [{\"price\": 1}, {\"price\": 2}, {\"price\": 3}]}",
                    NONE,
                    "{\"items\": [{\"price\": 1}, {\"price\": 2}, {\"price\": 4}]}")))
        .containsExactly("$.items[2].price -> Expected 4 (Integer) to be equal to 3 (Integer)");
  }

  @Test
  void keysThatAreNotIdentifiersAreQuotedInPaths() {
    assertThat(
            described(responseBody("{\"a.b\": 1, \"100\": 2}", NONE, "{\"a.b\": 2, \"100\": 3}")))
        .containsExactlyInAnyOrder(
            "$['a.b'] -> Expected 2 (Integer) to be equal to 1 (Integer)",
            "$[100] -> Expected 3 (Integer) to be equal to 2 (Integer)");
  }

  @Test
  void arraysWithoutMatchersMustHaveTheSameLength() {
    assertThat(described(responseBody("{\"a\": [1, 2]}", NONE, "{\"a\": [1, 2, 3]}")))
        .containsExactly("$.a -> Expected a List with 2 elements but received 3 elements");
  }

  @Test
  void arraysWithoutMatchersMustHaveTheSameOrder() {
    assertThat(described(responseBody("{\"a\": [1, 2]}", NONE, "{\"a\": [2, 1]}")))
        .containsExactly(
            "$.a[0] -> Expected 2 (Integer) to be equal to 1 (Integer)",
            "$.a[1] -> Expected 1 (Integer) to be equal to 2 (Integer)");
  }

  @Test
  void expectedEmptyArrayRejectsAnyElement() {
    assertThat(described(responseBody("{\"a\": []}", NONE, "{\"a\": [1]}")))
        .containsExactly("$.a -> Expected an empty List but received [1]");
  }

  @Test
  void objectVersusArrayIsATypeMismatch() {
    assertThat(described(responseBody("{\"a\": {\"b\": 1}}", NONE, "{\"a\": [1]}")))
        .containsExactly(
            "$.a -> Type mismatch: Expected [1] (Array) to be the same type as {\"b\":1} (Object)");
  }

  @Test
  void expectedNullRequiresNull() {
    assertThat(responseBody("{\"a\": null}", NONE, "{\"a\": null}")).isEmpty();
    assertThat(described(responseBody("{\"a\": null}", NONE, "{\"a\": 1}")))
        .containsExactly("$.a -> Expected 1 (Integer) to be equal to null (Null)");
    assertThat(described(responseBody("{\"a\": null}", NONE, "{}")))
        .containsExactly("$.a -> Actual map is missing the following keys: a");
  }

  @Test
  void anIntegerAndADecimalAreDifferentValuesAsThePactToolsSay() {
    // the reference implementation and pact-jvm: 1 and 1.0 differ; decimals compare by value
    assertThat(described(responseBody("{\"a\": 1}", NONE, "{\"a\": 1.0}")))
        .containsExactly("$.a -> Expected 1.0 (Decimal) to be equal to 1 (Integer)");
    assertThat(responseBody("{\"a\": 1.5}", NONE, "{\"a\": 1.50}")).isEmpty();
    assertThat(responseBody("{\"a\": 1}", NONE, "{\"a\": 10000000000}")).hasSize(1);
  }

  @Test
  void typeRuleOnAnArrayAllowsMoreElementsComparedWithTheFirstExample() {
    var rules = bodyRule("$.ids", MatchingRule.Type.any());
    assertThat(responseBody("{\"ids\": [1]}", rules, "{\"ids\": [5, 6, 7]}")).isEmpty();
    assertThat(described(responseBody("{\"ids\": [1]}", rules, "{\"ids\": [5, \"x\"]}")))
        .containsExactly("$.ids[1] -> Expected 'x' (String) to be the same type as 1 (Integer)");
  }

  @Test
  void minAndMaxApplyWhereTheRuleIsDefined() {
    var rules = bodyRule("$.ids", new MatchingRule.Type(1, 2));
    assertThat(described(responseBody("{\"ids\": [1]}", rules, "{\"ids\": []}")))
        .containsExactly("$.ids -> Expected [] (size 0) to have minimum size of 1");
    assertThat(described(responseBody("{\"ids\": [1]}", rules, "{\"ids\": [1, 2, 3]}")))
        .containsExactly("$.ids -> Expected [1, 2, 3] (size 3) to have maximum size of 2");
  }

  @Test
  void cascadedMinMaxDegradesToAPlainTypeCheck() {
    var rules = bodyRule("$.outer", new MatchingRule.Type(2, 3));
    String expected = "{\"outer\": [[1, 2], [3, 4]]}";
    // the inner lists have one and four elements: only the outer list is bounded
    assertThat(responseBody(expected, rules, "{\"outer\": [[1], [1, 2, 3, 4]]}")).isEmpty();
  }

  @Test
  void typeRuleCascadesToNestedLeaves() {
    var rules = bodyRule("$.one", MatchingRule.Type.any());
    String expected =
        "{\"one\": {\"a\": {\"ids\": [1, 2, 3, 4], \"status\": \"OK\"}}, \"two\": [1]}";
    assertThat(
            requestBody(
                expected,
                rules,
                "{\"one\": {\"a\": {\"ids\": [100], \"status\": \"Lovely\"}}, \"two\": [1]}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    expected,
                    rules,
                    "{\"one\": {\"a\": {\"ids\": [\"100\"], \"status\": \"Lovely\"}}, \"two\": [1]}")))
        .containsExactly(
            "$.one.a.ids[0] -> Expected '100' (String) to be the same type as 1 (Integer)");
  }

  @Test
  void equalityRuleResetsACascadingTypeRule() {
    var rules =
        MatchingRules.builder()
            .add(Category.BODY, "$.one", MatchingRule.Type.any())
            .add(Category.BODY, "$.one.a.status", new MatchingRule.Equality())
            .build();
    String expected = "{\"one\": {\"a\": {\"ids\": [1], \"status\": \"OK\"}}}";
    assertThat(
            described(
                requestBody(
                    expected,
                    rules,
                    "{\"one\": {\"a\": {\"ids\": [100], \"status\": \"Lovely\"}}}")))
        .containsExactly(
            "$.one.a.status -> Expected 'Lovely' (String) to be equal to 'OK' (String)");
  }

  @Test
  void compatibilitySuiteMinMaxScenario() {
    var rules =
        MatchingRules.builder()
            .add(Category.BODY, "$.one", MatchingRule.Type.any())
            .add(Category.BODY, "$.one.a.ids", new MatchingRule.Type(1, 4))
            .add(Category.BODY, "$.two.*.ids", new MatchingRule.Type(1, 4))
            .build();
    String expected =
        "{\"one\": {\"a\": {\"ids\": [1, 2, 3, 4], \"status\": \"OK\"}},"
            + " \"two\": [{\"ids\": [1], \"status\": \"BAD\"}]}";
    assertThat(
            requestBody(
                expected,
                rules,
                "{\"one\": {\"a\": {\"ids\": [100], \"status\": \"OK\"}}, \"two\": [{\"ids\": [1,2,3], \"status\": \"BAD\"}]}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    expected,
                    rules,
                    "{\"one\": {\"a\": {\"ids\": [], \"status\": \"OK\"}}, \"two\": [{\"ids\": [1,2,3,4,5], \"status\": \"BAD\"}]}")))
        .containsExactlyInAnyOrder(
            "$.one.a.ids -> Expected [] (size 0) to have minimum size of 1",
            "$.two[0].ids -> Expected [1, 2, 3, 4, 5] (size 5) to have maximum size of 4");
  }

  @Test
  void valuesMatcherIgnoresKeysAndComparesWithTheSameKeyOrTheFirstValue() {
    var rules =
        MatchingRules.builder()
            .add(Category.BODY, "$", new MatchingRule.Values())
            .add(Category.BODY, "$.*", MatchingRule.Type.any())
            .build();
    assertThat(
            requestBody(
                BASIC,
                rules,
                "{\"one\": \"\", \"three\": \"b\", \"four\": \"c\", \"five\": \"100\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    BASIC,
                    rules,
                    "{\"one\": \"\", \"two\": \"b\", \"three\": \"c\", \"four\": 100}")))
        .containsExactly("$.four -> Expected 100 (Integer) to be the same type as 'a' (String)");
  }

  @Test
  void valuesMatcherDoesNotCascadeToTheValues() {
    var rules = bodyRule("$", new MatchingRule.Values());
    assertThat(described(requestBody(BASIC, rules, "{\"x\": \"a\", \"one\": \"z\"}")))
        .containsExactly("$.one -> Expected 'z' (String) to be equal to 'a' (String)");
  }

  @Test
  void belowAValuesMatcherTheRuleOfAnAncestorStillCascades() {
    var rules =
        MatchingRules.builder()
            .add(Category.BODY, "$", MatchingRule.Type.any())
            .add(Category.BODY, "$.map", new MatchingRule.Values())
            .build();
    assertThat(requestBody("{\"map\": {\"a\": 1}}", rules, "{\"map\": {\"b\": 2, \"c\": 3}}"))
        .isEmpty();
    assertThat(described(requestBody("{\"map\": {\"a\": 1}}", rules, "{\"map\": {\"b\": \"2\"}}")))
        .containsExactly("$.map.b -> Expected '2' (String) to be the same type as 1 (Integer)");
  }

  @Test
  void longValuesAreCutInMessages() {
    String longText = "x".repeat(5_000);
    List<Mismatch> m = responseBody("{\"a\": \"b\"}", NONE, "{\"a\": \"" + longText + "\"}");
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.description()).hasSizeLessThan(1_100).contains("...");
              assertThat(x.actual()).hasSizeLessThan(600);
            });
  }

  @Test
  void eachKeyAppliesItsRulesToEveryActualKey() {
    var rules =
        bodyRule(
            "$",
            new MatchingRule.EachKey(
                List.of(new MatchingRule.Regex("[a-z]+")),
                dev.accord.pact.json.Json.nodes().stringNode("one")));
    assertThat(
            requestBody(
                BASIC,
                rules,
                "{\"one\": \"a\", \"two\": \"b\", \"three\": \"c\", \"four\": \"d\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    BASIC,
                    rules,
                    "{\"one\": \"a\", \"two\": \"b\", \"three\": \"c\", \"100\": \"d\"}")))
        .containsExactly("$[100] -> Expected '100' to match '[a-z]+'");
  }

  @Test
  void eachValueAppliesItsRulesToEveryActualValue() {
    var rules =
        bodyRule(
            "$",
            new MatchingRule.EachValue(
                List.of(new MatchingRule.Regex("[a-z]+")),
                dev.accord.pact.json.Json.nodes().stringNode("one")));
    assertThat(
            requestBody(
                BASIC,
                rules,
                "{\"one\": \"a\", \"three\": \"b\", \"four\": \"c\", \"five\": \"d\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    BASIC,
                    rules,
                    "{\"one\": \"x\", \"two\": \"b\", \"three\": \"c\", \"four\": \"100\"}")))
        .containsExactly("$.four -> Expected '100' to match '[a-z]+'");
  }

  @Test
  void eachValueOnAnArrayChecksEveryElement() {
    var rules =
        bodyRule(
            "$.tags", new MatchingRule.EachValue(List.of(new MatchingRule.Regex("[a-z]+")), null));
    assertThat(responseBody("{\"tags\": [\"a\"]}", rules, "{\"tags\": [\"x\", \"y\", \"z\"]}"))
        .isEmpty();
    assertThat(described(responseBody("{\"tags\": [\"a\"]}", rules, "{\"tags\": [\"x\", \"Y\"]}")))
        .containsExactly("$.tags[1] -> Expected 'Y' to match '[a-z]+'");
  }

  @Test
  void valuesAndEachValueOnAnObjectRefuseAnArray() {
    // GIVEN a values and an eachValue rule whose example is an object; WHEN an array arrives; THEN
    // a type mismatch
    var values = bodyRule("$.map", new MatchingRule.Values());
    assertThat(described(responseBody("{\"map\": {\"a\": 1}}", values, "{\"map\": [1]}")))
        .containsExactly(
            "$.map -> Type mismatch: Expected [1] (Array) to be the same type as {\"a\":1} (Object)");
    var eachValue =
        bodyRule("$.map", new MatchingRule.EachValue(List.of(MatchingRule.Type.any()), null));
    assertThat(
            described(responseBody("{\"map\": {\"a\": \"1\"}}", eachValue, "{\"map\": [\"1\"]}")))
        .containsExactly(
            "$.map -> Type mismatch: Expected [\"1\"] (Array) to be the same type as {\"a\":\"1\"} (Object)");
  }

  private static MatchingRules sirenRules() {
    Map<String, RuleList> variant0 =
        Map.of(
            "$.name", RuleList.of(new MatchingRule.Regex("add\\-item")),
            "$.method", RuleList.of(new MatchingRule.Regex("POST")),
            "$.*", RuleList.of(MatchingRule.Type.any()));
    Map<String, RuleList> variant1 =
        Map.of(
            "$.name", RuleList.of(new MatchingRule.Regex("delete\\-item")),
            "$.method", RuleList.of(new MatchingRule.Regex("DELETE")),
            "$.*", RuleList.of(MatchingRule.Type.any()));
    return bodyRule(
        "$.actions",
        new MatchingRule.ArrayContains(
            List.of(
                new MatchingRule.ArrayContains.Variant(0, variant0, null),
                new MatchingRule.ArrayContains.Variant(1, variant1, null))));
  }

  private static final String SIREN =
      "{\"actions\": ["
          + "{\"name\": \"add-item\", \"title\": \"Add Item\", \"method\": \"POST\", \"href\": \"http://api.x.io/orders/42/items\"},"
          + "{\"name\": \"delete-item\", \"title\": \"Delete Item\", \"method\": \"DELETE\", \"href\": \"http://api.x.io/orders/42/items\"}]}";

  @Test
  void arrayContainsFindsEachVariantInAnyOrderAmongExtraElements() {
    String actual =
        "{\"actions\": ["
            + "{\"name\": \"update\", \"title\": \"U\", \"method\": \"PUT\", \"href\": \"h\"},"
            + "{\"name\": \"delete-item\", \"title\": \"Remove\", \"method\": \"DELETE\", \"href\": \"h2\"},"
            + "{\"name\": \"add-item\", \"title\": \"Add\", \"method\": \"POST\", \"href\": \"h3\"}]}";
    assertThat(requestBody(SIREN, sirenRules(), actual)).isEmpty();
  }

  @Test
  void arrayContainsReportsTheMissingVariantWithSortedKeys() {
    String actual =
        "{\"actions\": ["
            + "{\"name\": \"add-item\", \"title\": \"Add Item\", \"method\": \"POST\", \"href\": \"http://api.x.io/orders/42/items\"},"
            + "{\"name\": \"update-item\", \"title\": \"Update Item\", \"method\": \"PUT\", \"href\": \"http://api.x.io/orders/42/items\"}]}";
    assertThat(described(requestBody(SIREN, sirenRules(), actual)))
        .containsExactly(
            "$.actions -> Variant at index 1 ({\"href\":\"http://api.x.io/orders/42/items\",\"method\":\"DELETE\","
                + "\"name\":\"delete-item\",\"title\":\"Delete Item\"}) was not found in the actual list");
  }

  private static MatchingRule ignoreOrder(Integer min) {
    return new MatchingRule.Other(
        "ignore-order",
        min == null ? null : Map.of("min", dev.accord.pact.json.Json.nodes().numberNode(min)));
  }

  @Test
  void pactJvmIgnoreOrderAcceptsTheSameElementsInAnyOrder() {
    var rules = bodyRule("$.ids", ignoreOrder(null));
    assertThat(responseBody("{\"ids\": [1, 2, 3]}", rules, "{\"ids\": [3, 1, 2]}")).isEmpty();
    assertThat(described(responseBody("{\"ids\": [1, 2, 3]}", rules, "{\"ids\": [3, 1, 4]}")))
        .containsExactly(
            "$.ids -> Expected [1, 2, 3] to match [3, 1, 4] ignoring order of elements");
    assertThat(described(responseBody("{\"ids\": [1, 2]}", rules, "{\"ids\": [2, 1, 1]}")))
        .containsExactly("$.ids -> Expected a List with 2 elements but received 3 elements");
  }

  @Test
  void pactJvmIgnoreOrderPairsElementsWithoutReusingOne() {
    var rules =
        MatchingRules.builder()
            .add(Category.BODY, "$.a", ignoreOrder(1))
            .add(Category.BODY, "$.a[*].n", new MatchingRule.Regex("x|y"))
            .build();
    String expected = "{\"a\": [{\"n\": \"x\"}, {\"n\": \"y\", \"k\": 1}]}";
    assertThat(responseBody(expected, rules, "{\"a\": [{\"n\": \"y\", \"k\": 1}, {\"n\": \"x\"}]}"))
        .isEmpty();
    // both expected elements fit only the first actual one: it cannot be used twice
    assertThat(responseBody(expected, rules, "{\"a\": [{\"n\": \"y\", \"k\": 1}, {\"n\": \"z\"}]}"))
        .hasSize(1);
    assertThat(described(responseBody(expected, rules, "{\"a\": []}")))
        .contains("$.a -> Expected [] (size 0) to have minimum size of 1");
  }

  @Test
  void mostSpecificRuleWinsOverAWildcard() {
    var rules =
        MatchingRules.builder()
            .add(Category.BODY, "$.items[*].id", MatchingRule.Type.any())
            .add(Category.BODY, "$.items[1].id", new MatchingRule.Equality())
            .build();
    String expected = "{\"items\": [{\"id\": 1}, {\"id\": 2}]}";
    assertThat(
            described(responseBody(expected, rules, "{\"items\": [{\"id\": 10}, {\"id\": 20}]}")))
        .containsExactly("$.items[1].id -> Expected 20 (Integer) to be equal to 2 (Integer)");
  }

  @Test
  void invalidPathExpressionIsReportedNotThrown() {
    List<Mismatch> m = responseBody(BASIC, bodyRule("$.one[", MatchingRule.Type.any()), BASIC);
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> assertThat(x.description()).contains("Invalid body path expression '$.one['"));
  }
}
