package dev.accord.benchmarks.consumer;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The floor of the benchmark: the same JUnit class shape and the same 200 {@code java.net.http} calls, answered by
 * the JDK's own HTTP server with a canned JSON body. No contract, no matching, no pact file: what any JUnit test
 * making these calls costs on this machine, JVM start included.
 */
class PlainJdkFloorTest {

  @Test
  void twoHundredCalls() throws Exception {
    // the JDK server leaves Nagle on unless asked: 200 requests would wait for delayed ACKs (~40 ms each)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String id = exchange.getRequestURI().getPath().substring("/items/".length());
      byte[] body = ("{\"id\":" + id + ",\"name\":\"item " + id + "\",\"price\":9.99,\"tags\":[\"tag\"],"
          + "\"updated\":\"2024-05-01T10:15:30Z\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://localhost:" + server.getAddress().getPort();
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 0; i < TwoHundredInteractionsContractTest.INTERACTIONS; i++) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/items/" + i))
            .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new AssertionError("item " + i + ": " + response.statusCode() + " " + response.body());
        }
      }
    } finally {
      server.stop(0);
    }
  }
}
