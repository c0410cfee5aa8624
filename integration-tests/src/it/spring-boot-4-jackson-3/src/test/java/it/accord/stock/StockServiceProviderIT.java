package it.accord.stock;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

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
 * stock-service against both pacts, the stock.reserved message written by the application's own
 * mapper.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AccordProviderTest(provider = "stock-service", pactDirectories = "target/pacts")
class StockServiceProviderIT {

  @LocalServerPort int port;

  @Autowired StockEvents events;

  @BeforeEach
  void pointAtTheApplication(ProviderTestContext context) {
    context.baseUrl("http://localhost:" + port);
  }

  @TestTemplate
  void honoursThePact(ProviderTestContext context) {
    context.verify();
  }

  @ProvidesMessage("a stock.reserved event")
  Message stockReserved() {
    return Message.of(
            events.write(new StockReserved("apple", 3, Instant.parse("2026-05-01T10:15:30Z"))))
        .withMetadata("contentType", "application/json");
  }
}
