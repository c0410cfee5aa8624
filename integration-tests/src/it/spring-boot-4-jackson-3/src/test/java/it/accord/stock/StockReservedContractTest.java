package it.accord.stock;

import static dev.accord.consumer.Accord.datetime;
import static dev.accord.consumer.Accord.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.PackageVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message contract in a project whose own Jackson 3 is older than the one Accord was built with.
 */
@ConsumerContract(consumer = "stock-listener", provider = "stock-service")
class StockReservedContractTest {

  @Test
  void theProjectRunsOnItsOwnJackson3() {
    assertThat(PackageVersion.VERSION.toString()).startsWith("3.0.");
  }

  @Test
  void recordsAReservation(MockProvider provider) {
    StockEvents events = new StockEvents(JsonMapper.builder().build());

    provider
        .expectsToReceive("a stock.reserved event")
        .withContent(
            Map.of(
                "sku",
                "apple",
                "quantity",
                integer(3),
                "reserved_at",
                datetime("2026-05-01T10:15:30Z")))
        .deliverTo(message -> events.onMessage(message.bytes()));

    assertThat(events.reservations())
        .containsExactly(new StockReserved("apple", 3, Instant.parse("2026-05-01T10:15:30Z")));
  }
}
