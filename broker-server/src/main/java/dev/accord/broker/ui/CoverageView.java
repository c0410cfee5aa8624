package dev.accord.broker.ui;

import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the latest verification of a pact covered, as the verifier published it (Accord's {@code
 * coverage} object): a counts line, the provider states with their outcome, the endpoints with the
 * interactions covering them.
 */
record CoverageView(String counts, List<State> states, List<Endpoint> endpoints) {

  record State(String name, long interactions, String outcome) {}

  record Endpoint(String endpoint, List<String> interactions) {}

  /** The view of a stored coverage object, or null when there is none or it cannot be read. */
  static CoverageView of(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    JsonNode c;
    try {
      c = Json.parse(json);
    } catch (RuntimeException e) {
      return null;
    }
    String counts =
        c.path("interactions").asLong()
            + " interactions in the pact: "
            + c.path("verified").asLong()
            + " verified ("
            + c.path("passed").asLong()
            + " passed, "
            + c.path("failed").asLong()
            + " failed, "
            + c.path("pending").asLong()
            + " pending), "
            + c.path("filteredOut").asLong()
            + " filtered out, "
            + c.path("notRun").asLong()
            + " not run";
    List<State> states = new ArrayList<>();
    for (JsonNode s : c.path("providerStates")) {
      states.add(
          new State(
              s.path("name").asString(),
              s.path("interactions").asLong(),
              s.path("outcome").asString()));
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (JsonNode e : c.path("endpoints")) {
      List<String> interactions = new ArrayList<>();
      for (JsonNode i : e.path("interactions")) {
        interactions.add(i.path("name").asString() + " (" + i.path("outcome").asString() + ")");
      }
      endpoints.add(
          new Endpoint(
              e.path("method").asString() + " " + e.path("path").asString(), interactions));
    }
    return new CoverageView(counts, states, endpoints);
  }
}
