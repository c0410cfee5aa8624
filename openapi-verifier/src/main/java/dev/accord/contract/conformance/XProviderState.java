package dev.accord.contract.conformance;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.pact.model.ProviderState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code x-provider-state} extension: on a response (it wins) or on an operation (for its
 * success responses, 1XX to 3XX: an error response needs its own state, on the response or in a
 * cases file), a state name ({@code x-provider-state: job 42 is ready}), a state with parameters
 * ({@code x-provider-state: {name: a job exists, params: {id: 42, state: ready}}}), or a list of
 * either.
 */
public final class XProviderState {
  /** The extension's name. */
  public static final String EXTENSION = "x-provider-state";

  private XProviderState() {}

  /**
   * The states for the response documented under {@code status}: the response's extension, else the
   * operation's when the status is a success (not 4XX, 5XX or default), else none.
   */
  public static List<ProviderState> of(ApiOperation operation, String status, JsonNode response) {
    if (response != null && response.has(EXTENSION)) {
      return states(
          response.get(EXTENSION),
          operation.displayName() + " response " + status + ", " + EXTENSION);
    }
    boolean error = status.equals("default") || status.startsWith("4") || status.startsWith("5");
    if (!error && operation.node().has(EXTENSION)) {
      return states(operation.node().get(EXTENSION), operation.displayName() + ", " + EXTENSION);
    }
    return List.of();
  }

  static List<ProviderState> states(JsonNode node, String where) {
    List<ProviderState> out = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node) {
        out.add(state(item, where));
      }
    } else {
      out.add(state(node, where));
    }
    return out;
  }

  private static ProviderState state(JsonNode node, String where) {
    if (node.isString() && !node.asString().isBlank()) {
      return ProviderState.of(node.asString());
    }
    if (node.isObject()
        && node.path("name").isString()
        && !node.path("name").asString().isBlank()) {
      Map<String, JsonNode> params = new LinkedHashMap<>();
      JsonNode p = node.get("params");
      if (p != null && !p.isObject()) {
        throw new IllegalArgumentException(
            where
                + ": params of state '"
                + node.get("name").asString()
                + "' is "
                + CasesFile.kind(p)
                + "; expected an object of values, e.g. {id: 42}");
      }
      if (p != null) {
        p.properties().forEach(e -> params.put(e.getKey(), e.getValue()));
      }
      return ProviderState.of(node.get("name").asString(), params);
    }
    throw new IllegalArgumentException(
        where
            + " is "
            + CasesFile.kind(node)
            + "; expected a state name"
            + " (job 42 is ready), {name: ..., params: {...}}, or a list of them");
  }
}
