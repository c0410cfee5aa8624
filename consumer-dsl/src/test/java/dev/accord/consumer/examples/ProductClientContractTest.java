package dev.accord.consumer.examples;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// tag::junit[]
@ConsumerContract(
    consumer = "orders-service",
    provider = "products-service",
    pactDirectory = "target/pacts-examples")
class ProductClientContractTest {

  @Test
  void fetchesAProduct(MockProvider provider) {
    provider
        .given("a product exists", Map.of("id", "prod-001"))
        .uponReceiving("a request for a product")
        .withRequest(GET, "/api/products/prod-001")
        .header("Accept", "application/json")
        .willRespondWith(200)
        .body(
            Map.of(
                "id",
                like("prod-001"),
                "name",
                like("Widget Pro"),
                "price",
                decimal(29.99),
                "tags",
                eachLike("electronics")));

    ProductClient.Product product = new ProductClient(provider.url()).getProduct("prod-001");

    assertThat(product.price()).isPositive();
  }

  // end::junit[]

  // tag::variables[]
  @Test
  void fetchesAProductWhoseIdTheProviderChooses(MockProvider provider) {
    provider
        .given("a product exists", Map.of("id", "prod-001"))
        .uponReceiving("a request for a product chosen by the provider")
        .withRequest(GET, path("/api/products/", stateVariable("id")))
        .willRespondWith(200)
        .body(
            Map.of(
                "id",
                stateVariable("id"),
                "name",
                like("Widget Pro"),
                "price",
                decimal(29.99),
                "tags",
                eachLike("electronics")));

    ProductClient.Product product = new ProductClient(provider.url()).getProduct("prod-001");

    assertThat(product.id()).isEqualTo("prod-001");
  }

  // end::variables[]

  // tag::several[]
  @Test
  void searchesThenCreates(MockProvider provider) {
    provider
        .given("products tagged 'garden' exist")
        .uponReceiving("a search by tag")
        .withRequest(GET, "/api/products")
        .query("tag", "garden")
        .query("limit", regex("\\d+", "10"))
        .willRespondWith(200)
        .body(
            eachLike(
                Map.of(
                    "id",
                    like("prod-7"),
                    "name",
                    like("Rake"),
                    "price",
                    decimal(12.5),
                    "tags",
                    eachLike("garden")),
                1));
    provider
        .uponReceiving("a request to create a product")
        .withRequest(POST, "/api/products")
        .body(Map.of("name", like("Hose"), "price", decimal(19.9)))
        .willRespondWith(201)
        .header("Location", regex("/api/products/[\\w-]+", "/api/products/prod-8"))
        .body(Map.of("id", like("prod-8")));

    ProductClient client = new ProductClient(provider.url());
    List<ProductClient.Product> found = client.search("garden", 10);
    String id = client.create("Hose", 19.9);

    assertThat(found).extracting(ProductClient.Product::name).containsExactly("Rake");
    assertThat(id).isEqualTo("prod-8");
  }
  // end::several[]
  // tag::junit[]
}
// end::junit[]
