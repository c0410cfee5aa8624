package dev.accord.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a random port that records what it received and answers with a handler; the
 * provider of the verifier's tests, the JUnit 5 ones included.
 */
public final class FakeServer implements AutoCloseable {

  public record Received(
      String method, String path, String query, Map<String, List<String>> headers, String body) {}

  public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, Map.of());
    }

    public static Reply text(int status, String body) {
      return new Reply(status, "text/plain", body, Map.of());
    }
  }

  public interface Handler {
    Reply handle(Received request) throws Exception;
  }

  private final HttpServer server;
  final List<Received> received = Collections.synchronizedList(new ArrayList<>());

  public FakeServer(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
  }

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Received r =
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              body);
      received.add(r);
      Reply reply;
      try {
        reply = handler.handle(r);
      } catch (Exception e) {
        reply = Reply.text(599, "test handler threw " + e);
      }
      if (reply.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] bytes =
          reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received(String path) {
    synchronized (received) {
      return received.stream().filter(r -> r.path().equals(path)).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
