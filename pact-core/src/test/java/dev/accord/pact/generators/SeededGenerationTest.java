package dev.accord.pact.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.generators.internal.RegexValues;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomness is reproducible from the seed, over many seeds, and neighbouring seeds do not give
 * neighbouring values.
 */
class SeededGenerationTest {
  private static final HttpResponse RESPONSE =
      HttpResponse.of(200)
          .withHeaders(Map.of("X-Id", List.of("x")))
          .withBody(
              Body.json(
                  Json.parse(
                      "{\"a\": 0, \"b\": [\"x\", \"y\"], \"c\": \"z\", \"d\": 0, \"e\": true}")))
          .withGenerators(
              Generators.empty()
                  .with(Category.STATUS, "", new Generator.RandomInt(200, 299))
                  .with(Category.HEADER, "X-Id", new Generator.Uuid("simple"))
                  .with(Category.BODY, "$.a", new Generator.RandomInt(-1000, 1000))
                  .with(Category.BODY, "$.b[*]", new Generator.Regex("[a-f]{2,6}\\d?"))
                  .with(Category.BODY, "$.c", new Generator.RandomHexadecimal(10))
                  .with(Category.BODY, "$.d", new Generator.RandomDecimal(5))
                  .with(Category.BODY, "$.e", new Generator.RandomBoolean()));

  @Test
  void theSameSeedAlwaysGivesTheSameResponse() {
    long[] seeds = new Random(99).longs(200).toArray();
    for (long seed : seeds) {
      HttpResponse first =
          Generation.generateResponse(RESPONSE, GeneratorContext.consumer("http://m", seed));
      HttpResponse second =
          Generation.generateResponse(RESPONSE, GeneratorContext.consumer("http://m", seed));
      assertThat(second).as("seed %d", seed).isEqualTo(first);
      assertThat(first.status()).isBetween(200, 299);
      assertThat(first.body().asJson().get("b").get(1).asString()).matches("[a-f]{2,6}\\d?");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\d{1,8}",
        "[A-Z][a-z]+( [A-Z][a-z]+)*",
        "(GET|POST|PUT)",
        "\\w+@\\w+\\.(com|org)",
        "[^aeiou\\s]{4}",
        "v\\d+\\.\\d+\\.\\d+(-rc\\d)?"
      })
  void regex_values_match_their_regex_over_many_seeds(String regex) {
    for (long seed = 0; seed < 300; seed++) {
      assertThat(RegexValues.generate(regex, new Random(seed))).matches(regex);
    }
  }

  @Test
  void neighbouringSeedsDoNotGiveNeighbouringValues() {
    long distinct =
        LongStream.range(0, 20)
            .mapToObj(
                seed ->
                    Generation.generateResponse(
                            RESPONSE, GeneratorContext.consumer("http://m", seed))
                        .body()
                        .asJson()
                        .get("e")
                        .booleanValue())
            .distinct()
            .count();
    assertThat(distinct).isEqualTo(2);
  }
}
