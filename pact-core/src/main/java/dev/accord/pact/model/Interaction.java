package dev.accord.pact.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One interaction of a pact. The three kinds of the V4 specification are the permitted
 * implementations: {@link HttpInteraction} ({@code Synchronous/HTTP}), {@link
 * AsyncMessageInteraction} ({@code Asynchronous/Messages}) and {@link SyncMessageInteraction}
 * ({@code Synchronous/Messages}).
 */
public sealed interface Interaction
    permits HttpInteraction, AsyncMessageInteraction, SyncMessageInteraction {

  /** Human readable description; unique in a pact together with the provider states. */
  String description();

  /** The V4 {@code key}; empty when the file had none (the writer computes one for V4). */
  Optional<String> key();

  /** Provider states in the order they must be set up. */
  List<ProviderState> providerStates();

  /** V4 {@code pending}: failures are reported but do not fail verification. */
  boolean pending();

  /** V4 {@code comments} ({@code testname}, {@code text}, ...), in file order. */
  Map<String, JsonNode> comments();

  /**
   * Attributes this version of Accord does not model but must carry through a read and write
   * unchanged ({@code pluginConfiguration}, {@code interactionMarkup}, {@code transport}, and
   * unknown attributes).
   */
  Map<String, JsonNode> extensions();

  /** The V4 {@code type} string, e.g. {@code "Synchronous/HTTP"}. */
  String type();
}
