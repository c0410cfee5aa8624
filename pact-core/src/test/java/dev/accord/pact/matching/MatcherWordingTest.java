package dev.accord.pact.matching;

import static dev.accord.pact.matching.MatchingFixtures.bodyRule;
import static dev.accord.pact.matching.MatchingFixtures.described;
import static dev.accord.pact.matching.MatchingFixtures.requestBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.model.MatchingRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each matcher, positive and negative, pinning the compatibility suite's wording (spec section
 * 6.7).
 */
class MatcherWordingTest {

  private static final String BASIC = "{\"one\": \"a\", \"two\": \"b\"}";

  @Test
  void equalityReportsActualThenExpectedWithTypes() {
    List<Mismatch> m =
        requestBody(
            BASIC,
            bodyRule("$.one", new MatchingRule.Equality()),
            "{\"one\": \"a\", \"two\": \"c\"}");
    assertThat(described(m))
        .containsExactly("$.two -> Expected 'c' (String) to be equal to 'b' (String)");
    assertThat(m.get(0).type()).isEqualTo(MismatchType.BODY);
    assertThat(m.get(0).expected()).isEqualTo("\"b\"");
    assertThat(m.get(0).actual()).isEqualTo("\"c\"");
  }

  @Test
  void regexMustMatchTheWholeValue() {
    MatchingRule regex = new MatchingRule.Regex("\\w{3}\\d{3}");
    assertThat(
            requestBody(BASIC, bodyRule("$.one", regex), "{\"one\": \"HHH123\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(described(requestBody(BASIC, bodyRule("$.one", regex), BASIC)))
        .containsExactly("$.one -> Expected 'a' to match '\\w{3}\\d{3}'");
    assertThat(
            requestBody(BASIC, bodyRule("$.one", regex), "{\"one\": \"xHHH123x\", \"two\": \"b\"}"))
        .hasSize(1);
  }

  @Test
  void regexOnANumberUsesItsTextAndNullFails() {
    MatchingRule regex = new MatchingRule.Regex("\\d+");
    assertThat(requestBody("{\"n\": 1}", bodyRule("$.n", regex), "{\"n\": 123}")).isEmpty();
    assertThat(described(requestBody("{\"n\": 1}", bodyRule("$.n", regex), "{\"n\": null}")))
        .containsExactly("$.n -> Expected null to match '\\d+'");
  }

  @Test
  void regexThatDoesNotCompileIsAMismatchNamingTheRegex() {
    List<Mismatch> m = requestBody(BASIC, bodyRule("$.one", new MatchingRule.Regex("(")), BASIC);
    assertThat(m)
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.description())
                    .isEqualTo(
                        "The regex rule's regular expression '(' cannot be read (Unclosed group); fix the regex matcher in"
                            + " the pact"));
  }

  @Test
  void typeMatcherComparesJsonTypes() {
    MatchingRule type = MatchingRule.Type.any();
    assertThat(requestBody(BASIC, bodyRule("$.one", type), "{\"one\": \"HHH123\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", type), "{\"one\": 100, \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected 100 (Integer) to be the same type as 'a' (String)");
  }

  @Test
  void typeMatcherTreatsAllNumbersAsOneType() {
    assertThat(requestBody("{\"n\": 1}", bodyRule("$.n", MatchingRule.Type.any()), "{\"n\": 1.5}"))
        .isEmpty();
  }

  @Test
  void includeLooksForASubstring() {
    MatchingRule include = new MatchingRule.Include("a");
    assertThat(requestBody(BASIC, bodyRule("$.one", include), "{\"one\": \"cat\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", include), "{\"one\": \"dog\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected 'dog' to include 'a'");
  }

  @Test
  void numberAcceptsIntegersAndDecimalsButNotStringsInBodies() {
    MatchingRule number = new MatchingRule.NumberType();
    assertThat(requestBody(BASIC, bodyRule("$.one", number), "{\"one\": 100, \"two\": \"b\"}"))
        .isEmpty();
    assertThat(requestBody(BASIC, bodyRule("$.one", number), "{\"one\": 100.01, \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", number), "{\"one\": true, \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected true (Boolean) to be a number");
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", number), "{\"one\": \"100X01\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '100X01' (String) to be a number");
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", number), "{\"one\": \"100\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '100' (String) to be a number");
  }

  @Test
  void integerRejectsArraysDecimalsAndStrings() {
    MatchingRule integer = new MatchingRule.IntegerType();
    assertThat(requestBody(BASIC, bodyRule("$.one", integer), "{\"one\": 100, \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", integer), "{\"one\": [], \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected [] (Array) to be an integer");
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", integer), "{\"one\": 100.1, \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected 100.1 (Decimal) to be an integer");
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", integer), "{\"one\": \"100\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '100' (String) to be an integer");
  }

