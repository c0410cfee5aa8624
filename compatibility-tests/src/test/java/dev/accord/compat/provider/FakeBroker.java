package dev.accord.compat.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactWriter;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Pact Broker over real HTTP: pacts-for-verification, pact documents, verification
 * results.
 */
final class FakeBroker implements AutoCloseable {
  private final HttpServer server;
  private final Map<Integer, String> pacts = new LinkedHashMap<>();

  /** Published verification results by pact number. */
  final Map<Integer, List<JsonNode>> results = new LinkedHashMap<>();

  FakeBroker() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void add(int number, Pact pact, PactSpecification spec) {
    ObjectNode doc = (ObjectNode) Json.parse(PactWriter.toJson(pact, spec));
    doc.putObject("_links")
        .putObject("pb:publish-verification-results")
        .put("href", url() + "/results/" + number);
    pacts.put(number, Json.write(doc));
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String reply;
      int status = 200;
      if (path.equals("/")) {
        reply =
            "{\"_links\":{\"pb:provider-pacts-for-verification\":{\"href\":\""
                + url()
                + "/pacts/provider/{provider}/for-verification\",\"templated\":true}}}";
      } else if (path.endsWith("/for-verification")) {
        StringBuilder sb = new StringBuilder("{\"_embedded\":{\"pacts\":[");
        String sep = "";
        for (Integer n : pacts.keySet()) {
          sb.append(sep)
              .append(
                  "{\"shortDescription\":\"latest\",\"verificationProperties\":{\"pending\":false,")
              .append("\"notices\":[]},\"_links\":{\"self\":{\"href\":\"")
              .append(url())
              .append("/pacts/")
              .append(n)
              .append("\",\"name\":\"pact ")
              .append(n)
              .append("\"}}}");
          sep = ",";
        }
        reply = sb.append("]}}").toString();
      } else if (path.startsWith("/pacts/")) {
        reply = pacts.get(Integer.parseInt(path.substring("/pacts/".length())));
      } else if (path.startsWith("/results/")) {
        int n = Integer.parseInt(path.substring("/results/".length()));
        synchronized (results) {
          results.computeIfAbsent(n, k -> new ArrayList<>()).add(Json.parse(body));
        }
        status = 201;
        reply =
            "{\"success\":"
                + Json.parse(body).path("success").asBoolean()
                + ",\"_links\":{\"self\":{\"href\":\""
                + url()
                + "/results/"
                + n
                + "/1\"}}}";
      } else {
        status = 404;
        reply = "{}";
      }
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/hal+json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
