package dev.accord.pact.generators;

/**
 * Which side runs the generators: {@code ProviderState} runs only on the provider, {@code
 * MockServerURL} only on the consumer.
 */
public enum GeneratorMode {
  CONSUMER,
  PROVIDER
}
