package dev.accord.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import wiremock.org.eclipse.jetty.io.Connection;
import wiremock.org.eclipse.jetty.io.SocketChannelEndPoint;

class MockHttpServerTest {

  @Test
  void acceptedConnectionsHaveTcpNoDelayOn() throws Exception {
    try (MockHttpServer server = new MockHttpServer()) {
      assertThat(server.connector().getAcceptedTcpNoDelay()).as("connector setting").isTrue();
      List<Boolean> noDelay = new CopyOnWriteArrayList<>();
      server.connector().addBean(new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
          if (connection.getEndPoint() instanceof SocketChannelEndPoint endPoint) {
            try {
              noDelay.add(endPoint.getChannel().getOption(StandardSocketOptions.TCP_NODELAY));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          }
        }

        @Override
        public void onClosed(Connection connection) {}
      });

      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/anything")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.body()).startsWith("Unexpected request: GET /anything");
      assertThat(response.headers().firstValue("X-Accord-Unexpected-Request")).contains("true");
      assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
      assertThat(noDelay).as("TCP_NODELAY of the accepted socket").containsExactly(true);
    }
  }

  @Test
  void wireMockFilesInTheWorkingDirectoryAreNeverServed() throws Exception {
    // WireMock's default file source is src/test/resources: a consumer project with its own WireMock mapping
    // files and __files there must not see them served by a mock provider
    Path resources = Path.of("src", "test", "resources");
    Path mappings = resources.resolve("mappings");
    Path files = resources.resolve("__files");
    assertThat(Files.exists(mappings) || Files.exists(files)).as("this module has no WireMock files of its own")
        .isFalse();
    boolean createdResources = !Files.exists(resources);
    Files.createDirectories(mappings);
    Files.createDirectories(files);
    Path stub = mappings.resolve("accord-test-stub.json");
    Path file = files.resolve("accord-test-file.json");
    try {
      Files.writeString(stub, "{\"request\": {\"method\": \"GET\", \"url\": \"/from-a-file\"},"
          + " \"response\": {\"status\": 200, \"body\": \"from a file\"}}");
      Files.writeString(file, "{\"served\": true}");
      try (MockHttpServer server = new MockHttpServer()) {
        for (String path : List.of("/from-a-file", "/__files/accord-test-file.json", "/accord-test-file.json")) {
          HttpResponse<String> response = get(server, path);
          assertThat(response.statusCode()).as(path).isEqualTo(500);
          assertThat(response.body()).as(path).startsWith("Unexpected request: GET " + path);
        }
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

  private static HttpResponse<String> get(MockHttpServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
