package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.PactSpecification;
import org.junit.jupiter.api.Test;

class FragmentJsonTest {

  @Test
  void matchingRulesRoundTripInV3AndV4AndDetectV2ByShape() {
    MatchingRules rules =
        MatchingRules.builder()
            .add(Category.BODY, "$.when", new MatchingRule.Timestamp("yyyy-MM-dd"))
            .add(Category.HEADER, "X-Id", new MatchingRule.Regex("\\d+"))
            .add(Category.PATH, "", new MatchingRule.Regex("/a/.*"))
            .build();

    for (PactSpecification version :
        new PactSpecification[] {
          PactSpecification.V2, PactSpecification.V3, PactSpecification.V4
        }) {
      var json = MatchingRulesJson.write(rules, version);
      assertThat(MatchingRulesJson.read(json, version, "fragment"))
          .as(version.name())
          .isEqualTo(rules);
    }
    assertThat(MatchingRulesJson.write(rules, PactSpecification.V2).propertyNames())
        .containsExactly("$.path", "$.headers['X-Id']", "$.body.when");
    assertThat(MatchingRulesJson.write(rules, PactSpecification.V3).toString())
        .contains("\"timestamp\"");
    assertThat(MatchingRulesJson.write(rules, PactSpecification.V4).toString())
        .contains("\"datetime\"");
  }

  @Test
  void fragmentErrorsArePathedFromTheFragmentRoot() {
    PactFormatException e =
        catchThrowableOfType(
            PactFormatException.class,
            () ->
                MatchingRulesJson.read(
                    Json.parse(
                        "{\"body\": {\"$.a\": {\"matchers\": [{\"match\": \"include\", \"value\": 3}]}}}"),
                    PactSpecification.V4,
                    "step 3"));

    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact step 3 at $.body['$.a'].matchers[0].value: expected a string but found a number (3)
          Valid form: {"match": "include", "value": "substring"}""");
  }

  @Test
  void generatorsRoundTrip() {
    Generators generators =
        Generators.empty()
            .with(Category.BODY, "$.id", new Generator.RandomInt(1, 9))
            .with(
                Category.PATH,
                "",
                new Generator.ProviderState("/a/${id}", Generator.DataType.STRING))
            .with(Category.HEADER, "X", new Generator.Uuid(null))
            .with(Category.STATUS, "", new Generator.RandomInt(200, 299));

    var json = GeneratorsJson.write(generators);

    assertThat(json.propertyNames()).containsExactly("path", "status", "header", "body");
    assertThat(GeneratorsJson.read(json, "fragment")).isEqualTo(generators);
  }

  @Test
  void generatorWithoutType() {
    PactFormatException e =
        catchThrowableOfType(
            PactFormatException.class,
            () ->
                GeneratorsJson.read(Json.parse("{\"body\": {\"$.a\": {\"min\": 1}}}"), "fixture"));

    assertThat(e.getMessage())
        .isEqualTo(
            """
        Invalid pact fixture at $.body['$.a'].type: the required attribute 'type' is missing
          Valid form: {"type": "RandomInt", "min": 1, "max": 10} (types: RandomInt, RandomDecimal, RandomHexadecimal, \
        RandomString, Regex, Uuid, Date, Time, DateTime, RandomBoolean, ProviderState, MockServerURL)""");
  }
}
