package dev.accord.pact.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A message the provider sends and the consumer receives (an event on Kafka, a queue message): V4
 * {@code Asynchronous/Messages}, and the entries of a V3 message pact's {@code messages}.
 */
public record AsyncMessageInteraction(InteractionCommon common, MessageContents contents)
    implements Interaction {

  public static final String TYPE = "Asynchronous/Messages";

  public AsyncMessageInteraction {
    Objects.requireNonNull(common, "common");
    Objects.requireNonNull(contents, "contents");
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

  public AsyncMessageInteraction withCommon(InteractionCommon newCommon) {
    return new AsyncMessageInteraction(newCommon, contents);
  }
}
