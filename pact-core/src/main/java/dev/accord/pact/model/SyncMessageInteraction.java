package dev.accord.pact.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A request message answered by one or more response messages: V4 {@code Synchronous/Messages}. */
public record SyncMessageInteraction(
    InteractionCommon common, MessageContents request, List<MessageContents> responses)
    implements Interaction {

  public static final String TYPE = "Synchronous/Messages";

  public SyncMessageInteraction {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(request, "request");
    responses = responses == null ? List.of() : List.copyOf(responses);
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

  public SyncMessageInteraction withCommon(InteractionCommon newCommon) {
    return new SyncMessageInteraction(newCommon, request, responses);
  }
}
