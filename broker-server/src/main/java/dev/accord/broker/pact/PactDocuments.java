package dev.accord.broker.pact;

import dev.accord.broker.web.ApiException;
import dev.accord.broker.web.JsonProblem;
import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactContentHash;
import dev.accord.pact.json.PactFormatException;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.Pact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks that an uploaded document is a pact (pact-core's {@link PactReader}), computes its content
 * hash ({@link PactContentHash}: interactions only, names and metadata excluded) and adds the
 * per-interaction {@code _id} that verifiers echo back.
 */
@Component
public class PactDocuments {

  /** A validated pact: the JSON to store and its content hash. */
  public record Document(ObjectNode json, String sha, String consumerName, String providerName) {}

  public Document parse(String text, String source, String field) {
    JsonNode node;
    try {
      node = Json.parse(text);
    } catch (JacksonException e) {
      throw ApiException.invalidField(
          field, JsonProblem.describe(e) + ". Send the pact file's JSON.");
    }
    if (!(node instanceof ObjectNode pact)) {
      throw ApiException.invalidField(
          field, "must be a JSON object (a pact), got " + node.getNodeType().name().toLowerCase());
    }
    String consumer = name(pact, "consumer", field);
    String provider = name(pact, "provider", field);
    if (!pact.has("interactions") && !pact.has("messages")) {
      throw ApiException.invalidField(
          field,
          "is not a pact: it has neither \"interactions\" nor \"messages\". "
              + "A pact looks like {\"consumer\":{\"name\":\"C\"},\"provider\":{\"name\":\"P\"},\"interactions\":[...],"
              + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}");
    }
    Pact parsed;
    try {
      parsed = PactReader.read(text, source);
    } catch (PactFormatException e) {
      throw ApiException.invalidField(field, e.getMessage());
    } catch (RuntimeException e) {
      // a reader bug must still answer 4xx naming the document, never 500
      throw ApiException.invalidField(
          field,
          "could not be read as a pact; check it against the pact specification "
              + "(https://github.com/pact-foundation/pact-specification)");
    }
    return new Document(pact, PactContentHash.sha256(parsed), consumer, provider);
  }

  /**
   * The JSON stored and served: interactions carry an {@code _id}, the SHA-1 of the key-sorted
   * interaction.
   */
  public ObjectNode withInteractionIds(ObjectNode pact) {
    ObjectNode copy = pact.deepCopy();
    for (String key : List.of("interactions", "messages")) {
      if (copy.get(key) instanceof ArrayNode array) {
        for (JsonNode interaction : array) {
          if (interaction instanceof ObjectNode o && !o.has("_id")) {
            o.put("_id", hex("SHA-1", canonical(o)));
          }
        }
      }
    }
    return copy;
  }

  static String canonical(JsonNode node) {
    return Json.write(Json.toTree(sorted(node)));
  }

  private static Object sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        map.put(e.getKey(), sorted(e.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : node) {
        list.add(sorted(item));
      }
      return list;
    }
    return node;
  }

  private static String hex(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(ObjectNode pact, String role, String field) {
    JsonNode name = pact.path(role).path("name");
    if (!name.isString() || name.asString().isBlank()) {
      throw ApiException.invalidField(
          field,
          "has no "
              + role
              + " name: expected \""
              + role
              + "\": {\"name\": \"...\"} at $."
              + role
              + ".name");
    }
    return name.asString();
  }
}