  @Test
  void decimalNeedsDigitsAfterThePoint() {
    MatchingRule decimal = new MatchingRule.DecimalType();
    assertThat(
            requestBody(BASIC, bodyRule("$.one", decimal), "{\"one\": 100.1234, \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", decimal), "{\"one\": null, \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected null (Null) to be a decimal number");
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", decimal), "{\"one\": 100, \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected 100 (Integer) to be a decimal number");
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", decimal), "{\"one\": \"100.1234\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '100.1234' (String) to be a decimal number");
  }

  @Test
  void nullMatcherRequiresNull() {
    MatchingRule nul = new MatchingRule.Null();
    assertThat(requestBody(BASIC, bodyRule("$.one", nul), "{\"one\": null, \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", nul), "{\"one\": \"\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '' (String) to be a null value");
  }

  @Test
  void dateMatcherUsesTheDateTimeFormatterPattern() {
    MatchingRule date = new MatchingRule.Date("yyyy-MM-dd");
    assertThat(
            requestBody(
                BASIC, bodyRule("$.one", date), "{\"one\": \"2023-07-19\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", date), "{\"one\": \"23/07/19\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '23/07/19' to match a date pattern of 'yyyy-MM-dd'");
  }

  @Test
  void dateAndTimeMatchersRefuseValuesThatOnlyALenientResolverWouldRepair() {
    // GIVEN a date and a time rule; WHEN the actual day or hour does not exist; THEN a mismatch (as
    // pact verifier)
    MatchingRule date = new MatchingRule.Date("yyyy-MM-dd");
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", date), "{\"one\": \"2024-02-30\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '2024-02-30' to match a date pattern of 'yyyy-MM-dd'");
    assertThat(
            requestBody(
                BASIC, bodyRule("$.one", date), "{\"one\": \"2024-02-29\", \"two\": \"b\"}"))
        .isEmpty();
    MatchingRule time = new MatchingRule.Time("HH:mm:ss");
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", time), "{\"one\": \"24:00:00\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '24:00:00' to match a time pattern of 'HH:mm:ss'");
    MatchingRule quotedY = new MatchingRule.Timestamp("'y'yy-MM-dd'T'HH:mm");
    assertThat(
            requestBody(
                BASIC,
                bodyRule("$.one", quotedY),
                "{\"one\": \"y24-01-31T10:00\", \"two\": \"b\"}"))
        .isEmpty();
  }

  @Test
  void dateMatcherDefaultsToIsoDate() {
    MatchingRule date = new MatchingRule.Date(null);
    assertThat(
            requestBody(
                BASIC, bodyRule("$.one", date), "{\"one\": \"2023-07-19\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            requestBody(
                BASIC, bodyRule("$.one", date), "{\"one\": \"2023-13-45\", \"two\": \"b\"}"))
        .hasSize(1);
  }

  @Test
  void timeMatcherDefaultsToHoursMinutesSeconds() {
    MatchingRule time = new MatchingRule.Time(null);
    assertThat(
            requestBody(BASIC, bodyRule("$.one", time), "{\"one\": \"22:04:59\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(BASIC, bodyRule("$.one", time), "{\"one\": \"10pm\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '10pm' to match a time pattern of 'HH:mm:ss'");
  }

  @Test
  void datetimeMatcherWithAFormat() {
    MatchingRule ts = new MatchingRule.Timestamp("yyyy-MM-dd'T'HH:mm:ss");
    assertThat(
            requestBody(
                BASIC, bodyRule("$.one", ts), "{\"one\": \"2023-07-19T10:11:12\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(
                    BASIC, bodyRule("$.one", ts), "{\"one\": \"2023-07-19\", \"two\": \"b\"}")))
        .containsExactly(
            "$.one -> Expected '2023-07-19' to match a datetime pattern of 'yyyy-MM-dd'T'HH:mm:ss'");
  }

  @Test
  void datetimeMatcherWithoutFormatAcceptsIsoDateTimes() {
    MatchingRule ts = new MatchingRule.Timestamp(null);
    assertThat(
            requestBody(
                BASIC,
                bodyRule("$.one", ts),
                "{\"one\": \"2023-07-19T10:11:12.345+02:00\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            requestBody(BASIC, bodyRule("$.one", ts), "{\"one\": \"yesterday\", \"two\": \"b\"}"))
        .hasSize(1);
  }

  @Test
  void invalidDateFormatIsReportedAsAPactProblem() {
    List<Mismatch> m =
        requestBody(
            BASIC,
            bodyRule("$.one", new MatchingRule.Date("yyyy-qqqq-bbb")),
            "{\"one\": \"2023-07-19\", \"two\": \"b\"}");
    assertThat(m)
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.description())
                    .startsWith(
                        "The date format 'yyyy-qqqq-bbb' is not a valid DateTimeFormatter pattern"));
  }

