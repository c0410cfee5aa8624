package dev.accord.broker.ui;

import dev.accord.pact.json.Json;
import dev.accord.pact.json.PactReader;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.MultiValues;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.SyncMessageInteraction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * A pact as documentation: each interaction's states, request, response(s), and its matchers and
 * generators in words.
 */
final class PactDocumentation {
  private PactDocumentation() {}

  record Doc(
      String consumer,
      String provider,
      String specification,
      List<InteractionDoc> interactions,
      List<String> warnings) {}

  record InteractionDoc(
      String anchor,
      String kind,
      String description,
      boolean pending,
      List<StateDoc> states,
      Part request,
      List<Part> responses) {}

  record StateDoc(String name, List<Field> params) {}

  record Field(String name, String value) {}

  /**
   * A request, response or message: a summary line, headers/metadata, a pretty body, and the rules
   * that apply.
   */
  record Part(
      String title,
      String summary,
      List<Field> headers,
      String body,
      List<Field> rules,
      List<Field> generators) {}

  static Doc of(String pactJson, String source) {
    PactReader.Result read = PactReader.readWithWarnings(pactJson, source);
    Pact pact = read.pact();
    List<InteractionDoc> docs = new ArrayList<>();
    int n = 0;
    for (Interaction i : pact.interactions()) {
      n++;
      docs.add(interaction(i, "interaction-" + n));
    }
    return new Doc(
        pact.consumer().name(),
        pact.provider().name(),
        pact.specification().toString(),
        docs,
        read.warnings().stream().map(Object::toString).toList());
  }

  private static InteractionDoc interaction(Interaction i, String anchor) {
    List<StateDoc> states = i.providerStates().stream().map(PactDocumentation::state).toList();
    if (i instanceof HttpInteraction h) {
      return new InteractionDoc(
          anchor,
          "HTTP",
          i.description(),
          i.pending(),
          states,
          request(h.request()),
          List.of(response(h.response())));
    }
    if (i instanceof AsyncMessageInteraction m) {
      return new InteractionDoc(
          anchor,
          "Message",
          i.description(),
          i.pending(),
          states,
          null,
          List.of(message("Message", m.contents())));
    }
    if (i instanceof SyncMessageInteraction s) {
      return new InteractionDoc(
          anchor,
          "Synchronous message",
          i.description(),
          i.pending(),
          states,
          message("Request message", s.request()),
          s.responses().stream().map(r -> message("Response message", r)).toList());
    }
    throw new IllegalArgumentException("unknown interaction type " + i.type());
  }

  private static StateDoc state(ProviderState s) {
    List<Field> params =
        s.params().entrySet().stream()
            .map(e -> new Field(e.getKey(), e.getValue().toString()))
            .toList();
    return new StateDoc(s.name(), params);
  }

  private static Part request(HttpRequest r) {
    String query =
        r.query().isEmpty()
            ? ""
            : "?"
                + r.query().entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                    .collect(Collectors.joining("&"));
    JsonNode example = json(r.body());
    Map<Category, Function<String, JsonNode>> examples =
        Map.of(
            Category.BODY,
            path -> MatcherWords.exampleAt(example, path),
            Category.PATH,
            key -> Json.nodes().stringNode(r.path()),
            Category.METHOD,
            key -> Json.nodes().stringNode(r.method()),
            Category.QUERY,
            key -> first(r.query(), key),
            Category.HEADER,
            key -> first(r.headers(), key));
    return new Part(
        "Request",
        r.method().toUpperCase() + " " + r.path() + query,
        headers(r.headers()),
        body(r.body()),
        rules(r.matchingRules(), examples),
        generators(r.generators()));
  }

  private static Part response(HttpResponse r) {
    JsonNode example = json(r.body());
    Map<Category, Function<String, JsonNode>> examples =
        Map.of(
            Category.BODY,
            path -> MatcherWords.exampleAt(example, path),
            Category.STATUS,
            key -> Json.nodes().numberNode(r.status()),
            Category.HEADER,
            key -> first(r.headers(), key));
    return new Part(
        "Response",
        "status " + r.status(),
        headers(r.headers()),
        body(r.body()),
        rules(r.matchingRules(), examples),
        generators(r.generators()));
  }

  private static Part message(String title, MessageContents m) {
    JsonNode example = json(m.contents());
    List<Field> metadata =
        m.metadata().entrySet().stream()
            .map(
                e ->
                    new Field(
                        e.getKey(),
                        e.getValue().isString()
                            ? e.getValue().asString()
                            : e.getValue().toString()))
            .toList();
    String summary =
        m.contentType().map(Object::toString).map(ct -> "content type " + ct).orElse("");
    Map<Category, Function<String, JsonNode>> examples =
        Map.of(
            Category.BODY,
            path -> MatcherWords.exampleAt(example, path),
            Category.METADATA,
            key -> m.metadata().get(key));
    return new Part(
        title,
        summary,
        metadata,
        body(m.contents()),
        rules(m.matchingRules(), examples),
        generators(m.generators()));
  }

  private static List<Field> headers(Map<String, List<String>> headers) {
    return headers.entrySet().stream()
        .map(e -> new Field(e.getKey(), String.join(", ", e.getValue())))
        .toList();
  }

  private static JsonNode first(Map<String, List<String>> values, String key) {
    return MultiValues.getIgnoreCase(values, key)
        .filter(v -> !v.isEmpty())
        .map(v -> (JsonNode) Json.nodes().stringNode(v.get(0)))
        .orElse(null);
  }

  /**
   * The example each rule is explained against: the value at a body path, the path itself, a
   * header's first value...
   */
  private static List<Field> rules(
      MatchingRules rules, Map<Category, Function<String, JsonNode>> examples) {
    List<Field> out = new ArrayList<>();
    for (Map.Entry<Category, Map<String, RuleList>> category : rules.categories().entrySet()) {
      for (Map.Entry<String, RuleList> entry : category.getValue().entrySet()) {
        Function<String, JsonNode> lookup = examples.get(category.getKey());
        JsonNode example = lookup == null ? null : lookup.apply(entry.getKey());
        out.add(
            new Field(
                where(category.getKey(), entry.getKey()),
                MatcherWords.explain(entry.getValue(), example)));
      }
    }
    return out;
  }

  private static List<Field> generators(Generators generators) {
    List<Field> out = new ArrayList<>();
    for (Map.Entry<Category, Map<String, Generator>> category :
        generators.categories().entrySet()) {
      for (Map.Entry<String, Generator> entry : category.getValue().entrySet()) {
        out.add(
            new Field(
                where(category.getKey(), entry.getKey()), MatcherWords.explain(entry.getValue())));
      }
    }
    return out;
  }

  private static String where(Category category, String key) {
    return switch (category) {
      case BODY -> key.isEmpty() ? "body" : key;
      case HEADER -> "header " + key;
      case QUERY -> "query " + key;
      case METADATA -> "metadata " + key;
      default -> category.jsonName();
    };
  }

  private static JsonNode json(Body body) {
    if (body == null || !body.isPresent() || body.isEmpty() || !body.isJsonContent()) {
      return null;
    }
    try {
      return body.asJson();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String body(Body body) {
    if (body == null || body.isMissing()) {
      return null;
    }
    JsonNode json = json(body);
    if (json != null) {
      return Json.mapper()
          .writer()
          .with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(json);
    }
    boolean binary =
        body.encoding() == Body.Encoding.BASE64
            || body.hint().filter(h -> h == Body.ContentTypeHint.BINARY).isPresent();
    return binary ? "(" + body.size() + " bytes of binary content)" : body.asString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
