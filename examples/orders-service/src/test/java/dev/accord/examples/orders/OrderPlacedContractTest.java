package dev.accord.examples.orders;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.MockProvider;
import dev.accord.consumer.junit.ConsumerContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code order.placed} event orders-service consumes. Goes into the same pact file as the HTTP
 * interactions (V4 pacts hold both kinds).
 */
// tag::message[]
@ConsumerContract(consumer = "orders-service", provider = "products-service")
class OrderPlacedContractTest {

  @Test
  void recordsEachPlacedOrderToConfirm(MockProvider provider) {
    OrderPlacedHandler handler = new OrderPlacedHandler();

    provider
        .expectsToReceive("an order.placed event")
        .withContent(
            Map.of(
                "orderId", regex("ord-\\d+", "ord-1001"),
                "productId", integer(42),
                "quantity", integer(2),
                "placedAt", datetime("2026-05-01T10:15:30Z")))
        .withMetadata("topic", "order.placed")
        .deliverTo(message -> handler.handle(message.bytes()));

    assertThat(handler.ordersToConfirm())
        .containsExactly(new OrderPlaced("ord-1001", 42, 2, Instant.parse("2026-05-01T10:15:30Z")));
  }
}
// end::message[]
