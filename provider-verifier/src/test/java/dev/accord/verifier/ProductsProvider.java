package dev.accord.verifier;

import dev.accord.verifier.FakeServer.Reply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small products-service for acceptance tests: real HTTP, data seeded only through provider
 * states, so a state that is not set up shows as a 404. {@code breakPrice} makes it break the
 * contract.
 */
final class ProductsProvider implements AutoCloseable {
  final Map<String, String> products = new ConcurrentHashMap<>();
  volatile boolean breakPrice;
  final FakeServer server;

  ProductsProvider() throws Exception {
    server = new FakeServer(this::handle);
  }

  private Reply handle(FakeServer.Received r) {
    if (r.path().equals("/_pact/state")) {
      return stateChange(r.body());
    }
    if (r.method().equals("GET") && r.path().startsWith("/products/")) {
      String id = r.path().substring("/products/".length());
      String name = products.get(id);
      if (name == null) {
        return Reply.json(404, "{\"error\":\"no product " + id + "\"}");
      }
      String price = breakPrice ? "\"42.00\"" : "42.0";
      return Reply.json(
          200,
          "{\"id\":\""
              + id
              + "\",\"name\":\""
              + name
              + "\",\"price\":"
              + price
              + ",\"tags\":[\"book\",\"ddd\"]}");
    }
    if (r.method().equals("GET")
        && r.path().equals("/products")
        && "category=books".equals(r.query())) {
      return Reply.json(
          200,
          "[{\"id\":\"p7\",\"name\":\"Domain-Driven Design\"},{\"id\":\"p8\",\"name\":\"Refactoring\"}]");
    }
    if (r.method().equals("POST") && r.path().equals("/products")) {
      return Reply.json(201, "{\"id\":\"p9\",\"name\":\"Contract Testing\"}");
    }
    return Reply.json(404, "{\"error\":\"no route\"}");
  }

  /** A state-change endpoint: seeds p7 for "a product exists" and returns its id. */
  private Reply stateChange(String body) {
    boolean setup = body.contains("\"action\":\"setup\"");
    if (body.contains("\"state\":\"a product exists\"")) {
      if (setup) {
        products.put("p7", "Domain-Driven Design");
        return Reply.json(200, "{\"id\":\"p7\"}");
      }
      products.remove("p7");
    }
    return Reply.json(200, "{}");
  }

  String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
  }
}
