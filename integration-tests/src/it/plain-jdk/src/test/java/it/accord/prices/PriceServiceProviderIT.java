package it.accord.prices;

import dev.accord.verifier.Message;
import dev.accord.verifier.ProvidesMessage;
import dev.accord.verifier.junit5.AccordProviderTest;
import dev.accord.verifier.junit5.ProviderTestContext;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;

/**
 * price-service against the pacts price-client and price-watcher wrote (HTTP, message) with no
 * Spring anywhere.
 */
@AccordProviderTest(provider = "price-service", pactDirectories = "target/pacts")
class PriceServiceProviderIT {
  static PriceServer server;

  @BeforeAll
  static void start() throws IOException {
    server = new PriceServer(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void target(ProviderTestContext context) {
    context.baseUrl("http://127.0.0.1:" + server.port());
  }

  @TestTemplate
  void honoursThePact(ProviderTestContext context) {
    context.verify();
  }

  @ProvidesMessage("a price.changed event")
  Message priceChanged() {
    return Message.of("{\"sku\":\"pear\",\"cents\":449}")
        .withMetadata("contentType", "application/json");
  }
}
