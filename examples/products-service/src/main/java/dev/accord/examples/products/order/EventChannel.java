package dev.accord.examples.products.order;

import java.util.Map;

/**
 * Where events go: a Kafka or RabbitMQ template in production; {@link LoggingEventChannel} in the
 * example.
 */
public interface EventChannel {
  void send(String topic, String key, byte[] payload, Map<String, Object> headers);
}
