package dev.accord.examples.products.order;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces placed orders on the {@code order.placed} topic. The bytes come from {@link
 * #serialize}, with the application's own Jackson {@link JsonMapper} (the one Spring Boot
 * configures), so the contract test checks exactly what goes on the wire.
 */
@Component
public class OrderPlacedPublisher {
  /** The topic the events go to. */
  public static final String TOPIC = "order.placed";

  private final JsonMapper json;
  private final EventChannel channel;

  public OrderPlacedPublisher(JsonMapper json, EventChannel channel) {
    this.json = json;
    this.channel = channel;
  }

  public void publish(OrderPlaced event) {
    channel.send(TOPIC, event.orderId(), serialize(event), headers());
  }

  /** The event's payload exactly as it is sent. */
  public byte[] serialize(OrderPlaced event) {
    return json.writeValueAsBytes(event);
  }

  /** The headers sent with every event. */
  public Map<String, Object> headers() {
    return Map.of("topic", TOPIC, "contentType", "application/json");
  }
}
