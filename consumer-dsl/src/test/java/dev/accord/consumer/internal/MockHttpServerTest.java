package dev.accord.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.RuleList;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MockHttpServerTest {

  @Test
  void anUnexpectedRequestIsAPlainText500WithAContentLengthAndNoStubId() throws Exception {
    try (MockHttpServer server = new MockHttpServer()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/anything")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.body()).startsWith("Unexpected request: GET /anything");
      assertThat(response.headers().firstValue("X-Accord-Unexpected-Request")).contains("true");
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/plain; charset=utf-8");
      assertThat(response.headers().firstValue("Matched-Stub-Id")).as("no stub matched").isEmpty();
      assertThat(response.headers().firstValue("Content-Length"))
          .as("not chunked")
          .contains(
              String.valueOf(
                  response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }
  }

  @Test
  void wireMockFilesInTheWorkingDirectoryAreNeverServed() throws Exception {
    // WireMock's default file source is src/test/resources: a consumer project with its own
    // WireMock mapping
    // files and __files there must not see them served by a mock provider
    Path resources = Path.of("src", "test", "resources");
    Path mappings = resources.resolve("mappings");
    Path files = resources.resolve("__files");
    assertThat(Files.exists(mappings) || Files.exists(files))
        .as("this module has no WireMock files of its own")
        .isFalse();
    boolean createdResources = !Files.exists(resources);
    Files.createDirectories(mappings);
    Files.createDirectories(files);
    Path stub = mappings.resolve("accord-test-stub.json");
    Path file = files.resolve("accord-test-file.json");
    try {
      Files.writeString(
          stub,
          "{\"request\": {\"method\": \"GET\", \"url\": \"/from-a-file\"},"
              + " \"response\": {\"status\": 200, \"body\": \"from a file\"}}");
      Files.writeString(file, "{\"served\": true}");
      try (MockHttpServer server = new MockHttpServer()) {
        for (String path : List.of("/from-a-file", "/accord-test-file.json")) {
          HttpResponse<String> response = get(server, path);
          assertThat(response.statusCode()).as(path).isEqualTo(500);
          assertThat(response.body()).as(path).startsWith("Unexpected request: GET " + path);
        }
        // WireMock always mounts a file servlet at /__files/*; its root is a directory that does
        // not exist
        HttpResponse<String> fileServlet = get(server, "/__files/accord-test-file.json");
        assertThat(fileServlet.statusCode()).isEqualTo(404);
        assertThat(fileServlet.body()).doesNotContain("served");
        // ... and the request is reported as unexpected, once
        assertThat(server.received())
            .extracting(r -> Reports.requestLine(r.request()), r -> r.unreadable() != null)
            .containsExactly(
                tuple("GET /from-a-file", false),
                tuple("GET /accord-test-file.json", false),
                tuple("GET /__files/accord-test-file.json", true));
      }
    } finally {
      Files.deleteIfExists(stub);
      Files.deleteIfExists(file);
      Files.deleteIfExists(mappings);
      Files.deleteIfExists(files);
      if (createdResources) {
        Files.deleteIfExists(resources);
      }
    }
  }

  @Test
  void wireMocksAdminApiIsNotServedSoItsPathsAreUnexpectedRequests() throws Exception {
    try (MockHttpServer server = new MockHttpServer()) {
      for (String path : List.of("/__admin/mappings", "/__admin/requests", "/__admin/")) {
        HttpResponse<String> response = get(server, path);
        assertThat(response.statusCode()).as(path).isEqualTo(500);
        assertThat(response.body()).as(path).startsWith("Unexpected request: GET " + path);
      }
    }
  }

  @Test
  void findsTheStubOfARequestAmongManyByMethodAndPathOrByPathMatcherAndTheNewestWins()
      throws Exception {
    try (MockHttpServer server = new MockHttpServer()) {
      for (int i = 0; i < 50; i++) {
        server.add(stub("GET", "/items/" + i, null, "item " + i));
        server.add(stub("DELETE", "/items/" + i, null, "deleted " + i));
      }
      server.add(stub("GET", "/files/a b", null, "spaced"));
      server.add(stub("GET", "/orders/1", "/orders/\\d+", "any order"));
      server.add(stub("GET", "/items/7", null, "item 7, declared again"));

      assertThat(get(server, "/items/3").body()).isEqualTo("item 3");
      assertThat(
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(server.baseUrl() + "/items/3"))
                          .DELETE()
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())
          .isEqualTo("deleted 3");
      assertThat(get(server, "/files/a%20b").body()).isEqualTo("spaced");
      assertThat(get(server, "/orders/42").body())
          .as("a path matcher, not an exact path")
          .isEqualTo("any order");
      assertThat(get(server, "/items/7").body())
          .as("two stubs match: the newest, as in WireMock")
          .isEqualTo("item 7, declared again");
      HttpResponse<String> unknown = get(server, "/items/x");
      assertThat(unknown.statusCode()).isEqualTo(500);
      assertThat(unknown.body()).startsWith("Unexpected request: GET /items/x");
      assertThat(server.received())
          .extracting(r -> r.matched() == null ? null : r.matched().label())
          .containsExactly(
              "item 3", "deleted 3", "spaced", "any order", "item 7, declared again", null);

      assertThat(server.wireMockStubs())
          .as("one WireMock stub for all 103 interactions and one for unexpected requests")
          .isEqualTo(2);

      server.reset();
      assertThat(get(server, "/items/3").statusCode()).as("after a reset").isEqualTo(500);
      assertThat(server.wireMockStubs()).as("after a reset").isEqualTo(2);
      server.add(stub("GET", "/items/3", null, "item 3 again"));
      assertThat(get(server, "/items/3").body())
          .as("added after a reset")
          .isEqualTo("item 3 again");
    }
  }

  @Test
  void aPostIsMatchedOnItsBody() throws Exception {
    try (MockHttpServer server = new MockHttpServer()) {
      dev.accord.pact.model.HttpRequest expected =
          new dev.accord.pact.model.HttpRequest(
              "POST",
              "/orders",
              Map.of(),
              Map.of("Content-Type", List.of("application/json")),
              Body.json(
                  dev.accord.pact.json.Json.parse("{\"item\":\"prod-001\",\"quantity\":2}"),
                  ContentType.JSON),
              null,
              null);
      server.add(expectation(() -> expected, "an order"));

      HttpResponse<String> created =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/orders"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"quantity\":2,\"item\":\"prod-001\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(created.body()).isEqualTo("an order");
      assertThat(created.headers().map())
          .as("WireMock's stub id is bookkeeping, not the provider's answer")
          .doesNotContainKeys("matched-stub-id", "matched-stub-name");

      HttpResponse<String> otherBody =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/orders"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"item\":\"prod-002\",\"quantity\":2}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(otherBody.statusCode()).isEqualTo(500);
      assertThat(otherBody.body())
          .contains("Unexpected request: POST /orders")
          .contains("prod-002");

      assertThat(server.received())
          .extracting(r -> r.request().path())
          .containsExactly("/orders", "/orders");
      assertThat(server.received())
          .extracting(r -> r.matched() == null ? null : r.matched().label())
          .containsExactly("an order", null);
    }
  }

  @Test
  void aRequestWireMockCannotReadIsReportedAsUnexpected() throws Exception {
    // a malformed percent escape fails before any extension runs (Jetty refuses it in the path,
    // WireMock's request log
    // in the query); the traffic listener records it. java.net.URI refuses it too, so it goes over
    // a plain socket
    try (MockHttpServer server = new MockHttpServer()) {
      String query =
          rawRequest(
              server,
              "GET /orders?q=%zz&page=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      String path =
          rawRequest(
              server, "GET /orders/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

      assertThat(query).startsWith("HTTP/1.1 500");
      assertThat(path).startsWith("HTTP/1.1 400");
      assertThat(server.received())
          .extracting(
              r -> Reports.requestLine(r.request()),
              r -> r.request().header("Host"),
              r -> r.matched(),
              r -> r.unreadable() != null)
          .containsExactly(
              tuple(
                  "GET /orders?q=%zz&page=1",
                  java.util.Optional.of(List.of("localhost")), null, true),
              tuple("GET /orders/%zz", java.util.Optional.of(List.of("localhost")), null, true));
    }
  }

  @Test
  void wellFormedEscapesAndNonRequestBytesAreNotUnreadable() {
    for (String ok :
        List.of(
            "GET /orders?q=%41%2f HTTP/1.1\r\n\r\n",
            "POST /a%20b HTTP/1.1\r\n\r\n",
            "{\"body\": \"GET /x?q=%zz HTTP/1.1\"}\r\n",
            "GET /x?q=%zz",
            "GET /files/__files HTTP/1.1\r\n\r\n")) {
      assertThat(
              MockHttpServer.unreadableRequest(
                  java.nio.ByteBuffer.wrap(ok.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
          .as(ok)
          .isNull();
    }
  }

  @Test
  void aFailureWhileServingIsAReadable500AndTheRequestIsStillReported() throws Exception {
    try (MockHttpServer server = new MockHttpServer()) {
      dev.accord.pact.model.HttpRequest expected = stub("GET", "/boom", null, "never").request();
      int[] calls = {0};
      server.add(
          expectation(
              () -> {
                if (calls[0]++ > 0) {
                  throw new IllegalStateException("the interaction cannot be read");
                }
                return expected;
              },
              "a broken interaction"));

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/boom")).DELETE().build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body())
          .contains("could not serve DELETE /boom")
          .contains("IllegalStateException: the interaction cannot be read");
      assertThat(server.received())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.request().method()).isEqualTo("DELETE");
                assertThat(r.matched()).isNull();
              });
    }
  }

  @Test
  void closingReleasesThePort() throws Exception {
    int port;
    try (MockHttpServer server = new MockHttpServer()) {
      port = server.port();
    }
    try (MockHttpServer again = new MockHttpServer("127.0.0.1", port, null)) {
      assertThat(again.port()).isEqualTo(port);
    }
  }

  private static MockHttpServer.Expectation expectation(
      java.util.function.Supplier<dev.accord.pact.model.HttpRequest> request, String answer) {
    dev.accord.pact.model.HttpResponse response =
        new dev.accord.pact.model.HttpResponse(
            200, Map.of(), Body.text(answer, ContentType.TEXT), null, null);
    return new MockHttpServer.Expectation() {
      @Override
      public dev.accord.pact.model.HttpRequest request() {
        return request.get();
      }

      @Override
      public dev.accord.pact.model.HttpResponse response() {
        return response;
      }

      @Override
      public String label() {
        return answer;
      }
    };
  }

  private static MockHttpServer.Expectation stub(
      String method, String path, String pathRegex, String answer) {
    MatchingRules rules =
        pathRegex == null
            ? MatchingRules.builder().build()
            : MatchingRules.builder()
                .add(
                    Category.PATH,
                    "",
                    new RuleList(List.of(new MatchingRule.Regex(pathRegex)), null))
                .build();
    dev.accord.pact.model.HttpRequest request =
        new dev.accord.pact.model.HttpRequest(
            method, path, Map.of(), Map.of(), Body.missing(), rules, null);
    return expectation(() -> request, answer);
  }

  private static String rawRequest(MockHttpServer server, String request) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static HttpResponse<String> get(MockHttpServer server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
