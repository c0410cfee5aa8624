package dev.accord.consumer;

import dev.accord.consumer.internal.MockHttpServer;
import dev.accord.consumer.internal.Reports;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.AsyncMessageInteraction;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpInteraction;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.MultiValues;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.SyncMessageInteraction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Interactions being declared, compiled to the Pact model after every step (so errors surface at
 * once).
 */
final class Drafts {
  private Drafts() {}

  /** A provider state as declared. */
  record StateDecl(String name, Map<String, ?> params) {}

  /** A body as declared: a JSON value with matchers, a text or bytes, with a content type. */
  record BodySpec(Object json, String text, byte[] bytes, String contentType) {
    static BodySpec json(Object value) {
      return new BodySpec(value, null, null, null);
    }

    static BodySpec text(String text, String contentType) {
      return new BodySpec(null, java.util.Objects.requireNonNull(text, "text"), null, contentType);
    }

    static BodySpec bytes(byte[] bytes, String contentType) {
      return new BodySpec(
          null, null, java.util.Objects.requireNonNull(bytes, "bytes").clone(), contentType);
    }

    boolean isJson() {
      return text == null && bytes == null;
    }
  }

  /** Accumulates rules and generators per category. */
  static final class Parts {
    final MatchingRules.Builder rules = MatchingRules.builder();
    final Map<Category, Map<String, Generator>> generators = new EnumMap<>(Category.class);
    private final Map<Category, Map<String, List<MatchingRule>>> pending =
        new EnumMap<>(Category.class);

    void rules(Category category, String key, List<MatchingRule> list) {
      if (!list.isEmpty()) {
        List<MatchingRule> all =
            pending
                .computeIfAbsent(category, c -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new ArrayList<>());
        for (MatchingRule r : list) {
          if (!all.contains(r)) {
            all.add(r);
          }
        }
      }
    }

    void generator(Category category, String key, Generator generator) {
      if (generator != null) {
        generators
            .computeIfAbsent(category, c -> new LinkedHashMap<>())
            .putIfAbsent(key, generator);
      }
    }

    void body(Category category, ValueCompiler.Compiled compiled) {
      compiled.rules().forEach((path, list) -> rules(category, path, list.rules()));
      compiled.generators().forEach((path, g) -> generator(category, path, g));
    }

    MatchingRules matchingRules() {
      pending.forEach(
          (c, byKey) -> byKey.forEach((k, list) -> rules.add(c, k, new RuleList(list, null))));
      return rules.build();
    }

    Generators generators() {
      return new Generators(generators);
    }
  }

  /** What every draft has: description, states and their variables, key, pending, comments. */
  abstract static class Draft {
    final String description;
    final List<StateDecl> states;
    final Map<String, ValueCompiler.StateVariable> variables;
    final List<ProviderState> providerStates;
    String key;
    boolean pending;
    final List<String> comments = new ArrayList<>();

    Draft(String description, List<StateDecl> states) {
      this.description = java.util.Objects.requireNonNull(description, "description");
      this.states = List.copyOf(states);
      this.variables = new LinkedHashMap<>();
      this.providerStates = new ArrayList<>();
      for (StateDecl s : states) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        if (s.params() != null) {
          s.params()
              .forEach(
                  (name, value) -> {
                    ValueCompiler compiler =
                        new ValueCompiler(
                            "parameter '"
                                + name
                                + "' of provider state '"
                                + s.name()
                                + "' of interaction '"
                                + description
                                + "'",
                            Map.of());
                    JsonNode example = compiler.compile(value).example();
                    params.put(name, example);
                    List<MatchingRule> rules =
                        value instanceof Matcher m && m.kind == Matcher.Kind.VALUE
                            ? m.rules
                            : List.of();
                    variables.put(name, new ValueCompiler.StateVariable(name, example, rules));
                  });
        }
        providerStates.add(ProviderState.of(s.name(), sortedIfUnordered(s.params(), params)));
      }
    }

    String label() {
      return Reports.label(description, providerStates);
    }

    InteractionCommon common() {
      Map<String, JsonNode> commentMap = new LinkedHashMap<>();
      if (!comments.isEmpty()) {
        ArrayNode text = Json.nodes().arrayNode();
        comments.forEach(text::add);
        commentMap.put("text", text);
      }
      return new InteractionCommon(
          description, Optional.ofNullable(key), providerStates, pending, commentMap, Map.of());
    }

    ValueCompiler compiler(String part) {
      return new ValueCompiler("the " + part + " of interaction '" + description + "'", variables);
    }

