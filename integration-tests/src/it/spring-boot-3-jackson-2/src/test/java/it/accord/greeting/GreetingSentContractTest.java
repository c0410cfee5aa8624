package it.accord.greeting;

import static dev.accord.consumer.Accord.datetime;
import static dev.accord.consumer.Accord.like;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first message contract of a Spring Boot 3.4 project: where an unrelocated Jackson 3 failed to
 * load.
 */
@ConsumerContract(consumer = "greeting-listener", provider = "greeting-service")
class GreetingSentContractTest {

  @Test
  void theProjectRunsOnItsOwnJackson2() {
    assertThat(PackageVersion.VERSION.toString()).startsWith("2.18.");
  }

  @Test
  void receivesAGreetingSentEvent(MockProvider provider) {
    GreetingEvents events =
        new GreetingEvents(JsonMapper.builder().addModule(new JavaTimeModule()).build());

    provider
        .expectsToReceive("a greeting.sent event")
        .withContent(
            Map.of("greeted_name", like("Ada"), "sent_at", datetime("2026-05-01T10:15:30Z")))
        .deliverTo(message -> events.handle(message.bytes()));

    assertThat(events.received())
        .containsExactly(new GreetingSent("Ada", Instant.parse("2026-05-01T10:15:30Z")));
  }
}
