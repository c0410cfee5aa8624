package dev.accord.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderPlacedHandlerTest {
  private final OrderPlacedHandler handler = new OrderPlacedHandler();

  @Test
  void ignoresFieldsItDoesNotKnow() {
    handler.handle(
        bytes(
            "{\"orderId\":\"ord-1\",\"productId\":3,\"quantity\":1,"
                + "\"placedAt\":\"2026-05-01T10:15:30Z\",\"channel\":\"web\"}"));

    assertThat(handler.ordersToConfirm()).extracting(OrderPlaced::orderId).containsExactly("ord-1");
  }

  @Test
  void refusesAnEventWithoutQuantityNamingTheOrder() {
    assertThatThrownBy(
            () -> handler.handle(bytes("{\"orderId\":\"ord-2\",\"productId\":3,\"quantity\":0}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order.placed event ord-2 has quantity 0; expected a positive quantity");
    assertThat(handler.ordersToConfirm()).isEmpty();
  }

  @Test
  void refusesAPayloadThatIsNotJson() {
    assertThatThrownBy(() -> handler.handle(bytes("not json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unreadable order.placed event: ");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
