package dev.accord.examples.products;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import dev.accord.examples.products.order.OrderPlaced;
import dev.accord.examples.products.order.OrderPlacedPublisher;
import dev.accord.verifier.Message;
import dev.accord.verifier.ProvidesMessage;
import dev.accord.verifier.junit5.AccordProviderTest;
import dev.accord.verifier.junit5.ProviderTestContext;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Verifies products-service against orders-service's pact (written by orders-service's contract
 * tests, which the reactor runs first): one JUnit test per interaction. HTTP interactions go to the
 * running application, provider states to its {@code /_pact/provider-states} endpoint; the {@code
 * order.placed} message comes from the production publisher's serializer.
 */
// tag::provider[]
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "products.provider-states.enabled=true")
@AccordProviderTest(
    provider = "products-service",
    pactFiles = "../orders-service/target/pacts/orders-service-products-service.json")
class ProductsContractTest {

  @LocalServerPort int port;

  @Autowired OrderPlacedPublisher publisher;

  @BeforeEach
  void target(ProviderTestContext context) {
    context
        .baseUrl("http://localhost:" + port)
        .stateChangeUrl("http://localhost:" + port + "/_pact/provider-states");
  }

  @TestTemplate
  void honoursThePact(ProviderTestContext context) {
    context.verify();
  }

  @ProvidesMessage("an order.placed event")
  Message orderPlaced() {
    OrderPlaced event = new OrderPlaced("ord-1001", 42, 2, Instant.parse("2026-05-01T10:15:30Z"));
    return Message.of(publisher.serialize(event)).withMetadata(publisher.headers());
  }
}
// end::provider[]
