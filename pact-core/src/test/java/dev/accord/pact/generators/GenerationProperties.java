package dev.accord.pact.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.generators.internal.RegexValues;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GenerationProperties {
  private static final HttpResponse RESPONSE = HttpResponse.of(200)
      .withHeaders(java.util.Map.of("X-Id", java.util.List.of("x")))
      .withBody(Body.json(Json.parse("{\"a\": 0, \"b\": [\"x\", \"y\"], \"c\": \"z\", \"d\": 0, \"e\": true}")))
      .withGenerators(Generators.empty()
          .with(Category.STATUS, "", new Generator.RandomInt(200, 299))
          .with(Category.HEADER, "X-Id", new Generator.Uuid("simple"))
          .with(Category.BODY, "$.a", new Generator.RandomInt(-1000, 1000))
          .with(Category.BODY, "$.b[*]", new Generator.Regex("[a-f]{2,6}\\d?"))
          .with(Category.BODY, "$.c", new Generator.RandomHexadecimal(10))
          .with(Category.BODY, "$.d", new Generator.RandomDecimal(5))
          .with(Category.BODY, "$.e", new Generator.RandomBoolean()));

  @Property(tries = 200)
  void the_same_seed_always_gives_the_same_response(@ForAll long seed) {
    HttpResponse first = Generation.generateResponse(RESPONSE, GeneratorContext.consumer("http://m", seed));
    HttpResponse second = Generation.generateResponse(RESPONSE, GeneratorContext.consumer("http://m", seed));
    assertThat(second).isEqualTo(first);
    assertThat(first.status()).isBetween(200, 299);
    assertThat(first.body().asJson().get("b").get(1).asString()).matches("[a-f]{2,6}\\d?");
  }

  @Property(tries = 300)
  void regex_values_always_match_their_regex(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 5) int which) {
    String[] regexes = {"\\d{1,8}", "[A-Z][a-z]+( [A-Z][a-z]+)*", "(GET|POST|PUT)", "\\w+@\\w+\\.(com|org)",
        "[^aeiou\\s]{4}", "v\\d+\\.\\d+\\.\\d+(-rc\\d)?"};
    assertThat(RegexValues.generate(regexes[which], new Random(seed))).matches(regexes[which]);
  }

  @Example
  void neighbouring_seeds_do_not_give_neighbouring_values() {
    long distinct = java.util.stream.LongStream.range(0, 20)
        .mapToObj(seed -> Generation.generateResponse(RESPONSE, GeneratorContext.consumer("http://m", seed))
            .body().asJson().get("e").booleanValue())
        .distinct().count();
    assertThat(distinct).isEqualTo(2);
  }
}
