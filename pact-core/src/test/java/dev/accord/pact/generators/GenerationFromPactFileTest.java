package dev.accord.pact.generators;

import static dev.accord.pact.generators.GeneratedValues.FIXED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GIVEN a V4 pact as another Pact tool writes it, WHEN its generators run on each side, THEN the
 * values are filled in.
 */
class GenerationFromPactFileTest {
  private static final String PACT =
      """
      {
        "consumer": {"name": "web"}, "provider": {"name": "orders"},
        "interactions": [
          {
            "type": "Synchronous/HTTP", "description": "get an order",
            "providerStates": [{"name": "an order exists", "params": {"id": 42}}],
            "request": {
              "method": "GET", "path": "/orders/1",
              "query": {"at": ["2020-01-01"]},
              "headers": {"X-Trace": ["t"]},
              "generators": {
                "path": {"type": "ProviderState", "expression": "/orders/${id}", "dataType": "STRING"},
                "query": {"at": {"type": "Date", "format": "yyyy-MM-dd", "expression": "today + 1 day"}},
                "header": {"X-Trace": {"type": "Uuid"}}
              }
            },
            "response": {
              "status": 200,
              "headers": {"Content-Type": ["application/json"]},
              "body": {"content": {"id": 1, "self": "http://prod/orders/1", "lines": [{"sku": "a"}, {"sku": "b"}]},
                       "contentType": "application/json", "encoded": false},
              "generators": {
                "body": {
                  "$.id": {"type": "ProviderState", "expression": "id"},
                  "$.self": {"type": "MockServerURL", "example": "http://prod/orders/1", "regex": ".*(/orders/\\\\d+)$"},
                  "$.lines[*].sku": {"type": "RandomString", "size": 4}
                }
              }
            }
          },
          {
            "type": "Asynchronous/Messages", "description": "order shipped",
            "contents": {"content": {"order": 1, "at": "x"}, "contentType": "application/json", "encoded": false},
            "metadata": {"topic": "orders"},
            "generators": {
              "body": {"$.at": {"type": "DateTime", "format": "yyyy-MM-dd'T'HH:mm:ssXXX", "expression": "now @ noon"}},
              "metadata": {"topic": {"type": "Regex", "regex": "orders-[a-z]{3}"}}
            }
          }
        ],
        "metadata": {"pactSpecification": {"version": "4.0"}}
      }
      """;

  private final Pact pact = PactReader.read(PACT, "GenerationFromPactFileTest");
  private final HttpInteraction http = pact.httpInteractions().get(0);

  @Test
  void providerSidePreparesTheRequestFromTheProviderState() {
    Map<String, JsonNode> state = http.providerStates().get(0).params();
    HttpRequest request =
        Generation.generateRequest(
            http.request(),
            new GeneratorContext(GeneratorMode.PROVIDER, state, Optional.empty(), 5, FIXED));
    assertThat(request.path()).isEqualTo("/orders/42");
    assertThat(request.query()).containsEntry("at", List.of("2026-03-15"));
    assertThat(request.headers().get("X-Trace")).singleElement().asString().hasSize(36);
  }

  @Test
  void consumerSidePreparesTheResponseWithTheMockServerUrl() {
    HttpResponse response =
        Generation.generateResponse(
            http.response(),
            new GeneratorContext(
                GeneratorMode.CONSUMER, Map.of(), Optional.of("http://127.0.0.1:40123"), 5, FIXED));
    JsonNode body = response.body().asJson();
    assertThat(body.get("id")).isEqualTo(Json.parse("1"));
    assertThat(body.get("self").asString()).isEqualTo("http://127.0.0.1:40123/orders/1");
    assertThat(body.get("lines").get(0).get("sku").asString()).matches("[A-Za-z0-9]{4}");
    assertThat(body.get("lines").get(1).get("sku").asString()).matches("[A-Za-z0-9]{4}");
  }

  @Test
  void providerSideFillsTheExpectedResponseFromTheStateKeepingTheJsonType() {
    HttpResponse response =
        Generation.generateResponse(
            http.response(),
            new GeneratorContext(
                GeneratorMode.PROVIDER,
                Map.of("id", Json.parse("42")),
                Optional.empty(),
                5,
                FIXED));
    JsonNode body = response.body().asJson();
    assertThat(body.get("id")).isEqualTo(Json.parse("42"));
    assertThat(body.get("self").asString()).isEqualTo("http://prod/orders/1");
  }

  @Test
  void consumerSidePreparesAMessage() {
    MessageContents message = ((AsyncMessageInteraction) pact.interactions().get(1)).contents();
    MessageContents out =
        Generation.generateMessage(
            message, GeneratorContext.consumer("http://mock", 5).withClock(FIXED));
    assertThat(out.contents().asJson().get("at").asString()).isEqualTo("2026-03-14T12:00:00Z");
    assertThat(out.contents().asJson().get("order")).isEqualTo(Json.parse("1"));
    assertThat(out.metadata().get("topic").asString()).matches("orders-[a-z]{3}");
  }
}
