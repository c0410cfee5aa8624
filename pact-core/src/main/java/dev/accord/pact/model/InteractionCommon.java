package dev.accord.pact.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What every kind of interaction has: description, key, provider states, pending flag, comments and
 * carried-through extension attributes.
 */
public record InteractionCommon(
    String description,
    Optional<String> key,
    List<ProviderState> providerStates,
    boolean pending,
    Map<String, JsonNode> comments,
    Map<String, JsonNode> extensions) {

  public InteractionCommon {
    Objects.requireNonNull(description, "description");
    key = key == null ? Optional.empty() : key;
    providerStates = providerStates == null ? List.of() : List.copyOf(providerStates);
    comments =
        comments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(comments));
    extensions =
        extensions == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  public static InteractionCommon of(String description, List<ProviderState> providerStates) {
    return new InteractionCommon(
        description, Optional.empty(), providerStates, false, Map.of(), Map.of());
  }

  public InteractionCommon withKey(String newKey) {
    return new InteractionCommon(
        description, Optional.ofNullable(newKey), providerStates, pending, comments, extensions);
  }

  public InteractionCommon withPending(boolean newPending) {
    return new InteractionCommon(
        description, key, providerStates, newPending, comments, extensions);
  }

  public InteractionCommon withComments(Map<String, JsonNode> newComments) {
    return new InteractionCommon(
        description, key, providerStates, pending, newComments, extensions);
  }
}
