package it.accord.greeting;

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
 * greeting-service honours both pacts its consumers' tests wrote: the HTTP one and the
 * greeting.sent message.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AccordProviderTest(
    provider = "greeting-service",
    pactFiles = {
      "target/pacts/greeting-client-greeting-service.json",
      "target/pacts/greeting-listener-greeting-service.json"
    })
class GreetingServiceProviderIT {

  @LocalServerPort int port;

  @Autowired GreetingEvents events;

  @BeforeEach
  void target(ProviderTestContext context) {
    context.baseUrl("http://localhost:" + port);
  }

  @TestTemplate
  void honoursThePact(ProviderTestContext context) {
    context.verify();
  }

  @ProvidesMessage("a greeting.sent event")
  Message greetingSent() {
    return Message.of(
            events.serialize(new GreetingSent("Ada", Instant.parse("2026-05-01T10:15:30Z"))))
        .withMetadata("contentType", "application/json");
  }
}
