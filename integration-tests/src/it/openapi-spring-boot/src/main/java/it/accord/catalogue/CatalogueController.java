package it.accord.catalogue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The products of a catalogue, and the provider-state endpoint its contract checks use. */
@RestController
public class CatalogueController {
  public record NewProduct(String name, BigDecimal price) {}

  public record Product(String id, String name, BigDecimal price) {}

  private final Map<String, Product> products = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(100);

  @PostMapping("/products")
  public ResponseEntity<Product> create(@RequestBody NewProduct product) {
    String id = String.valueOf(ids.incrementAndGet());
    Product created = new Product(id, product.name(), product.price());
    products.put(id, created);
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @GetMapping("/products/{id}")
  public ResponseEntity<?> get(@PathVariable("id") String id) {
    Product product = products.get(id);
    if (product == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no product " + id));
    }
    return ResponseEntity.ok(product);
  }

  /**
   * Pact's state-change protocol: {"state", "params", "action"}; answers the values the state made.
   */
  @PostMapping("/_states")
  public Map<String, Object> state(@RequestBody Map<String, Object> change) {
    products.clear();
    if ("setup".equals(change.getOrDefault("action", "setup"))
        && "a product exists".equals(change.get("state"))) {
      Object params = change.get("params");
      String id = params instanceof Map<?, ?> map ? String.valueOf(map.get("id")) : "7";
      products.put(id, new Product(id, "kite", new BigDecimal("9.99")));
      return Map.of("id", id);
    }
    return Map.of();
  }
}
