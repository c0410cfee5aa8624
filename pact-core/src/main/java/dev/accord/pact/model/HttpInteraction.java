package dev.accord.pact.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A request and the response the provider must give: V4 {@code Synchronous/HTTP}, and every V1-V3
 * interaction.
 */
public record HttpInteraction(InteractionCommon common, HttpRequest request, HttpResponse response)
    implements Interaction {

  public static final String TYPE = "Synchronous/HTTP";

  public HttpInteraction {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
  }

  @Override
  public String description() {
    return common.description();
  }

  @Override
  public Optional<String> key() {
    return common.key();
  }

  @Override
  public List<ProviderState> providerStates() {
    return common.providerStates();
  }

  @Override
  public boolean pending() {
    return common.pending();
  }

  @Override
  public Map<String, JsonNode> comments() {
    return common.comments();
  }

  @Override
  public Map<String, JsonNode> extensions() {
    return common.extensions();
  }

  @Override
  public String type() {
    return TYPE;
  }

  public HttpInteraction withCommon(InteractionCommon newCommon) {
    return new HttpInteraction(newCommon, request, response);
  }
}
