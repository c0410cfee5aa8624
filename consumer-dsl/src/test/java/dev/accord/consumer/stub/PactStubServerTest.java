package dev.accord.consumer.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link PactStubServer}: existing pacts served over HTTP by the WireMock integration with Pact matching. */
class PactStubServerTest {
  private static final String PRODUCTS = """
      {
        "consumer": {"name": "orders-service"},
        "provider": {"name": "products-service"},
        "interactions": [
          {
            "description": "get product p1",
            "providerStates": [{"name": "product p1 exists", "params": {"id": "p1"}}],
            "request": {"method": "GET", "path": "/products/p1"},
            "response": {"status": 200, "headers": {"Content-Type": "application/json"},
              "body": {"id": "p1", "name": "Pact in Action", "price": 12.5},
              "matchingRules": {"body": {"$.name": {"matchers": [{"match": "type"}]}}}}
          },
          {
            "description": "create product",
            "request": {"method": "POST", "path": "/products", "headers": {"Content-Type": "application/json"},
              "body": {"name": "New"}},
            "response": {"status": 201}
          },
          {
            "description": "get product p1 again (never served: the first match wins)",
            "request": {"method": "GET", "path": "/products/p1"},
            "response": {"status": 500}
          }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}
      }
      """;

  private static final String ORDERS = """
      {
        "consumer": {"name": "billing-service"},
        "provider": {"name": "orders-service"},
        "interactions": [
          {
            "description": "a new order",
            "request": {"method": "POST", "path": "/orders"},
            "response": {"status": 201, "headers": {"Content-Type": "application/json"},
              "body": {"id": 1, "reference": "x"},
              "generators": {"body": {"$.id": {"type": "RandomInt", "min": 1, "max": 1000000000},
                                      "$.reference": {"type": "Uuid"}}}}
          }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}
      }
      """;

  private final HttpClient client = HttpClient.newHttpClient();

  private static Pact pact(String json) {
    return PactReader.read(json, "test");
  }

  private HttpResponse<String> get(String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (json != null) {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.POST(HttpRequest.BodyPublishers.noBody());
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesMatchingRequestsAndExplainsTheClosestInteractionForOthers() throws Exception {
    try (PactStubServer stub = PactStubServer.start(List.of(pact(PRODUCTS)), "127.0.0.1", 0, 1)) {
      assertThat(stub.baseUrl()).isEqualTo("http://127.0.0.1:" + stub.port());
      assertThat(stub.interactionCount()).isEqualTo(3);

      HttpResponse<String> ok = get(stub.baseUrl() + "/products/p1");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(ok.body()).isEqualTo("{\"id\":\"p1\",\"name\":\"Pact in Action\",\"price\":12.5}");

      assertThat(post(stub.baseUrl() + "/products", "{\"name\":\"New\"}").statusCode()).isEqualTo(201);

      HttpResponse<String> miss = post(stub.baseUrl() + "/products", "{\"name\":\"Other\"}");
      assertThat(miss.statusCode()).isEqualTo(404);
      assertThat(miss.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
      JsonNode body = Json.parse(miss.body());
      assertThat(body.get("error").asString()).isEqualTo("No interaction of the pact matches POST /products");
      assertThat(body.get("closestInteraction").get("description").asString()).isEqualTo("create product");
      assertThat(body.get("closestInteraction").get("method").asString()).isEqualTo("POST");
      JsonNode mismatch = body.get("mismatches").get(0);
      assertThat(mismatch.get("type").asString()).isEqualTo("body");
      assertThat(mismatch.get("path").asString()).isEqualTo("$.name");
      assertThat(mismatch.get("expected").asString()).contains("New");
      assertThat(mismatch.get("actual").asString()).contains("Other");
    }
  }

  @Test
  void aWrongPathIsExplainedAgainstTheInteractionWithTheSameMethod() throws Exception {
    try (PactStubServer stub = PactStubServer.start(List.of(pact(PRODUCTS)), "127.0.0.1", 0, 1)) {
      HttpResponse<String> miss = get(stub.baseUrl() + "/products/p2?verbose=true");
      assertThat(miss.statusCode()).isEqualTo(404);
      JsonNode body = Json.parse(miss.body());
      assertThat(body.get("error").asString()).isEqualTo("No interaction of the pact matches GET /products/p2");
      assertThat(body.get("closestInteraction").get("description").asString()).isEqualTo("get product p1");
      assertThat(body.get("closestInteraction").get("providerStates").get(0).asString()).isEqualTo("product p1 exists");
      assertThat(body.get("mismatches").findValuesAsString("type")).contains("path", "query");
    }
  }

  @Test
  void servesSeveralPactsAndAppliesGeneratorsWithTheSeed() throws Exception {
    String first;
    try (PactStubServer stub = PactStubServer.start(List.of(pact(PRODUCTS), pact(ORDERS)), "127.0.0.1", 0, 42)) {
      assertThat(stub.interactionCount()).isEqualTo(4);
      assertThat(get(stub.baseUrl() + "/products/p1").statusCode()).isEqualTo(200);
      HttpResponse<String> created = post(stub.baseUrl() + "/orders", null);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      first = created.body();
      JsonNode order = Json.parse(first);
      assertThat(order.get("id").isInt()).isTrue();
      assertThat(order.get("reference").asString()).isNotEqualTo("x").hasSize(36);
    }
    try (PactStubServer again = PactStubServer.start(List.of(pact(ORDERS)), "127.0.0.1", 0, 42)) {
      assertThat(post(again.baseUrl() + "/orders", null).body()).isEqualTo(first);
    }
    try (PactStubServer other = PactStubServer.start(List.of(pact(ORDERS)), "127.0.0.1", 0, 43)) {
      assertThat(post(other.baseUrl() + "/orders", null).body()).isNotEqualTo(first);
    }
  }

  @Test
  void aPortInUseIsOneClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> PactStubServer.start(List.of(pact(PRODUCTS)), "127.0.0.1", taken.getLocalPort(), 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Cannot serve the pacts on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("Is another process using the port?");
    }
    assertThatThrownBy(() -> PactStubServer.start(List.of(), "127.0.0.1", 70000, 1))
        .hasMessageContaining("port 70000 is not a port");
  }
}
