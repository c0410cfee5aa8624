package dev.accord.consumer.examples;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

// tag::nested[]
@ConsumerContract(
    consumer = "orders-service",
    provider = "products-service",
    pactDirectory = "target/pacts-examples")
class ProductClientNestedContractTest {

  @Nested
  class WhenTheProductExists {
    @Test
    void fetchesIt(MockProvider provider) {
      provider
          .given("a product exists", Map.of("id", "prod-002"))
          .uponReceiving("a request for product prod-002")
          .withRequest(GET, "/api/products/prod-002")
          .willRespondWith(200)
          .body(
              Map.of(
                  "id",
                  like("prod-002"),
                  "name",
                  like("Gadget"),
                  "price",
                  decimal(9.5),
                  "tags",
                  eachLike("tools")));

      assertThat(new ProductClient(provider.url()).getProduct("prod-002").name())
          .isEqualTo("Gadget");
    }
  }

  @Nested
  class WhenTheProductIsMissing {
    @Test
    void reportsIt(MockProvider provider) {
      provider
          .given("no product exists")
          .uponReceiving("a request for a missing product")
          .withRequest(GET, "/api/products/prod-404")
          .willRespondWith(404);

      assertThatThrownBy(() -> new ProductClient(provider.url()).getProduct("prod-404"))
          .hasMessageContaining("404");
    }
  }
}
// end::nested[]
