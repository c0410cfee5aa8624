package dev.accord.pact.json.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.MultiValues;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.SyncMessageInteraction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns the model into V3 or V4 pact JSON with a fixed key order. */
public final class PactEncoder {
  /** Attributes the reader always takes as modelled ones, so an extension can never use them. */
  private static final Set<String> RESERVED =
      Set.of(
          "type",
          "key",
          "description",
          "providerStates",
          "providerState",
          "provider_state",
          "pending",
          "comments");

  private PactEncoder() {}

  public static ObjectNode encode(Pact pact, PactSpecification version) {
    if (version != PactSpecification.V3 && version != PactSpecification.V4) {
      throw new IllegalArgumentException(
          "Accord writes pacts as V3 or V4, not "
              + version
              + "; use PactSpecification.V4 (the default) or PactSpecification.V3");
    }
    ObjectNode root = Json.nodes().objectNode();
    root.putObject("consumer").put("name", pact.consumer().name());
    root.putObject("provider").put("name", pact.provider().name());
    if (version == PactSpecification.V4) {
      ArrayNode interactions = root.putArray("interactions");
      pact.interactions().forEach(i -> interactions.add(v4Interaction(i)));
    } else {
      boolean anyHttp = pact.interactions().stream().anyMatch(HttpInteraction.class::isInstance);
      boolean anyAsync =
          pact.interactions().stream().anyMatch(AsyncMessageInteraction.class::isInstance);
      List<String> sync =
          pact.interactions().stream()
              .filter(SyncMessageInteraction.class::isInstance)
              .map(Interaction::description)
              .toList();
      if (!sync.isEmpty()) {
        throw new IllegalArgumentException(
            "The pact between "
                + pact.consumer().name()
                + " and "
                + pact.provider().name()
                + " cannot be written as V3: V3 has no synchronous messages, but it holds "
                + sync.size()
                + " ("
                + quote(sync)
                + "). Write it as V4 (PactSpecification.V4) instead.");
      }
      if (anyHttp && anyAsync) {
        throw new IllegalArgumentException(
            "The pact between "
                + pact.consumer().name()
                + " and "
                + pact.provider().name()
                + " cannot be written as V3: a V3 file holds either HTTP interactions or "
                + "messages, but this pact holds both. Write it as V4 (PactSpecification.V4), or split it into an "
                + "HTTP pact and a message pact.");
      }
      if (anyAsync) {
        ArrayNode messages = root.putArray("messages");
        pact.interactions().forEach(i -> messages.add(v3Message((AsyncMessageInteraction) i)));
      } else {
        ArrayNode interactions = root.putArray("interactions");
        pact.interactions().forEach(i -> interactions.add(v3Http((HttpInteraction) i)));
      }
    }
    root.set("metadata", metadata(pact, version));
    return root;
  }

  private static String quote(List<String> descriptions) {
    List<String> quoted = descriptions.stream().limit(5).map(d -> "'" + d + "'").toList();
    return String.join(", ", quoted) + (descriptions.size() > 5 ? ", ..." : "");
  }

  private static ObjectNode metadata(Pact pact, PactSpecification version) {
    Map<String, JsonNode> entries = new TreeMap<>(pact.metadata());
    entries.put(
        "pactSpecification", Json.nodes().objectNode().put("version", version.versionString()));
    entries.put("accord", Json.nodes().objectNode().put("version", AccordVersion.get()));
    ObjectNode metadata = Json.nodes().objectNode();
    entries.forEach(metadata::set);
    return metadata;
  }

  // ---------------------------------------------------------------- V4

  public static ObjectNode v4Interaction(Interaction interaction) {
    ObjectNode o = Json.nodes().objectNode();
    o.put("type", interaction.type());
    o.put("key", InteractionKeys.keyOf(interaction));
    o.put("description", interaction.description());
    states(o, interaction.providerStates());
    if (interaction instanceof HttpInteraction http) {
      o.set("request", request(http.request(), PactSpecification.V4));
      o.set("response", response(http.response(), PactSpecification.V4));
    } else if (interaction instanceof AsyncMessageInteraction async) {
      messageContents(o, async.contents(), PactSpecification.V4);
    } else if (interaction instanceof SyncMessageInteraction sync) {
      o.set(
          "request",
          messageContents(Json.nodes().objectNode(), sync.request(), PactSpecification.V4));
      ArrayNode responses = o.putArray("response");
      sync.responses()
          .forEach(
              r ->
                  responses.add(
                      messageContents(Json.nodes().objectNode(), r, PactSpecification.V4)));
    }
    o.put("pending", interaction.pending());
    comments(o, interaction);
    extensions(o, interaction);
    return o;
  }

  // ---------------------------------------------------------------- V3

  private static ObjectNode v3Http(HttpInteraction interaction) {
    ObjectNode o = Json.nodes().objectNode();
    interaction.key().ifPresent(k -> o.put("key", k));
    o.put("description", interaction.description());
    states(o, interaction.providerStates());
    o.set("request", request(interaction.request(), PactSpecification.V3));
    o.set("response", response(interaction.response(), PactSpecification.V3));
    v3Extras(o, interaction);
    return o;
  }

