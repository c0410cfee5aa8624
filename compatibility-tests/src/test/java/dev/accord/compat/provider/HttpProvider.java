package dev.accord.compat.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The provider a scenario starts: answers each interaction's request (method and path) with its
 * response.
 */
final class HttpProvider implements AutoCloseable {
  record Route(HttpRequest request, HttpResponse response) {}

  private final HttpServer server;
  private final List<Route> routes;
  final List<Map<String, List<String>>> receivedHeaders =
      Collections.synchronizedList(new ArrayList<>());

  HttpProvider(List<Route> routes) throws IOException {
    this.routes = List.copyOf(routes);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      receivedHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
      HttpResponse response =
          routes.stream()
              .filter(
                  r ->
                      r.request().method().equalsIgnoreCase(exchange.getRequestMethod())
                          && r.request().path().equals(exchange.getRequestURI().getPath()))
              .map(Route::response)
              .findFirst()
              .orElse(null);
      if (response == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      response
          .headers()
          .forEach((k, v) -> exchange.getResponseHeaders().put(k, new ArrayList<>(v)));
      Body body = response.body();
      if (body.isPresent()
          && response.header("Content-Type").isEmpty()
          && body.contentType().isPresent()) {
        exchange.getResponseHeaders().set("Content-Type", body.contentType().get().raw());
      }
      byte[] bytes = body.isPresent() ? body.asBytes() : new byte[0];
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
