package dev.accord.verifier;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.ProviderState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Small builders for pacts in tests. */
final class Pacts {
  private Pacts() {}

  static Pact pact(String consumer, Interaction... interactions) {
    return Pact.of(consumer, "products-service", List.of(interactions));
  }

  static HttpInteraction get(String description, String path, int status, ProviderState... states) {
    return new HttpInteraction(
        InteractionCommon.of(description, List.of(states)),
        HttpRequest.of("GET", path),
        HttpResponse.of(status));
  }

  static ProviderState state(String name, Object... keyValues) {
    Map<String, JsonNode> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], Json.toTree(keyValues[i + 1]));
    }
    return ProviderState.of(name, params);
  }
}
