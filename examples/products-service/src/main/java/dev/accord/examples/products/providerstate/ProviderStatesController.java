package dev.accord.examples.products.providerstate;

import dev.accord.examples.products.product.Product;
import dev.accord.examples.products.product.ProductRepository;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Pact provider-state endpoint: {@code POST /_pact/provider-states} with {@code {"state": ...,
 * "params": {...}, "action": "setup"|"teardown"}}. Setup answers the values the consumer's {@code
 * fromProviderState(...)} expressions need (e.g. the generated {@code id}). Only present when
 * {@code products.provider-states.enabled=true}: a test-only door, never open in production.
 */
@RestController
@ConditionalOnProperty(name = "products.provider-states.enabled", havingValue = "true")
class ProviderStatesController {

  record StateChange(String state, Map<String, Object> params, String action) {}

  private final ProductRepository products;

  ProviderStatesController(ProductRepository products) {
    this.products = products;
  }

  @PostMapping("/_pact/provider-states")
  @Transactional
  ResponseEntity<Map<String, Object>> change(@RequestBody StateChange change) {
    Map<String, Object> params = change.params() == null ? Map.of() : change.params();
    if ("teardown".equals(change.action())) {
      products.deleteAllInBatch();
      return ResponseEntity.ok(Map.of());
    }
    String state = change.state() == null ? "" : change.state();
    return switch (state) {
      case "", "no products exist" -> {
        products.deleteAllInBatch();
        yield ResponseEntity.ok(Map.of());
      }
      case "a product exists" -> {
        Product p =
            products.save(
                new Product(
                    string(params, "name", "Widget Pro"),
                    number(params, "price", 29.99),
                    string(params, "category", "tools")));
        yield ResponseEntity.ok(Map.of("id", p.getId()));
      }
      case "products exist in a category" -> {
        String category = string(params, "category", "garden");
        products.save(new Product("Rake", 12.5, category));
        products.save(new Product("Hose", 19.9, category));
        yield ResponseEntity.ok(Map.of());
      }
      default ->
          ResponseEntity.badRequest()
              .body(
                  Map.of(
                      "error",
                      "Unknown provider state '"
                          + state
                          + "'; known: 'a product exists', 'no products exist', 'products exist in a category'"));
    };
  }

  private static String string(Map<String, Object> params, String name, String fallback) {
    Object v = params.get(name);
    return v == null ? fallback : v.toString();
  }

  private static double number(Map<String, Object> params, String name, double fallback) {
    Object v = params.get(name);
    return v instanceof Number n
        ? n.doubleValue()
        : v == null ? fallback : Double.parseDouble(v.toString());
  }
}
