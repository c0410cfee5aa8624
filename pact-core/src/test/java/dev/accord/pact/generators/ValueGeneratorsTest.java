package dev.accord.pact.generators;

import static dev.accord.pact.generators.GeneratedValues.consumer;
import static dev.accord.pact.generators.GeneratedValues.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.model.Generator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ValueGeneratorsTest {

  @Test
  void randomIntStaysWithinMinAndMaxInclusiveAndReachesBoth() {
    Set<Integer> seen = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      JsonNode v = value(new Generator.RandomInt(3, 5), consumer(seed));
      assertThat(v.isInt()).isTrue();
      seen.add(v.intValue());
    }
    assertThat(seen).containsExactlyInAnyOrder(3, 4, 5);
  }

  @Test
  void randomIntWithMinAboveMaxFailsNamingBoth() {
    assertThatThrownBy(() -> value(new Generator.RandomInt(10, 1), consumer(1)))
        .isInstanceOf(GeneratorException.class)
        .hasMessage(
            "Cannot generate body $.v with RandomInt generator (min 10, max 1): 'min' (10) is greater than"
                + " 'max' (1)");
  }

  @Test
  void randomDecimalHasTheRequestedNumberOfDigitsAndAFraction() {
    for (long seed = 0; seed < 50; seed++) {
      JsonNode v = value(new Generator.RandomDecimal(6), consumer(seed));
      assertThat(v.isNumber()).isTrue();
      String text = v.decimalValue().toPlainString();
      assertThat(text).matches("[1-9]\\d*\\.\\d*[1-9]");
      assertThat(text.replace(".", "")).hasSize(6);
    }
  }

  @Test
  void randomHexadecimalAndRandomStringHaveTheRequestedLength() {
    assertThat(value(new Generator.RandomHexadecimal(12), consumer(4)).asString())
        .matches("[0-9a-f]{12}");
    assertThat(value(new Generator.RandomString(20), consumer(4)).asString())
        .matches("[A-Za-z0-9]{20}");
  }

  @Test
  void uuidFormats() {
    String hex = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    assertThat(value(new Generator.Uuid(null), consumer(1)).asString()).matches(hex);
    assertThat(value(new Generator.Uuid("lower-case-hyphenated"), consumer(1)).asString())
        .matches(hex);
    assertThat(value(new Generator.Uuid("upper-case-hyphenated"), consumer(1)).asString())
        .matches(hex.toUpperCase().replace("A-F", "A-F"));
    assertThat(value(new Generator.Uuid("simple"), consumer(1)).asString()).matches("[0-9a-f]{32}");
    assertThat(value(new Generator.Uuid("URN"), consumer(1)).asString()).matches("urn:uuid:" + hex);
  }

  @Test
  void unknownUuidFormatListsTheValidOnes() {
    assertThatThrownBy(() -> value(new Generator.Uuid("braces"), consumer(1)))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining(
            "unknown UUID format 'braces'; use one of simple, lower-case-hyphenated (the default),"
                + " upper-case-hyphenated, URN");
  }

  @Test
  void randomBooleanGivesBothValuesOverSeeds() {
    Set<Boolean> seen = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      JsonNode v = value(new Generator.RandomBoolean(), consumer(seed));
      assertThat(v.isBoolean()).isTrue();
      seen.add(v.booleanValue());
    }
    assertThat(seen).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void regexGeneratorProducesAFullMatch() {
    String regex = "\\d{3}-[A-Z]{2}(x|y)?";
    for (long seed = 0; seed < 30; seed++) {
      assertThat(value(new Generator.Regex(regex), consumer(seed)).asString()).matches(regex);
    }
  }

  @Test
  void dateTimeAndDatetimeDefaultFormatsComeFromTheContextClock() {
    assertThat(value(new Generator.Date(null, null), consumer(1)).asString())
        .isEqualTo("2026-03-14");
    assertThat(value(new Generator.Time(null, null), consumer(1)).asString()).isEqualTo("15:09:26");
    assertThat(value(new Generator.DateTime(null, null), consumer(1)).asString())
        .isEqualTo("2026-03-14T15:09:26.535Z");
  }

  @Test
  void dateGeneratorsApplyFormatAndExpression() {
    assertThat(value(new Generator.Date("dd/MM/yyyy", "today + 1 day"), consumer(1)).asString())
        .isEqualTo("15/03/2026");
    assertThat(value(new Generator.Time("HH:mm", "noon + 90 minutes"), consumer(1)).asString())
        .isEqualTo("13:30");
    assertThat(
            value(
                    new Generator.DateTime(
                        "yyyy-MM-dd'T'HH:mm:ss", "tomorrow @ midnight + 2 hours"),
                    consumer(1))
                .asString())
        .isEqualTo("2026-03-15T02:00:00");
  }

  @Test
  void invalidDateFormatNamesThePattern() {
    assertThatThrownBy(() -> value(new Generator.Date("yyyy-MM-dd-qqqqqq", null), consumer(1)))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining(
            "the format 'yyyy-MM-dd-qqqqqq' is not a valid java.time DateTimeFormatter pattern");
  }

  @Test
  void invalidDateExpressionNamesTheWordAndWhatWasExpected() {
    assertThatThrownBy(() -> value(new Generator.Date(null, "today + 1 fortnite"), consumer(1)))
        .isInstanceOf(GeneratorException.class)
        .hasMessage(
            "Cannot generate body $.v with Date generator (expression 'today + 1 fortnite'): in the expression"
                + " 'today + 1 fortnite', expected a date unit (day, week, fortnight, month, year) but found 'fortnite'");
  }

  @Test
  void anUnknownGeneratorTypeFailsInsteadOfKeepingTheExample() {
    assertThatThrownBy(() -> value(new Generator.Other("Plugin", java.util.Map.of()), consumer(1)))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("the generator type 'Plugin' is not supported by Accord");
  }
}