  @Test
  void booleanMatcherAcceptsBooleansAndTheirStringForm() {
    MatchingRule bool = new MatchingRule.BooleanType();
    String expected = "{\"one\": true, \"two\": \"b\"}";
    assertThat(requestBody(expected, bodyRule("$.one", bool), "{\"one\": false, \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            requestBody(expected, bodyRule("$.one", bool), "{\"one\": \"false\", \"two\": \"b\"}"))
        .isEmpty();
    assertThat(
            described(
                requestBody(expected, bodyRule("$.one", bool), "{\"one\": \"\", \"two\": \"b\"}")))
        .containsExactly("$.one -> Expected '' (String) to match a boolean");
  }

  @Test
  void notEmptyRejectsEmptyStringsAndArrays() {
    MatchingRule notEmpty = new MatchingRule.NotEmpty();
    var rules =
        dev.accord.pact.model.MatchingRules.builder()
            .add(dev.accord.pact.model.Category.BODY, "$.one", notEmpty)
            .add(dev.accord.pact.model.Category.BODY, "$.two", notEmpty)
            .build();
    String expected = "{\"one\": \"a\", \"two\": [\"b\"]}";
    assertThat(requestBody(expected, rules, "{\"one\": \"cat\", \"two\": [\"rat\"]}")).isEmpty();
    assertThat(described(requestBody(expected, rules, "{\"one\": \"\", \"two\": []}")))
        .containsExactly(
            "$.one -> Expected '' (String) to not be empty",
            "$.two -> Expected [] (Array) to not be empty");
  }

  @Test
  void notEmptyStillChecksTheType() {
    var rules = bodyRule("$.two", new MatchingRule.NotEmpty());
    assertThat(
            described(
                requestBody(
                    "{\"one\": \"a\", \"two\": [\"b\"]}",
                    rules,
                    "{\"one\": \"a\", \"two\": \"b\"}")))
        .containsExactly(
            "$.two -> Type mismatch: Expected 'b' (String) to be the same type as [\"b\"] (Array)");
  }

  @Test
  void semverRequiresThreeNumbers() {
    var rules = bodyRule("$.*", new MatchingRule.Semver());
    assertThat(requestBody(BASIC, rules, "{\"one\": \"1.0.0\", \"two\": \"2.0.0-rc.1+build.5\"}"))
        .isEmpty();
    assertThat(described(requestBody(BASIC, rules, "{\"one\": \"1.0\", \"two\": \"1.0abc\"}")))
        .containsExactly(
            "$.one -> '1.0' is not a valid semantic version",
            "$.two -> '1.0abc' is not a valid semantic version");
  }

  @Test
  void unknownMatcherIsAMismatchSayingItIsNotSupported() {
    var rules = bodyRule("$.one", new MatchingRule.Other("protobuf-thing", null));
    List<Mismatch> m = requestBody(BASIC, rules, BASIC);
    assertThat(m)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.path()).isEqualTo("$.one");
              assertThat(x.description())
                  .startsWith("The matcher 'protobuf-thing' is not supported by Accord");
            });
  }

  @Test
  void orCombinationPassesWhenOneRulePasses() {
    var rules =
        dev.accord.pact.model.MatchingRules.builder()
            .add(
                dev.accord.pact.model.Category.BODY,
                "$.one",
                new dev.accord.pact.model.RuleList(
                    List.of(new MatchingRule.IntegerType(), new MatchingRule.Null()),
                    dev.accord.pact.model.RuleLogic.OR))
            .build();
    assertThat(requestBody("{\"one\": 1}", rules, "{\"one\": null}")).isEmpty();
    assertThat(requestBody("{\"one\": 1}", rules, "{\"one\": 7}")).isEmpty();
    assertThat(described(requestBody("{\"one\": 1}", rules, "{\"one\": \"x\"}")))
        .containsExactly(
            "$.one -> Expected 'x' (String) to be an integer",
            "$.one -> Expected 'x' (String) to be a null value");
  }

  @Test
  void andCombinationReportsEveryFailingRule() {
    var rules =
        dev.accord.pact.model.MatchingRules.builder()
            .add(
                dev.accord.pact.model.Category.BODY,
                "$.one",
                new MatchingRule.Regex("[a-z]+"),
                new MatchingRule.Include("x"))
            .build();
    assertThat(described(requestBody(BASIC, rules, "{\"one\": \"A1\", \"two\": \"b\"}")))
        .containsExactly(
            "$.one -> Expected 'A1' to match '[a-z]+'", "$.one -> Expected 'A1' to include 'x'");
  }
}
