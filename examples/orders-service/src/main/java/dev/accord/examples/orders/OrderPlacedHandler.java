package dev.accord.examples.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code order.placed} events (the bytes a message broker delivers) and records each order
 * to confirm. A payload it cannot read is refused with the reason, so the broker can dead-letter
 * it.
 */
public final class OrderPlacedHandler {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private final List<OrderPlaced> toConfirm = new CopyOnWriteArrayList<>();

  /** Handles one event payload (UTF-8 JSON). */
  public void handle(byte[] payload) {
    OrderPlaced event;
    try {
      event = JSON.readValue(payload, OrderPlaced.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Unreadable order.placed event: " + e.getOriginalMessage(), e);
    }
    if (event.orderId() == null || event.orderId().isBlank()) {
      throw new IllegalArgumentException(
          "order.placed event without orderId: "
              + new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (event.quantity() <= 0) {
      throw new IllegalArgumentException(
          "order.placed event "
              + event.orderId()
              + " has quantity "
              + event.quantity()
              + "; expected a positive quantity");
    }
    toConfirm.add(event);
  }

  /** The orders received so far, oldest first. */
  public List<OrderPlaced> ordersToConfirm() {
    return List.copyOf(toConfirm);
  }
}
