package dev.accord.pact.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A provider state an interaction needs, with its parameters, e.g. {@code "product prod-001
 * exists"} with {@code {"id": "prod-001"}}. Parameters keep their JSON types and their order.
 */
public record ProviderState(String name, Map<String, JsonNode> params) {
  public ProviderState {
    Objects.requireNonNull(name, "name");
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public static ProviderState of(String name) {
    return new ProviderState(name, Map.of());
  }

  public static ProviderState of(String name, Map<String, JsonNode> params) {
    return new ProviderState(name, params);
  }
}
