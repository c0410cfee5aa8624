package dev.accord.pact.json;

import dev.accord.pact.json.internal.InteractionKeys;
import dev.accord.pact.json.internal.PactEncoder;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.Pact;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content identity of a pact: what the broker stores once and what a verification result
 * belongs to.
 *
 * <p>Only the interactions count: the consumer and provider names, the metadata (specification
 * version, writer versions) and the file's formatting do not. Interactions are taken in their V4
 * form, so the same interactions read from a V3 and from a V4 file hash equal. Interaction order
 * counts.
 *
 * <pre>{@code
 * String hash = PactContentHash.sha256(PactReader.read(Path.of("orders-products.json")));
 * }</pre>
 */
public final class PactContentHash {
  private PactContentHash() {}

  /** {@code {"interactions":[...]}} in the V4 form, compact, every object's keys sorted. */
  public static String canonicalJson(Pact pact) {
    Objects.requireNonNull(pact, "pact");
    ObjectNode root = Json.nodes().objectNode();
    ArrayNode interactions = root.putArray("interactions");
    for (Interaction interaction : pact.interactions()) {
      interactions.add(PactEncoder.v4Interaction(interaction));
    }
    return Json.writeCanonical(root);
  }

  /** The lower-case hex SHA-256 of {@link #canonicalJson(Pact)} in UTF-8. */
  public static String sha256(Pact pact) {
    return InteractionKeys.sha256Hex(canonicalJson(pact));
  }
}
