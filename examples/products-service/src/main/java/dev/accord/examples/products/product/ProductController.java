package dev.accord.examples.products.product;

import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {
  private final ProductRepository products;

  ProductController(ProductRepository products) {
    this.products = products;
  }

  @GetMapping("/{id}")
  ResponseEntity<?> product(@PathVariable long id) {
    return products
        .findById(id)
        .<ResponseEntity<?>>map(p -> ResponseEntity.ok(ProductView.of(p)))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "No product with id " + id)));
  }

  @GetMapping
  List<ProductView> inCategory(
      @RequestParam String category, @RequestParam(defaultValue = "20") int limit) {
    return products
        .findByCategoryOrderById(category, Limit.of(Math.max(1, Math.min(limit, 100))))
        .stream()
        .map(ProductView::of)
        .toList();
  }
}
