package dev.accord.pact.generators;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Test helper: the value one generator puts at {@code $.v} of a JSON response body. */
final class GeneratedValues {
  static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-14T15:09:26.535Z"), ZoneOffset.UTC);

  private GeneratedValues() {}

  static GeneratorContext consumer(long seed) {
    return new GeneratorContext(
        GeneratorMode.CONSUMER, Map.of(), Optional.of("http://localhost:9999"), seed, FIXED);
  }

  static GeneratorContext provider(Map<String, JsonNode> state, long seed) {
    return new GeneratorContext(GeneratorMode.PROVIDER, state, Optional.empty(), seed, FIXED);
  }

  static JsonNode value(Generator generator, GeneratorContext context) {
    return value(generator, context, "\"example\"");
  }

  static JsonNode value(Generator generator, GeneratorContext context, String exampleJson) {
    HttpResponse response =
        HttpResponse.of(200)
            .withBody(Body.json(Json.parse("{\"v\": " + exampleJson + "}")))
            .withGenerators(Generators.empty().with(Category.BODY, "$.v", generator));
    return Generation.generateResponse(response, context).body().asJson().get("v");
  }
}
