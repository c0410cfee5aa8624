package dev.accord.pact.generators;

import static dev.accord.pact.generators.GeneratedValues.consumer;
import static dev.accord.pact.generators.GeneratedValues.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MessageContents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GenerationTest {
  private static final Generator INT = new Generator.RandomInt(1, 1_000_000);

  private static HttpResponse jsonResponse(String json, Generators generators) {
    return HttpResponse.of(200).withBody(Body.json(Json.parse(json))).withGenerators(generators);
  }

  @Test
  void sameSeedGivesTheSameValuesAndAnotherSeedOtherValues() {
    HttpResponse response =
        jsonResponse(
            "{\"a\": 0, \"b\": \"x\", \"c\": \"y\"}",
            Generators.empty()
                .with(Category.BODY, "$.a", INT)
                .with(Category.BODY, "$.b", new Generator.Uuid(null))
                .with(Category.BODY, "$.c", new Generator.Regex("[a-z]{10}"))
                .with(Category.HEADER, "X-Id", new Generator.RandomString(16)));
    HttpResponse first = Generation.generateResponse(response, consumer(42));
    HttpResponse again = Generation.generateResponse(response, consumer(42));
    HttpResponse other = Generation.generateResponse(response, consumer(43));
    assertThat(again.body().asJson()).isEqualTo(first.body().asJson());
    assertThat(again.headers()).isEqualTo(first.headers());
    assertThat(other.body().asJson()).isNotEqualTo(first.body().asJson());
    assertThat(other.headers()).isNotEqualTo(first.headers());
  }

  @Test
  void thePactKeepsItsExamples() {
    HttpResponse response =
        jsonResponse("{\"a\": 0}", Generators.empty().with(Category.BODY, "$.a", INT));
    Generation.generateResponse(response, consumer(1));
    assertThat(response.body().asJson()).isEqualTo(Json.parse("{\"a\": 0}"));
  }

  @Test
  void jsonBodyPathsReachFieldsBracketsIndicesAndWildcards() {
    String body =
        "{\"items\": [{\"id\": 0, \"n\": \"k\"}, {\"id\": 0, \"n\": \"k\"}], \"odd key\": \"x\","
            + " \"first\": [\"a\", \"b\"], \"map\": {\"p\": \"q\", \"r\": \"s\"}, \"untouched\": \"u\"}";
    Generators gens =
        Generators.empty()
            .with(Category.BODY, "$.items[*].id", INT)
            .with(Category.BODY, "$['odd key']", new Generator.RandomHexadecimal(8))
            .with(Category.BODY, "$.first[0]", new Generator.RandomString(5))
            .with(Category.BODY, "$.map.*", new Generator.RandomBoolean())
            .with(Category.BODY, "$.missing.path", INT);
    JsonNode out =
        Generation.generateResponse(jsonResponse(body, gens), consumer(7)).body().asJson();
    assertThat(out.get("items").get(0).get("id").isInt()).isTrue();
    assertThat(out.get("items").get(0).get("id").intValue()).isNotZero();
    assertThat(out.get("items").get(1).get("id").intValue()).isNotZero();
    assertThat(out.get("items").get(0).get("n").asString()).isEqualTo("k");
    assertThat(out.get("odd key").asString()).matches("[0-9a-f]{8}");
    assertThat(out.get("first").get(0).asString()).matches("[A-Za-z0-9]{5}");
    assertThat(out.get("first").get(1).asString()).isEqualTo("b");
    assertThat(out.get("map").get("p").isBoolean()).isTrue();
    assertThat(out.get("map").get("r").isBoolean()).isTrue();
    assertThat(out.get("untouched").asString()).isEqualTo("u");
    assertThat(out.has("missing")).isFalse();
  }

  @Test
  void rootPathReplacesTheWholeJsonBody() {
    JsonNode out =
        Generation.generateResponse(
                jsonResponse("\"x\"", Generators.empty().with(Category.BODY, "$", INT)),
                consumer(3))
            .body()
            .asJson();
    assertThat(out.isInt()).isTrue();
  }

  @Test
  void anInvalidBodyPathIsReportedWithTheValidForms() {
    HttpResponse response =
        jsonResponse("{}", Generators.empty().with(Category.BODY, "$.a[x]", INT));
    assertThatThrownBy(() -> Generation.generateResponse(response, consumer(3)))
        .isInstanceOf(GeneratorException.class)
        .hasMessage(
            "Cannot generate body $.a[x] with RandomInt generator (min 1, max 1000000): Invalid body path"
                + " expression '$.a[x]' at position 3: '[x]' is neither an index, [*] nor a quoted name. Valid forms: $,"
                + " $.name, $['name with.dots'], $.items[0], $.items[*], $.*");
  }

  @Test
  void statusHeaderAndBodyOfAResponse() {
    HttpResponse response =
        HttpResponse.of(200)
            .withHeaders(Map.of("X-Count", List.of("0", "0")))
            .withGenerators(
                Generators.empty()
                    .with(Category.STATUS, "", new Generator.RandomInt(201, 299))
                    .with(Category.HEADER, "x-count", new Generator.RandomInt(1, 9))
                    .with(Category.HEADER, "X-New", new Generator.Uuid("simple")));
    HttpResponse out = Generation.generateResponse(response, consumer(11));
    assertThat(out.status()).isBetween(201, 299);
    assertThat(out.headers().get("X-Count")).hasSize(2).allMatch(v -> v.matches("[1-9]"));
    assertThat(out.headers().get("X-New")).singleElement().asString().matches("[0-9a-f]{32}");
  }

  @Test
  void aStatusGeneratorMustProduceAStatusCode() {
    HttpResponse response =
        HttpResponse.of(200)
            .withGenerators(
                Generators.empty().with(Category.STATUS, "", new Generator.RandomString(4)));
    assertThatThrownBy(() -> Generation.generateResponse(response, consumer(11)))
        .isInstanceOf(GeneratorException.class)
        .hasMessageStartingWith(
            "Cannot generate status with RandomString generator (size 4): the generated value '")
        .hasMessageEndingWith(
            "' is not an HTTP status code (an integer from 100 to 599); use e.g. a RandomInt"
                + " generator with min 200 and max 299");
  }

  @Test
  void methodPathAndQueryOfARequest() {
    HttpRequest request =
        HttpRequest.of("GET", "/items/1")
            .withQuery(Map.of("page", List.of("1")))
            .withGenerators(
                Generators.empty()
                    .with(Category.METHOD, "", new Generator.Regex("POST|PUT"))
                    .with(Category.PATH, "", new Generator.Regex("/items/\\d{4}"))
                    .with(Category.QUERY, "page", new Generator.RandomInt(2, 9))
                    .with(Category.QUERY, "size", new Generator.RandomInt(10, 10)));
    HttpRequest out = Generation.generateRequest(request, provider(Map.of(), 5));
    assertThat(out.method()).isIn("POST", "PUT");
    assertThat(out.path()).matches("/items/\\d{4}");
    assertThat(out.query().get("page")).singleElement().asString().matches("[2-9]");
    assertThat(out.query()).containsEntry("size", List.of("10"));
  }

  @Test
  void formUrlencodedBodiesAreGeneratedByParameterName() {
    HttpRequest request =
        HttpRequest.of("POST", "/form")
            .withHeaders(Map.of("Content-Type", List.of("application/x-www-form-urlencoded")))
            .withBody(Body.text("a=1&b=hello+world&c=3", ContentType.FORM))
            .withGenerators(
                Generators.empty()
                    .with(Category.BODY, "$.a", new Generator.RandomInt(100, 100))
                    .with(Category.BODY, "$['c']", new Generator.Regex("x y")));
    HttpRequest out = Generation.generateRequest(request, provider(Map.of(), 5));
    assertThat(out.body().asString()).isEqualTo("a=100&b=hello+world&c=x+y");
  }

  @Test
  void textBodiesAreGeneratedWholeAtTheRoot() {
    HttpResponse response =
        HttpResponse.of(200)
            .withBody(Body.text("hello", ContentType.TEXT))
            .withGenerators(
                Generators.empty().with(Category.BODY, "$", new Generator.Regex("bye \\d{2}")));
    assertThat(Generation.generateResponse(response, consumer(2)).body().asString())
        .matches("bye \\d{2}");
  }

  @Test
  void bodyGeneratorsOnAnXmlBodyAreRefusedWithTheSupportedTypes() {
    HttpResponse response =
        HttpResponse.of(200)
            .withBody(Body.bytes("<a>1</a>".getBytes(StandardCharsets.UTF_8), ContentType.XML))
            .withGenerators(Generators.empty().with(Category.BODY, "$.a", INT));
    assertThatThrownBy(() -> Generation.generateResponse(response, consumer(2)))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining(
            "body generators apply to JSON, application/x-www-form-urlencoded and text/plain bodies")
        .hasMessageContaining("but this body is 'application/xml'");
  }

  @Test
  void aMissingBodyStaysMissing() {
    HttpResponse response =
        HttpResponse.of(200).withGenerators(Generators.empty().with(Category.BODY, "$.a", INT));
    assertThat(Generation.generateResponse(response, consumer(2)).body().isMissing()).isTrue();
  }

  @Test
  void messageContentsAndMetadata() {
    MessageContents message =
        new MessageContents(
            Body.json(Json.parse("{\"id\": \"x\"}")),
            Map.of("key", Json.parse("\"k\""), "partition", Json.parse("0")),
            null,
            Generators.empty()
                .with(Category.BODY, "$.id", new Generator.Uuid(null))
                .with(Category.METADATA, "partition", new Generator.RandomInt(1, 3))
                .with(Category.METADATA, "traceId", new Generator.ProviderState("${trace}", null)));
    MessageContents out =
        Generation.generateMessage(message, provider(Map.of("trace", Json.parse("\"t-1\"")), 9));
    assertThat(out.contents().asJson().get("id").asString()).hasSize(36);
    assertThat(out.metadata().get("partition").intValue()).isBetween(1, 3);
    assertThat(out.metadata().get("traceId").asString()).isEqualTo("t-1");
    assertThat(out.metadata().get("key").asString()).isEqualTo("k");
  }

  @Test
  void withoutGeneratorsTheSameInstanceComesBack() {
    HttpRequest request = HttpRequest.of("GET", "/");
    assertThat(Generation.generateRequest(request, consumer(1))).isSameAs(request);
  }
}
