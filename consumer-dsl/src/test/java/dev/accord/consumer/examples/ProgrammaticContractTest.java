package dev.accord.consumer.examples;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.Contract;
import dev.accord.pact.model.PactSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The programmatic API, as a main, TestNG or Spock would use it (JUnit only runs this check). */
class ProgrammaticContractTest {

  @TempDir Path pactDirectory;

  @Test
  void runsAContractWithoutTheJUnitExtension() throws Exception {
    recordTheContract(pactDirectory);

    assertThat(Files.readString(pactDirectory.resolve("orders-service-products-service.json")))
        .contains("\"version\": \"3.0.0\"");
  }

  // tag::programmatic[]
  static void recordTheContract(Path pactDirectory) throws Exception {
    try (Contract contract =
        Contract.between("orders-service", "products-service")
            .pactDirectory(
                pactDirectory) // else -Daccord.pact.dir, else $ACCORD_PACT_DIR, else target/pacts
            .specification(PactSpecification.V3) // V4 by default
            .start()) {
      contract.test(
          "fetches a product",
          provider -> {
            provider
                .given("a product exists", Map.of("id", "prod-001"))
                .uponReceiving("a request for a product")
                .withRequest(GET, "/api/products/prod-001")
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

            ProductClient.Product product =
                new ProductClient(provider.url()).getProduct("prod-001");

            assertThat(product.name()).isEqualTo("Widget Pro");
          });
    } // the pact file is written here, from the tests that passed
  }
  // end::programmatic[]
}
