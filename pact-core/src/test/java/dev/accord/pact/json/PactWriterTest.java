package dev.accord.pact.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.internal.AccordVersion;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.SyncMessageInteraction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PactWriterTest {

  static HttpInteraction getProduct() {
    HttpRequest request =
        HttpRequest.of("GET", "/products/1")
            .withHeaders(Map.of("Accept", List.of("application/json")));
    HttpResponse response =
        HttpResponse.of(200)
            .withHeaders(Map.of("Content-Type", List.of("application/json")))
            .withBody(Body.json(Json.parse("{\"id\": 1, \"name\": \"Widget\"}")))
            .withMatchingRules(
                MatchingRules.builder()
                    .add(Category.BODY, "$.id", new MatchingRule.IntegerType())
                    .add(Category.BODY, "$.when", new MatchingRule.Timestamp("yyyy"))
                    .build());
    return new HttpInteraction(
        InteractionCommon.of(
            "get product 1",
            List.of(
                ProviderState.of("product 1 exists", Map.of("id", Json.nodes().numberNode(1))))),
        request,
        response);
  }

  static AsyncMessageInteraction productCreated() {
    return new AsyncMessageInteraction(
        InteractionCommon.of("product created", List.of()),
        MessageContents.of(Body.json(Json.parse("{\"id\": 7}")))
            .withMetadata(Map.of("topic", Json.nodes().stringNode("products"))));
  }

  @Test
  void writesV4InAFixedShape() {
    Pact pact = Pact.of("orders", "products", List.of(getProduct()));

    String json = PactWriter.toJson(pact, PactSpecification.V4);

    String key =
        dev.accord.pact.json.internal.InteractionKeys.compute(
            "get product 1", getProduct().providerStates());
    assertThat(json)
        .isEqualTo(
            """
        {
          "consumer": {
            "name": "orders"
          },
          "provider": {
            "name": "products"
          },
          "interactions": [
            {
              "type": "Synchronous/HTTP",
              "key": "%s",
              "description": "get product 1",
              "providerStates": [
                {
                  "name": "product 1 exists",
                  "params": {
                    "id": 1
                  }
                }
              ],
              "request": {
                "method": "GET",
                "path": "/products/1",
                "headers": {
                  "Accept": [
                    "application/json"
                  ]
                }
              },
              "response": {
                "status": 200,
                "headers": {
                  "Content-Type": [
                    "application/json"
                  ]
                },
                "body": {
                  "content": {
                    "id": 1,
                    "name": "Widget"
                  },
                  "contentType": "application/json",
                  "encoded": false
                },
                "matchingRules": {
                  "body": {
                    "$.id": {
                      "matchers": [
                        {
                          "match": "integer"
                        }
                      ],
                      "combine": "AND"
                    },
                    "$.when": {
                      "matchers": [
                        {
                          "match": "datetime",
                          "format": "yyyy"
                        }
                      ],
                      "combine": "AND"
                    }
                  }
                }
              },
              "pending": false
            }
          ],
          "metadata": {
            "accord": {
              "version": "%s"
            },
            "pactSpecification": {
              "version": "4.0"
            }
          }
        }
        """
                .formatted(key, AccordVersion.get()));
  }

  @Test
  void writesV3HttpWithStringHeadersAndTimestamp() {
    Pact pact = Pact.of("orders", "products", List.of(getProduct()));

    String json = PactWriter.toJson(pact, PactSpecification.V3);

    assertThat(json)
        .contains(
            "\"Accept\": \"application/json\"",
            "\"match\": \"timestamp\"",
            "\"version\": \"3.0.0\"")
        .doesNotContain("\"key\"", "\"type\"", "\"pending\"", "\"encoded\"");
    assertThat(Json.parse(json).get("interactions").get(0).get("response").get("body"))
        .isEqualTo(Json.parse("{\"id\": 1, \"name\": \"Widget\"}"));
  }

  @Test
  void writesAMessageOnlyPactAsAV3MessagePact() {
    Pact pact = Pact.of("billing", "orders", List.of(productCreated()));

    var json = Json.parse(PactWriter.toJson(pact, PactSpecification.V3));

    assertThat(json.has("interactions")).isFalse();
    assertThat(json.get("messages").get(0).get("contents")).isEqualTo(Json.parse("{\"id\": 7}"));
    assertThat(json.get("messages").get(0).get("metaData"))
        .isEqualTo(Json.parse("{\"topic\": \"products\"}"));
  }

  @Test
  void refusesV3ForSynchronousMessages() {
    SyncMessageInteraction rpc =
        new SyncMessageInteraction(
            InteractionCommon.of("price quote", List.of()),
            MessageContents.of(Body.text("q", null)),
            List.of(MessageContents.of(Body.text("10", null))));
    Pact pact = Pact.of("orders", "pricing", List.of(rpc));

    assertThatThrownBy(() -> PactWriter.toJson(pact, PactSpecification.V3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The pact between orders and pricing cannot be written as V3: V3 has no synchronous messages, "
                + "but it holds 1 ('price quote'). Write it as V4 (PactSpecification.V4) instead.");
  }

  @Test
  void refusesV3ForHttpMixedWithMessages() {
    Pact pact = Pact.of("orders", "products", List.<Interaction>of(getProduct(), productCreated()));

    assertThatThrownBy(() -> PactWriter.toJson(pact, PactSpecification.V3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The pact between orders and products cannot be written as V3: a V3 file holds either HTTP "
                + "interactions or messages, but this pact holds both. Write it as V4 (PactSpecification.V4), or split "
                + "it into an HTTP pact and a message pact.");
  }

  @Test
  void refusesVersionsItDoesNotWrite() {
    Pact pact = Pact.of("orders", "products", List.of());

    assertThatThrownBy(() -> PactWriter.toJson(pact, PactSpecification.V2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Accord writes pacts as V3 or V4, not V2; use PactSpecification.V4 (the default) or PactSpecification.V3");
  }

  @Test
  void computedKeysAreDeterministicAndDependOnDescriptionAndStates() {
    Pact pact = Pact.of("orders", "products", List.of(getProduct()));
    String key1 =
        Json.parse(PactWriter.toJson(pact, PactSpecification.V4))
            .get("interactions")
            .get(0)
            .get("key")
            .stringValue();
    String key2 =
        Json.parse(PactWriter.toJson(pact, PactSpecification.V4))
            .get("interactions")
            .get(0)
            .get("key")
            .stringValue();
    HttpInteraction otherState =
        getProduct()
            .withCommon(
                InteractionCommon.of(
                    "get product 1",
                    List.of(
                        ProviderState.of(
                            "product 1 exists", Map.of("id", Json.nodes().numberNode(2))))));
    String key3 =
        Json.parse(
                PactWriter.toJson(
                    Pact.of("orders", "products", List.of(otherState)), PactSpecification.V4))
            .get("interactions")
            .get(0)
            .get("key")
            .stringValue();

    assertThat(key1).hasSize(16).matches("[0-9a-f]+").isEqualTo(key2).isNotEqualTo(key3);
  }

  @Test
  void anExplicitKeyIsKept() {
    HttpInteraction keyed = getProduct().withCommon(getProduct().common().withKey("my-key"));
    String json =
        PactWriter.toJson(Pact.of("orders", "products", List.of(keyed)), PactSpecification.V4);

    assertThat(json).contains("\"key\": \"my-key\"");
    assertThat(PactReader.read(json, "x").interactions().get(0).key()).contains("my-key");
  }

  @Test
  void metadataKeysAreSortedAndSpecificationIsOurs() {
    Pact pact =
        new Pact(
            dev.accord.pact.model.Pacticipant.of("a"),
            dev.accord.pact.model.Pacticipant.of("b"),
            List.of(),
            PactSpecification.V4,
            Map.of(
                "zeta",
                Json.nodes().stringNode("z"),
                "pact-jvm",
                Json.parse("{\"version\": \"4.7.5\"}")));

    var metadata = Json.parse(PactWriter.toJson(pact, PactSpecification.V3)).get("metadata");

    assertThat(metadata.propertyNames())
        .containsExactly("accord", "pact-jvm", "pactSpecification", "zeta");
    assertThat(metadata.get("pactSpecification").get("version").stringValue()).isEqualTo("3.0.0");
  }

  @Test
  void binaryBodiesAreBase64AndTextStaysText() {
    HttpResponse response =
        HttpResponse.of(200)
            .withBody(
                Body.bytes(
                    new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                    dev.accord.pact.model.ContentType.parse("image/png")));
    HttpRequest request =
        HttpRequest.of("POST", "/t")
            .withBody(Body.text("hello", dev.accord.pact.model.ContentType.TEXT));
    Pact pact =
        Pact.of(
            "a",
            "b",
            List.of(new HttpInteraction(InteractionCommon.of("d", List.of()), request, response)));

    var v4 = Json.parse(PactWriter.toJson(pact, PactSpecification.V4)).get("interactions").get(0);

    assertThat(v4.get("response").get("body"))
        .isEqualTo(
            Json.parse(
                "{\"content\": \"iVBORw==\", \"contentType\": \"image/png\", \"encoded\": \"base64\"}"));
    assertThat(v4.get("request").get("body"))
        .isEqualTo(
            Json.parse(
                "{\"content\": \"hello\", \"contentType\": \"text/plain\", \"encoded\": false}"));
    assertThat(PactReader.read(PactWriter.toJson(pact, PactSpecification.V4), "x")).isEqualTo(pact);
  }

  @Test
  void writesAFileCreatingDirectories(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pacts/orders-products.json");
    Pact pact = Pact.of("orders", "products", List.of(getProduct()));

    PactWriter.write(pact, PactSpecification.V4, file);
    PactWriter.write(pact, PactSpecification.V4, file);

    assertThat(Files.readString(file)).isEqualTo(PactWriter.toJson(pact, PactSpecification.V4));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    assertThat(PactReader.read(file)).isEqualTo(pact);
  }
}