  private static ObjectNode v3Message(AsyncMessageInteraction interaction) {
    ObjectNode o = Json.nodes().objectNode();
    interaction.key().ifPresent(k -> o.put("key", k));
    o.put("description", interaction.description());
    states(o, interaction.providerStates());
    MessageContents contents = interaction.contents();
    if (contents.contents().isPresent()) {
      o.set(
          "contents",
          BodyCodec.writeLegacy(contents.contents(), contents.contentType().orElse(null)));
    }
    ObjectNode metaData = o.putObject("metaData");
    contents.metadata().forEach(metaData::set);
    rulesAndGenerators(o, contents.matchingRules(), contents.generators(), PactSpecification.V3);
    v3Extras(o, interaction);
    return o;
  }

  /**
   * V4 attributes a V3 file does not define; written only when set, so nothing is lost in a V3
   * round trip.
   */
  private static void v3Extras(ObjectNode o, Interaction interaction) {
    if (interaction.pending()) {
      o.put("pending", true);
    }
    comments(o, interaction);
    extensions(o, interaction);
  }

  // ---------------------------------------------------------------- parts

  private static void states(ObjectNode o, List<ProviderState> states) {
    if (states.isEmpty()) {
      return;
    }
    ArrayNode array = o.putArray("providerStates");
    for (ProviderState state : states) {
      ObjectNode s = array.addObject();
      s.put("name", state.name());
      if (!state.params().isEmpty()) {
        ObjectNode params = s.putObject("params");
        state.params().forEach(params::set);
      }
    }
  }

  private static void comments(ObjectNode o, Interaction interaction) {
    if (!interaction.comments().isEmpty()) {
      ObjectNode comments = o.putObject("comments");
      interaction.comments().forEach(comments::set);
    }
  }

  private static void extensions(ObjectNode o, Interaction interaction) {
    Map<String, JsonNode> sorted = new TreeMap<>(interaction.extensions());
    sorted.forEach(
        (k, v) -> {
          if (!RESERVED.contains(k) && !o.has(k)) {
            o.set(k, v);
          }
        });
  }

  private static ObjectNode request(HttpRequest request, PactSpecification version) {
    ObjectNode o = Json.nodes().objectNode();
    o.put("method", request.method());
    o.put("path", request.path());
    if (!request.query().isEmpty()) {
      ObjectNode query = o.putObject("query");
      request
          .query()
          .forEach(
              (k, values) -> {
                ArrayNode array = query.putArray(k);
                values.forEach(array::add);
              });
    }
    headers(o, request.headers(), version);
    body(o, request.body(), request.headers(), version);
    rulesAndGenerators(o, request.matchingRules(), request.generators(), version);
    return o;
  }

  private static ObjectNode response(HttpResponse response, PactSpecification version) {
    ObjectNode o = Json.nodes().objectNode();
    o.put("status", response.status());
    headers(o, response.headers(), version);
    body(o, response.body(), response.headers(), version);
    rulesAndGenerators(o, response.matchingRules(), response.generators(), version);
    return o;
  }

  private static void headers(
      ObjectNode o, Map<String, List<String>> headers, PactSpecification version) {
    if (headers.isEmpty()) {
      return;
    }
    ObjectNode h = o.putObject("headers");
    headers.forEach(
        (name, values) -> {
          if (version == PactSpecification.V4) {
            ArrayNode array = h.putArray(name);
            values.forEach(array::add);
          } else {
            h.put(name, String.join(", ", values));
          }
        });
  }

  private static void body(
      ObjectNode o, Body body, Map<String, List<String>> headers, PactSpecification version) {
    if (body.isMissing()) {
      return;
    }
    if (version == PactSpecification.V4) {
      o.set("body", BodyCodec.writeV4(body));
    } else {
      ContentType ct =
          MultiValues.getIgnoreCase(headers, "Content-Type")
              .filter(v -> !v.isEmpty())
              .map(v -> ContentType.parse(String.join(", ", v)))
              .orElse(null);
      o.set("body", BodyCodec.writeLegacy(body, ct));
    }
  }

  private static ObjectNode messageContents(
      ObjectNode o, MessageContents contents, PactSpecification version) {
    if (contents.contents().isPresent()) {
      o.set("contents", BodyCodec.writeV4(contents.contents()));
    }
    if (!contents.metadata().isEmpty()) {
      ObjectNode metadata = o.putObject("metadata");
      contents.metadata().forEach(metadata::set);
    }
    rulesAndGenerators(o, contents.matchingRules(), contents.generators(), version);
    return o;
  }

  private static void rulesAndGenerators(
      ObjectNode o, MatchingRules rules, Generators generators, PactSpecification version) {
    if (!rules.isEmpty()) {
      o.set("matchingRules", RulesCodec.write(rules, version));
    }
    if (!generators.isEmpty()) {
      o.set("generators", GeneratorsCodec.write(generators));
    }
  }
}
