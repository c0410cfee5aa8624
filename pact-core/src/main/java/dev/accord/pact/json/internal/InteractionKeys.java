package dev.accord.pact.json.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.ProviderState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The V4 interaction {@code key} computed when an interaction has none: the first 16 hex digits of
 * the SHA-256 of the description and the provider states (names and parameters, keys sorted).
 * Deterministic, so writing the same pact twice gives the same keys.
 */
public final class InteractionKeys {
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is not available in this JVM", e);
            }
          });

  private InteractionKeys() {}

  public static String compute(String description, List<ProviderState> states) {
    StringBuilder sb = new StringBuilder(description);
    for (ProviderState state : states) {
      sb.append('\u0000').append(state.name());
      ObjectNode params = Json.nodes().objectNode();
      state.params().forEach(params::set);
      sb.append('\u0000').append(Json.writeCanonical(params));
    }
    return sha256Hex(sb.toString()).substring(0, 16);
  }

  public static String keyOf(Interaction interaction) {
    return interaction
        .key()
        .orElseGet(() -> compute(interaction.description(), interaction.providerStates()));
  }

  public static String sha256Hex(String text) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
