package dev.accord.broker.client;

/**
 * A pact to publish: its consumer, provider and JSON text, and where it came from.
 *
 * @param consumer the consumer's name (from the pact's {@code consumer.name})
 * @param provider the provider's name (from the pact's {@code provider.name})
 * @param json the pact document
 * @param source the file or other origin, for error messages
 */
public record Contract(String consumer, String provider, String json, String source) {}
