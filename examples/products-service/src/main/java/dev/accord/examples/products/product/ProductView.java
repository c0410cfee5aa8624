package dev.accord.examples.products.product;

/** A product as the API shows it. */
public record ProductView(long id, String name, double price, String category) {
  static ProductView of(Product p) {
    return new ProductView(p.getId(), p.getName(), p.getPrice(), p.getCategory());
  }
}
