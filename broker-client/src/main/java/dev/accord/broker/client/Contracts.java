package dev.accord.broker.client;

import dev.accord.pact.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads pact files to publish.
 *
 * <pre>{@code
 * List<Contract> contracts = Contracts.read(List.of(Path.of("target/pacts")));
 * }</pre>
 */
public final class Contracts {
  private Contracts() {}

  /**
   * Reads pact files and the {@code *.json} files directly inside directories, sorted by name.
   * Files for the same consumer and provider are merged into one pact (their interactions
   * combined).
   *
   * @throws IllegalArgumentException naming the file and what is wrong: missing, unreadable, not
   *     JSON, no {@code consumer.name}/{@code provider.name}, or two different interactions with
   *     the same description and provider states
   */
  public static List<Contract> read(List<Path> filesOrDirectories) {
    List<Path> files = new ArrayList<>();
    for (Path p : filesOrDirectories) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> listing = Files.list(p)) {
          listing
              .filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new IllegalArgumentException(
              "Cannot list pact directory " + p + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException(
            "Pact file or directory not found: " + p.toAbsolutePath());
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No pact files (*.json) found in " + filesOrDirectories);
    }
    Map<String, Merged> byPair = new LinkedHashMap<>();
    for (Path file : files) {
      Contract contract = parse(file);
      String key = contract.consumer() + "\u0000" + contract.provider();
      Merged existing = byPair.get(key);
      if (existing == null) {
        byPair.put(key, new Merged(contract, (ObjectNode) Json.parse(contract.json())));
      } else {
        existing.merge(contract);
      }
    }
    List<Contract> out = new ArrayList<>();
    for (Merged m : byPair.values()) {
      out.add(m.result());
    }
    return out;
  }

  /** Reads one pact file. */
  public static Contract parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read pact file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Reads one pact document; {@code source} names it in errors. */
  public static Contract parse(String json, String source) {
    JsonNode doc;
    try {
      doc = Json.parse(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Pact file " + source + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException(
          "Pact file "
              + source
              + " must contain a JSON object with consumer, provider and interactions");
    }
    String consumer = doc.path("consumer").path("name").asString("");
    String provider = doc.path("provider").path("name").asString("");
    if (consumer.isBlank()) {
      throw new IllegalArgumentException(
          "Pact file "
              + source
              + " has no consumer name at $.consumer.name; expected e.g. \"consumer\": {\"name\": \"orders-service\"}");
    }
    if (provider.isBlank()) {
      throw new IllegalArgumentException(
          "Pact file "
              + source
              + " has no provider name at $.provider.name; expected e.g. \"provider\": {\"name\": \"products-service\"}");
    }
    return new Contract(consumer, provider, json, source);
  }

  private static final class Merged {
    private final Contract first;
    private final ObjectNode doc;
    private final List<String> sources = new ArrayList<>();
    private final Map<String, JsonNode> seen = new LinkedHashMap<>();
    private final Map<String, String> seenIn = new LinkedHashMap<>();
    private boolean merged;

    Merged(Contract first, ObjectNode doc) {
      this.first = first;
      this.doc = doc;
      sources.add(first.source());
      for (String field : List.of("interactions", "messages")) {
        for (JsonNode item : doc.path(field)) {
          seen.put(field + key(item), item);
          seenIn.put(field + key(item), first.source());
        }
      }
    }

    void merge(Contract other) {
      ObjectNode otherDoc = (ObjectNode) Json.parse(other.json());
      for (String field : List.of("interactions", "messages")) {
        JsonNode items = otherDoc.path(field);
        if (!items.isArray()) {
          continue;
        }
        ArrayNode target =
            doc.has(field) && doc.get(field).isArray()
                ? (ArrayNode) doc.get(field)
                : doc.putArray(field);
        for (JsonNode item : items) {
          String k = field + key(item);
          JsonNode previous = seen.get(k);
          if (previous == null) {
            target.add(item);
            seen.put(k, item);
            seenIn.put(k, other.source());
          } else if (!previous.equals(item)) {
            throw new IllegalArgumentException(
                "Cannot merge the pacts between "
                    + first.consumer()
                    + " and "
                    + first.provider()
                    + ": the interaction '"
                    + item.path("description").asString("")
                    + "'"
                    + states(item)
                    + " differs between "
                    + seenIn.get(k)
                    + " and "
                    + other.source()
                    + ". Give the interactions different descriptions, or publish one file only.");
          }
        }
      }
      sources.add(other.source());
      merged = true;
    }

    Contract result() {
      return merged
          ? new Contract(
              first.consumer(), first.provider(), Json.write(doc), String.join(" + ", sources))
          : first;
    }

    private static String key(JsonNode item) {
      JsonNode states =
          item.has("providerStates") ? item.get("providerStates") : item.path("providerState");
      return "\u0000"
          + item.path("description").asString("")
          + "\u0000"
          + (states.isMissingNode() ? "" : Json.write(states));
    }

    private static String states(JsonNode item) {
      JsonNode states =
          item.has("providerStates") ? item.get("providerStates") : item.path("providerState");
      if (states.isMissingNode() || states.isNull()) {
        return "";
      }
      List<String> names = new ArrayList<>();
      if (states.isArray()) {
        states.forEach(s -> names.add(s.path("name").asString("")));
      } else {
        names.add(states.asString(""));
      }
      return " given " + String.join(", ", names);
    }
  }
}
