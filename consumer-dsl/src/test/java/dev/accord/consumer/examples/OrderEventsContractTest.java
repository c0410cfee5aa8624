package dev.accord.consumer.examples;

import static dev.accord.consumer.Accord.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accord.consumer.Message;
import dev.accord.consumer.MockProvider;
import dev.accord.consumer.SyncExchange;
import dev.accord.consumer.junit.ConsumerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ConsumerContract(
    consumer = "shipping-service",
    provider = "orders-events",
    pactDirectory = "target/pacts-examples")
class OrderEventsContractTest {

  // tag::async[]
  record OrderPlaced(String orderId, int quantity) {}

  /** The consumer's real handler. */
  static final class OrderPlacedHandler {
    final List<OrderPlaced> shipped = new ArrayList<>();

    void handle(OrderPlaced event) {
      shipped.add(event);
    }
  }

  @Test
  void shipsPlacedOrders(MockProvider provider) {
    OrderPlacedHandler handler = new OrderPlacedHandler();

    provider
        .given("an order exists", Map.of("orderId", "o-1"))
        .expectsToReceive("an order.placed event")
        .withContent(Map.of("orderId", like("o-1"), "quantity", integer(2)))
        .withMetadata(Map.of("topic", "orders", "key", regex("o-\\d+", "o-1")))
        .deliverTo(message -> handler.handle(message.as(OrderPlaced.class)));

    assertThat(handler.shipped).containsExactly(new OrderPlaced("o-1", 2));
  }

  // end::async[]

  @Test
  void readsTheMessageDirectly(MockProvider provider) {
    Message message =
        provider
            .expectsToReceive("an order.cancelled event")
            .withContent(Map.of("orderId", like("o-2"), "reason", like("customer request")))
            .withMetadata("topic", "orders")
            .message();

    assertThat(message.asJson().get("reason").asString()).isEqualTo("customer request");
    assertThat(message.metadata())
        .containsEntry("topic", "orders")
        .containsEntry("contentType", "application/json");
    assertThat(message.contentType()).contains("application/json");
  }

  // tag::sync[]
  @Test
  void asksForAQuote(MockProvider provider) {
    SyncExchange exchange =
        provider
            .uponReceiving("a quote request")
            .withRequestMessage(Map.of("sku", like("ABC-1"), "quantity", integer(3)))
            .willRespondWith(Map.of("price", decimal(9.99), "currency", regex("[A-Z]{3}", "EUR")))
            .exchange();

    assertThat(exchange.request().asJson().get("sku").asString()).isEqualTo("ABC-1");
    assertThat(exchange.response().asJson().get("currency").asString()).isEqualTo("EUR");
  }
  // end::sync[]
}
