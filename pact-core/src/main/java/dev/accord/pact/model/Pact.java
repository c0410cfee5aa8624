package dev.accord.pact.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A contract between a consumer and a provider: its interactions, and the metadata of the file.
 *
 * @param specification the version the pact was read as (or is meant to be written as)
 * @param metadata metadata entries other than the specification version (e.g. {@code pactRust},
 *     {@code plugins})
 */
public record Pact(
    Pacticipant consumer,
    Pacticipant provider,
    List<Interaction> interactions,
    PactSpecification specification,
    Map<String, JsonNode> metadata) {

  public Pact {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(provider, "provider");
    interactions = interactions == null ? List.of() : List.copyOf(interactions);
    specification = specification == null ? PactSpecification.V4 : specification;
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public static Pact of(String consumer, String provider, List<Interaction> interactions) {
    return new Pact(
        Pacticipant.of(consumer),
        Pacticipant.of(provider),
        interactions,
        PactSpecification.V4,
        Map.of());
  }

  public List<HttpInteraction> httpInteractions() {
    return interactions.stream()
        .filter(HttpInteraction.class::isInstance)
        .map(HttpInteraction.class::cast)
        .toList();
  }

  public boolean hasMessages() {
    return interactions.stream().anyMatch(i -> !(i instanceof HttpInteraction));
  }

  public Pact withInteractions(List<Interaction> newInteractions) {
    return new Pact(consumer, provider, newInteractions, specification, metadata);
  }

  public Pact withSpecification(PactSpecification newSpecification) {
    return new Pact(consumer, provider, interactions, newSpecification, metadata);
  }
}
