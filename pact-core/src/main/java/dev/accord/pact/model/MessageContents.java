package dev.accord.pact.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The payload of a message with its metadata (Kafka headers, content type, destination), and the
 * rules and generators that apply to both. Payload rules live in the {@link RuleCategory#BODY}
 * category (files that say {@code content} are read into it too); metadata rules in {@link
 * RuleCategory#METADATA}.
 */
public record MessageContents(
    Body contents,
    Map<String, JsonNode> metadata,
    MatchingRules matchingRules,
    Generators generators) {

  public MessageContents {
    contents = contents == null ? Body.missing() : contents;
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    matchingRules = matchingRules == null ? MatchingRules.empty() : matchingRules;
    generators = generators == null ? Generators.empty() : generators;
  }

  public static MessageContents of(Body contents) {
    return new MessageContents(contents, null, null, null);
  }

  /**
   * The content type: the body's own, else the {@code contentType} / {@code content-type} metadata
   * entry (key compared case-insensitively).
   */
  public Optional<ContentType> contentType() {
    return contents
        .contentType()
        .or(
            () ->
                metadata.entrySet().stream()
                    .filter(
                        e ->
                            e.getKey().equalsIgnoreCase("contentType")
                                || e.getKey().equalsIgnoreCase("content-type"))
                    .map(e -> e.getValue().asString())
                    .findFirst()
                    .map(ContentType::parse));
  }

  public MessageContents withContents(Body newContents) {
    return new MessageContents(newContents, metadata, matchingRules, generators);
  }

  public MessageContents withMetadata(Map<String, JsonNode> newMetadata) {
    return new MessageContents(contents, newMetadata, matchingRules, generators);
  }

  public MessageContents withMatchingRules(MatchingRules newRules) {
    return new MessageContents(contents, metadata, newRules, generators);
  }

  public MessageContents withGenerators(Generators newGenerators) {
    return new MessageContents(contents, metadata, matchingRules, newGenerators);
  }
}
