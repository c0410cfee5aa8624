package dev.accord.examples.orders;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What orders-service needs from products-service over HTTP. Writes {@code
 * target/pacts/orders-service-products-service.json}, which products-service verifies.
 */
// tag::contract[]
@ConsumerContract(consumer = "orders-service", provider = "products-service")
class ProductClientContractTest {

  @Test
  void fetchesAProductWhoseIdTheProviderCreates(MockProvider provider) {
    provider
        .given(
            "a product exists", Map.of("name", "Widget Pro", "price", 29.99, "category", "tools"))
        .uponReceiving("a request for a product")
        .withRequest(GET, fromProviderState("/api/products/${id}", "/api/products/42"))
        .header("Accept", "application/json")
        .willRespondWith(200)
        .body(
            Map.of(
                "id", fromProviderState("id", 42),
                "name", like("Widget Pro"),
                "price", decimal(29.99),
                "category", like("tools")));

    Product product = new ProductClient(provider.url()).findProduct(42).orElseThrow();

    assertThat(product).isEqualTo(new Product(42, "Widget Pro", 29.99, "tools"));
  }

  // end::contract[]

  @Test
  void findsNothingWhenTheProductDoesNotExist(MockProvider provider) {
    provider
        .given("no products exist")
        .uponReceiving("a request for a product that does not exist")
        .withRequest(GET, "/api/products/999")
        .header("Accept", "application/json")
        .willRespondWith(404);

    assertThat(new ProductClient(provider.url()).findProduct(999)).isEmpty();
  }

  @Test
  void listsTheProductsOfACategory(MockProvider provider) {
    provider
        .given("products exist in a category", Map.of("category", "garden"))
        .uponReceiving("a request for the products of a category")
        .withRequest(GET, "/api/products")
        .query("category", "garden")
        .query("limit", regex("\\d{1,3}", "20"))
        .header("Accept", "application/json")
        .willRespondWith(200)
        .body(
            eachLike(
                Map.of(
                    "id", integer(7),
                    "name", like("Rake"),
                    "price", decimal(12.5),
                    "category", like("garden")),
                1));

    List<Product> products = new ProductClient(provider.url()).productsInCategory("garden", 20);

    assertThat(products).extracting(Product::category).containsOnly("garden");
  }
  // tag::contract[]
}
// end::contract[]
