package dev.accord.pact.generators;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What generators may use: the mode, the provider-state values (state params merged with what state
 * handlers returned, later wins), the mock server's base URL, a seed for random values and a clock for
 * dates. The same seed and clock give the same values.
 */
public record GeneratorContext(
    GeneratorMode mode, Map<String, JsonNode> providerState, Optional<String> mockServerUrl, long seed, Clock clock) {

  public GeneratorContext {
    Objects.requireNonNull(mode, "mode");
    providerState = providerState == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(providerState));
    mockServerUrl = mockServerUrl == null ? Optional.empty() : mockServerUrl;
    clock = clock == null ? Clock.systemDefaultZone() : clock;
  }

  public static GeneratorContext provider(Map<String, JsonNode> providerState, long seed) {
    return new GeneratorContext(GeneratorMode.PROVIDER, providerState, Optional.empty(), seed, null);
  }

  public static GeneratorContext consumer(String mockServerUrl, long seed) {
    return new GeneratorContext(GeneratorMode.CONSUMER, Map.of(), Optional.ofNullable(mockServerUrl), seed, null);
  }
}
