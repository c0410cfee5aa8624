package dev.accord.verifier.junit5;

import static dev.accord.verifier.junit5.PlatformRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.verifier.Failure;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.ProviderVerifier;
import dev.accord.verifier.ProvidesMessage;
import dev.accord.verifier.VerificationReport;
import dev.accord.verifier.junit5.PlatformRun.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.engine.TestExecutionResult;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * GIVEN a consumer expecting snake_case events and a producer that returns an object, WHEN the
 * provider verifies, THEN the bytes come from the production serializer where one is set, and a
 * failure caused by Accord's own mapper says so.
 */
class MessageSerializerTest {
  static final String PACT = "src/test/resources/pacts/junit-order-events.json";

  /** The production event; production writes it in snake_case. */
  record OrderPlaced(String orderId, long totalCents) {}

  /**
   * The application's mapper, configured as production configures it (Spring's spring.jackson.*
   * would do the same).
   */
  static final JsonMapper PRODUCTION_MAPPER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  @Disabled("run by MessageSerializerTest through the JUnit Platform launcher")
  @AccordProviderTest(provider = "orders-service", pactFiles = PACT)
  static class WithTheProductionMapper {
    @BeforeEach
    void serializer(ProviderTestContext context) {
      context.messageSerializer(PRODUCTION_MAPPER::writeValueAsBytes);
    }

    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }

    @ProvidesMessage("an order.placed event")
    OrderPlaced orderPlaced() {
      return new OrderPlaced("ord-1", 1299);
    }
  }

  @Disabled("run by MessageSerializerTest through the JUnit Platform launcher")
  @AccordProviderTest(provider = "orders-service", pactFiles = PACT)
  static class WithoutASerializer {
    @TestTemplate
    void honours(ProviderTestContext context) {
      context.verify();
    }

    @ProvidesMessage("an order.placed event")
    OrderPlaced orderPlaced() {
      return new OrderPlaced("ord-1", 1299);
    }
  }

  @Test
  void theJunitProviderSerializesReturnedObjectsWithTheProductionMapper() {
    List<Outcome> outcomes = run(WithTheProductionMapper.class);

    assertThat(outcomes)
        .extracting(Outcome::name, Outcome::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "billing-service \u00b7 an order.placed event",
                TestExecutionResult.Status.SUCCESSFUL));
  }

  @Test
  void withoutASerializerABodyMismatchSaysThatAccordsDefaultMapperWroteTheBytes() {
    List<Outcome> outcomes = run(WithoutASerializer.class);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).status()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(outcomes.get(0).message())
        .contains("Body had differences")
        .contains(
            "Note: Accord's default JSON mapper wrote these bytes: the @ProvidesMessage method returned a OrderPlaced and"
                + " no message serializer is set. If production serializes it differently (a configured ObjectMapper,"
                + " snake_case names, a Kafka Serializer), verify what production sends: set the production serializer,"
                + " context.messageSerializer(objectMapper::writeValueAsBytes) in @BeforeEach (JUnit) or"
                + " ProviderVerifier.messageSerializer(...), or return the bytes production sends.");
  }

  /** A Kafka value serializer as a producer would configure it (value.serializer). */
  static final class OrderPlacedSerializer implements Serializer<OrderPlaced> {
    final List<String> topics = new ArrayList<>();

    @Override
    public byte[] serialize(String topic, OrderPlaced event) {
      topics.add(topic);
      return PRODUCTION_MAPPER.writeValueAsBytes(event);
    }
  }

  @Test
  void theBuilderSerializesReturnedObjectsWithAKafkaSerializer() {
    OrderPlacedSerializer kafkaSerializer = new OrderPlacedSerializer();
    Object producer =
        new Object() {
          @ProvidesMessage("an order.placed event")
          OrderPlaced orderPlaced() {
            return new OrderPlaced("ord-1", 1299);
          }
        };
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    VerificationReport report =
        ProviderVerifier.forProvider("orders-service")
            .pactsFrom(PactSource.file(Path.of(PACT)))
            .messageProviders(producer)
            .messageSerializer(
                event -> kafkaSerializer.serialize("order.placed", (OrderPlaced) event))
            .output(new PrintStream(console, true))
            .verify();

    assertThat(report.results()).singleElement().satisfies(r -> assertThat(r.failures()).isEmpty());
    assertThat(kafkaSerializer.topics).containsExactly("order.placed");
  }

  @Test
  void bytesReturnedByTheProducerAreNotBlamedOnTheDefaultMapper() {
    Object producer =
        new Object() {
          @ProvidesMessage("an order.placed event")
          byte[] orderPlaced() {
            return "{\"orderId\":\"ord-1\",\"totalCents\":1299}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
        };

    VerificationReport report =
        ProviderVerifier.forProvider("orders-service")
            .pactsFrom(PactSource.file(Path.of(PACT)))
            .messageProviders(producer)
            .output(new PrintStream(new ByteArrayOutputStream(), true))
            .verify();

    assertThat(report.results().get(0).failures())
        .extracting(Failure::detail)
        .noneMatch(d -> d.contains("default JSON mapper"));
    assertThat(report.results().get(0).failures())
        .extracting(Failure::summary)
        .contains("Body had differences");
  }
}