    abstract Interaction interaction();
  }

  static Map<String, JsonNode> sortedIfUnordered(
      Map<String, ?> declared, Map<String, JsonNode> compiled) {
    if (declared instanceof LinkedHashMap<?, ?> || declared instanceof java.util.SortedMap<?, ?>) {
      return compiled;
    }
    return new java.util.TreeMap<>(compiled);
  }

  /** Compiles a body into {@code parts} under {@link Category#BODY}. */
  static Body body(BodySpec spec, String contentTypeHeader, ValueCompiler compiler, Parts parts) {
    if (spec == null) {
      return Body.missing();
    }
    if (spec.isJson()) {
      ContentType ct =
          contentTypeHeader != null && ContentType.parse(contentTypeHeader).isJson()
              ? ContentType.parse(contentTypeHeader)
              : ContentType.JSON;
      ValueCompiler.Compiled compiled = compiler.compile(spec.json());
      parts.body(Category.BODY, compiled);
      return Body.json(compiled.example(), ct);
    }
    String ctText = spec.contentType() != null ? spec.contentType() : contentTypeHeader;
    ContentType ct = ctText == null ? null : ContentType.parse(ctText);
    return spec.text() != null
        ? Body.text(spec.text(), ct == null ? ContentType.TEXT : ct)
        : Body.bytes(spec.bytes(), ct == null ? ContentType.OCTET_STREAM : ct);
  }

  /**
   * Compiles named multi-valued entries (headers, query) into {@code parts} under {@code category}.
   */
  static Map<String, List<String>> values(
      Map<String, List<Object>> declared,
      Category category,
      boolean response,
      ValueCompiler compiler,
      Parts parts) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    declared.forEach(
        (name, values) -> {
          List<String> examples = new ArrayList<>();
          for (Object v : values) {
            ValueCompiler.Scalar s = compiler.compileScalar(v, response);
            examples.add(s.example());
            parts.rules(category, name, s.rules());
            parts.generator(category, name, s.generator());
          }
          out.put(name, examples);
        });
    return out;
  }

  /** An HTTP interaction being declared. */
  static final class HttpDraft extends Draft implements MockHttpServer.Expectation {
    final String method;
    final Object path;
    final Map<String, List<Object>> requestHeaders = new LinkedHashMap<>();
    final Map<String, List<Object>> query = new LinkedHashMap<>();
    BodySpec requestBody;
    Object status;
    final Map<String, List<Object>> responseHeaders = new LinkedHashMap<>();
    BodySpec responseBody;
    private volatile HttpInteraction built;

    HttpDraft(String description, List<StateDecl> states, String method, Object path) {
      super(description, states);
      this.method =
          java.util.Objects.requireNonNull(method, "method").toUpperCase(java.util.Locale.ROOT);
      this.path = java.util.Objects.requireNonNull(path, "path");
    }

    /** Recompiles; throws {@link ContractDefinitionException} on a bad declaration. */
    void rebuild() {
      Parts req = new Parts();
      ValueCompiler.Scalar p = compiler("request path").compileScalar(path, false);
      req.rules(Category.PATH, "", p.rules());
      req.generator(Category.PATH, "", p.generator());
      Map<String, List<String>> headers =
          values(requestHeaders, Category.HEADER, false, compiler("request headers"), req);
      Map<String, List<String>> q =
          values(query, Category.QUERY, false, compiler("request query"), req);
      String ct =
          MultiValues.getIgnoreCase(headers, "Content-Type")
              .filter(v -> !v.isEmpty())
              .map(v -> v.get(0))
              .orElse(null);
      Body body = body(requestBody, ct, compiler("request body"), req);
      headers = withContentType(headers, ct, requestBody, body);
      HttpRequest request =
          new HttpRequest(
              method, p.example(), q, headers, body, req.matchingRules(), req.generators());

      Parts res = new Parts();
      int statusExample = 200;
      if (status instanceof Matcher m) {
        ValueCompiler.Scalar s = compiler("response status").compileScalar(m, true);
        statusExample = Integer.parseInt(s.example());
        res.rules(Category.STATUS, "", s.rules());
      } else if (status != null) {
        statusExample = (Integer) status;
      }
      Map<String, List<String>> rHeaders =
          values(responseHeaders, Category.HEADER, true, compiler("response headers"), res);
      String rct =
          MultiValues.getIgnoreCase(rHeaders, "Content-Type")
              .filter(v -> !v.isEmpty())
              .map(v -> v.get(0))
              .orElse(null);
      Body rBody = body(responseBody, rct, compiler("response body"), res);
      rHeaders = withContentType(rHeaders, rct, responseBody, rBody);
      HttpResponse response =
          new HttpResponse(statusExample, rHeaders, rBody, res.matchingRules(), res.generators());
      built = new HttpInteraction(common(), request, response);
    }

    private static Map<String, List<String>> withContentType(
        Map<String, List<String>> headers, String declared, BodySpec spec, Body body) {
      if (declared != null || spec == null || body.contentType().isEmpty()) {
        return headers;
      }
      Map<String, List<String>> copy = new LinkedHashMap<>(headers);
      copy.put("Content-Type", List.of(body.contentType().get().raw()));
      return copy;
    }

    @Override
    public HttpRequest request() {
      return built.request();
    }

    @Override
    public HttpResponse response() {
      return built.response();
    }

    @Override
    public String label() {
      return super.label();
    }

    @Override
    HttpInteraction interaction() {
      return built;
    }
  }

  /** An HTTP interaction declared in model form ({@link MockProvider#declare(HttpInteraction)}). */
  static final class ModelDraft extends Draft implements MockHttpServer.Expectation {
    private final HttpInteraction interaction;

    ModelDraft(HttpInteraction interaction) {
      super(
          interaction.description(),
          interaction.providerStates().stream()
              .map(s -> new StateDecl(s.name(), s.params()))
              .toList());
      this.interaction = interaction;
    }

    @Override
    public HttpRequest request() {
      return interaction.request();
    }

    @Override
    public HttpResponse response() {
      return interaction.response();
    }

    @Override
    public String label() {
      return super.label();
    }

    @Override
    HttpInteraction interaction() {
      return interaction;
    }
  }

  /** Compiles message metadata into {@code parts} under {@link Category#METADATA}. */
  static Map<String, JsonNode> metadata(
      Map<String, Object> declared, ValueCompiler compiler, Parts parts, Body body) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    declared.forEach(
        (key, value) -> {
          ValueCompiler.Compiled c = compiler.compile(value);
          out.put(key, c.example());
          RuleList atRoot = c.rules().get("$");
          if (atRoot != null) {
            parts.rules(Category.METADATA, key, atRoot.rules());
          }
          Generator g = c.generators().get("$");
          parts.generator(Category.METADATA, key, g);
        });
    boolean hasContentType =
        out.keySet().stream()
            .anyMatch(k -> k.equalsIgnoreCase("contentType") || k.equalsIgnoreCase("content-type"));
    if (!hasContentType && body.contentType().isPresent()) {
      out.put("contentType", Json.nodes().stringNode(body.contentType().get().raw()));
    }
    return out;
  }

  /** One message (async payload, sync request or one sync response) being declared. */
  static final class MessagePart {
    final BodySpec content;
    final Map<String, Object> metadata = new LinkedHashMap<>();

    MessagePart(BodySpec content) {
      this.content = content;
    }

    MessageContents compile(Draft draft, String part) {
      Parts parts = new Parts();
      String ct =
          metadata.entrySet().stream()
              .filter(
                  e ->
                      e.getKey().equalsIgnoreCase("contentType")
                          || e.getKey().equalsIgnoreCase("content-type"))
              .map(e -> String.valueOf(e.getValue()))
              .findFirst()
              .orElse(null);
      Body body = body(content, ct, draft.compiler(part), parts);
      Map<String, JsonNode> meta =
          metadata(metadata, draft.compiler(part + " metadata"), parts, body);
      return new MessageContents(body, meta, parts.matchingRules(), parts.generators());
    }
  }

  /** An asynchronous message being declared. */
  static class AsyncDraft extends Draft {
    MessagePart message;
    boolean delivered;
    private AsyncMessageInteraction built;

    AsyncDraft(String description, List<StateDecl> states) {
      super(description, states);
    }

    /** A message declared in model form. */
    AsyncDraft(AsyncMessageInteraction interaction) {
      super(
          interaction.description(),
          interaction.providerStates().stream()
              .map(s -> new StateDecl(s.name(), s.params()))
              .toList());
      this.message = new MessagePart(null);
      this.built = interaction;
    }

    void rebuild() {
      built = new AsyncMessageInteraction(common(), message.compile(this, "message content"));
    }

    @Override
    AsyncMessageInteraction interaction() {
      return built;
    }
  }

  /** A synchronous message being declared. */
  static final class SyncDraft extends Draft {
    MessagePart request;
    final List<MessagePart> responses = new ArrayList<>();
    boolean delivered;
    private SyncMessageInteraction built;

    SyncDraft(String description, List<StateDecl> states) {
      super(description, states);
    }

    /** A synchronous message declared in model form. */
    SyncDraft(SyncMessageInteraction interaction) {
      super(
          interaction.description(),
          interaction.providerStates().stream()
              .map(s -> new StateDecl(s.name(), s.params()))
              .toList());
      this.built = interaction;
    }

    void rebuild() {
      List<MessageContents> rs = new ArrayList<>();
      for (int i = 0; i < responses.size(); i++) {
        rs.add(responses.get(i).compile(this, "response message " + (i + 1)));
      }
      built = new SyncMessageInteraction(common(), request.compile(this, "request message"), rs);
    }

    @Override
    SyncMessageInteraction interaction() {
      return built;
    }
  }
}
