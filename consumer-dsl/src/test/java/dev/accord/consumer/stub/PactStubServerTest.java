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

/**
 * {@link PactStubServer}: existing pacts served over HTTP by the WireMock integration with Pact
 * matching.
 */
class PactStubServerTest {
  private static final String PRODUCTS =
      """
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

  private static final String ORDERS =
      """
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
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
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

      assertThat(post(stub.baseUrl() + "/products", "{\"name\":\"New\"}").statusCode())
          .isEqualTo(201);

      HttpResponse<String> miss = post(stub.baseUrl() + "/products", "{\"name\":\"Other\"}");
      assertThat(miss.statusCode()).isEqualTo(404);
      assertThat(miss.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/json");
      JsonNode body = Json.parse(miss.body());
      assertThat(body.get("error").asString())
          .isEqualTo("No interaction of the pact matches POST /products");
      assertThat(body.get("closestInteraction").get("description").asString())
          .isEqualTo("create product");
      assertThat(body.get("closestInteraction").get("method").asString()).isEqualTo("POST");
      JsonNode mismatch = body.get("mismatches").get(0);
      assertThat(mismatch.get("type").asString()).isEqualTo("body");
      assertThat(mismatch.get("path").asString()).isEqualTo("$.name");
      assertThat(mismatch.get("expected").asString()).contains("New");
      assertThat(mismatch.get("actual").asString()).contains("Other");
    }
  }

  @Test
  void anUnmatchedRequestIsPrintedOnTheConsoleWithItsClosestInteractionAndMismatches()
      throws Exception {
    // GIVEN a stub whose console is captured
    List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (PactStubServer stub =
        PactStubServer.start(List.of(pact(PRODUCTS)), "127.0.0.1", 0, 1, console::add)) {
      // WHEN a request matches no interaction, and another one does
      HttpResponse<String> miss = post(stub.baseUrl() + "/products", "{\"name\":\"Other\"}");
      get(stub.baseUrl() + "/products/p1");

      // THEN the unmatched one is printed, with the closest interaction and the mismatches, and
      // still answered 404
      assertThat(miss.statusCode()).isEqualTo(404);
      assertThat(console)
          .containsExactly(
              """
          Unexpected request: POST /products
            closest interaction: 'create product'
            mismatches:
              - body $.name: Expected 'Other' (String) to be equal to 'New' (String)
            expected (closest interaction)                 actual (request)
            POST /products                               | POST /products
            Content-Type: application/json               | Content-Type: application/json
                                                         |\s
            {                                            | {
              "name" : "New"                             !   "name" : "Other"
            }                                            | }
            fix: change the consumer so it sends what the interaction declares, or change the interaction
            answered 404, with the closest interaction and the mismatches as JSON
          """);
    }
  }

  @Test
  void aWrongPathIsExplainedAgainstTheInteractionWithTheSameMethod() throws Exception {
    try (PactStubServer stub = PactStubServer.start(List.of(pact(PRODUCTS)), "127.0.0.1", 0, 1)) {
      HttpResponse<String> miss = get(stub.baseUrl() + "/products/p2?verbose=true");
      assertThat(miss.statusCode()).isEqualTo(404);
      JsonNode body = Json.parse(miss.body());
      assertThat(body.get("error").asString())
          .isEqualTo("No interaction of the pact matches GET /products/p2");
      assertThat(body.get("closestInteraction").get("description").asString())
          .isEqualTo("get product p1");
      assertThat(body.get("closestInteraction").get("providerStates").get(0).asString())
          .isEqualTo("product p1 exists");
      assertThat(body.get("mismatches").findValuesAsString("type")).contains("path", "query");
    }
  }

  @Test
  void servesSeveralPactsAndAppliesGeneratorsWithTheSeed() throws Exception {
    String first;
    try (PactStubServer stub =
        PactStubServer.start(List.of(pact(PRODUCTS), pact(ORDERS)), "127.0.0.1", 0, 42)) {
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

  /**
   * A pact of {@code n} interactions {@code GET /items/<i>}, each answering {@code {"item": i}}.
   */
  static String manyInteractions(int n) {
    StringBuilder sb =
        new StringBuilder(
            "{\"consumer\": {\"name\": \"shop\"}, \"provider\": {\"name\": \"items\"},"
                + " \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}, \"interactions\": [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"description\": \"item ")
          .append(i)
          .append("\", \"request\": {\"method\": \"GET\", \"path\": \"/items/")
          .append(i)
          .append("\"}, \"response\": {\"status\": 200, \"body\": {\"item\": ")
          .append(i)
          .append("}}}");
    }
    return sb.append("]}").toString();
  }

  /**
   * Connects to {@code port} in a tight loop while {@code starting} runs, sends {@code GET path}
   * the moment a connection is accepted, and returns the status line of the answer.
   */
  static String firstAnswer(int port, java.util.concurrent.Future<?> starting, String path)
      throws Exception {
    while (true) {
      // read before the attempt: a start that ends between a refused connect and the check is no
      // failure, only a start that had ended before the refused attempt
      boolean startHadEnded = starting.isDone();
      java.net.Socket socket = new java.net.Socket();
      try {
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      } catch (java.net.ConnectException notYet) {
        socket.close();
        if (startHadEnded) {
          starting.get(); // rethrows what stopped the start
          throw new AssertionError(
              "the stub started but never accepted a connection on port " + port);
        }
        Thread.onSpinWait();
        continue;
      }
      try (socket) {
        socket
            .getOutputStream()
            .write(
                ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
            .readLine();
      }
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void aRequestSentTheMomentThePortAcceptsIsServedFromEveryInteraction() throws Exception {
    // GIVEN a pact of 20,000 interactions, and a client connecting in a tight loop while the stub
    // starts
    Pact pact = pact(manyInteractions(20_000));
    int port = freePort();
    java.util.concurrent.ExecutorService starter =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.concurrent.Future<PactStubServer> starting =
        starter.submit(() -> PactStubServer.start(List.of(pact), "127.0.0.1", port, 1));
    try {
      // WHEN the first request arrives on the first accepted connection, for the first interaction
      // of the pact
      String status = firstAnswer(port, starting, "/items/0");

      // THEN it is answered from the interaction, not with "No interaction of the pact matches"
      assertThat(status).isEqualTo("HTTP/1.1 200 OK");
    } finally {
      starting.get().close();
      starter.shutdownNow();
    }
  }

  @Test
  void aPortInUseIsOneClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(
              () ->
                  PactStubServer.start(
                      List.of(pact(PRODUCTS)), "127.0.0.1", taken.getLocalPort(), 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Cannot serve the pacts on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("Is another process using the port?");
    }
    assertThatThrownBy(() -> PactStubServer.start(List.of(), "127.0.0.1", 70000, 1))
        .hasMessageContaining("port 70000 is not a port");
  }
}
