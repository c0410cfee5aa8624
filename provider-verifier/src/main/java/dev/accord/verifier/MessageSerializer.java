package dev.accord.verifier;

/**
 * Turns an object returned by a {@link ProvidesMessage @ProvidesMessage} method into bytes, the way
 * the production producer does: {@code objectMapper::writeValueAsBytes}, or {@code event ->
 * kafkaSerializer.serialize(topic, event)}.
 */
@FunctionalInterface
public interface MessageSerializer {
  byte[] serialize(Object message) throws Exception;
}
