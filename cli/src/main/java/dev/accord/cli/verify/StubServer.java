package dev.accord.cli.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accord.pact.generators.Generation;
import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Matching;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Pact;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves the HTTP interactions of pacts: a request matching an interaction (pact-core request matching,
 * strict) gets its response with consumer-side generators applied; any other request gets 404 with a JSON
 * body naming the closest interaction and its mismatches.
 */
final class StubServer implements AutoCloseable {
  private final List<HttpInteraction> interactions;
  private final HttpServer server;
  private final ExecutorService executor;
  private final long seed;

  StubServer(List<Pact> pacts, String host, int port, long seed) throws IOException {
    this.interactions = pacts.stream().flatMap(p -> p.httpInteractions().stream()).toList();
    this.seed = seed;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    this.executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  int interactionCount() {
    return interactions.size();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpRequest actual = toRequest(exchange);
      HttpInteraction closest = null;
      List<Mismatch> closestMismatches = null;
      for (HttpInteraction i : interactions) {
        List<Mismatch> mismatches = Matching.matchRequest(i.request(), actual);
        if (mismatches.isEmpty()) {
          respond(exchange, Generation.generateResponse(i.response(), GeneratorContext.consumer(url(), seed)));
          return;
        }
        if (closest == null || score(i, actual, mismatches) < score(closest, actual, closestMismatches)) {
          closest = i;
          closestMismatches = mismatches;
        }
      }
      respond(exchange, notFound(actual, closest, closestMismatches));
    } catch (RuntimeException e) {
      byte[] bytes = ("{\"error\":" + Json.write(Json.nodes().stringNode("Stub server error: " + e)) + "}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(500, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  /** Fewer mismatches is closer; a different method or path weighs more than anything else. */
  private static int score(HttpInteraction i, HttpRequest actual, List<Mismatch> mismatches) {
    int s = mismatches.size();
    if (!i.request().method().equalsIgnoreCase(actual.method())) {
      s += 1000;
    }
    if (!i.request().path().equals(actual.path())) {
      s += 100;
    }
    return s;
  }

  private static HttpResponse notFound(HttpRequest actual, HttpInteraction closest, List<Mismatch> mismatches) {
    ObjectNode body = Json.nodes().objectNode();
    body.put("error", "No interaction of the pact matches " + actual.method() + " " + actual.path());
    if (closest != null) {
      ObjectNode c = body.putObject("closestInteraction");
      c.put("description", closest.description());
      ArrayNode states = c.putArray("providerStates");
      closest.providerStates().forEach(s -> states.add(s.name()));
      c.put("method", closest.request().method());
      c.put("path", closest.request().path());
      ArrayNode ms = body.putArray("mismatches");
      for (Mismatch m : mismatches) {
        ObjectNode n = ms.addObject();
        n.put("type", m.type().key());
        n.put("path", m.path());
        if (m.expected() != null) {
          n.put("expected", m.expected());
        }
        if (m.actual() != null) {
          n.put("actual", m.actual());
        }
        n.put("description", m.description());
      }
    }
    return new HttpResponse(404, Map.of("Content-Type", List.of("application/json")), Body.json(body), null, null);
  }

  private static HttpRequest toRequest(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach(headers::put);
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    ContentType ct = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
        .findFirst().map(e -> ContentType.parse(e.getValue().get(0))).orElse(null);
    Body body = bytes.length == 0 ? Body.missing() : Body.bytes(bytes, ct);
    return new HttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, headers, body,
        null, null);
  }

  private static void respond(HttpExchange exchange, HttpResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, new ArrayList<>(v)));
    Body body = response.body();
    if (body.isPresent() && response.header("Content-Type").isEmpty() && body.contentType().isPresent()) {
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

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
