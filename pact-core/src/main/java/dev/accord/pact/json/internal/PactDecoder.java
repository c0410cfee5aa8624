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
import dev.accord.pact.model.InteractionCommon;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.MultiValues;
import dev.accord.pact.model.Pact;
import dev.accord.pact.model.PactSpecification;
import dev.accord.pact.model.Pacticipant;
import dev.accord.pact.model.ProviderState;
import dev.accord.pact.model.SyncMessageInteraction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns pact JSON of any specification version into the model. One instance per read. */
public final class PactDecoder {
  static final String PACT_FORM =
      "{\"consumer\": {\"name\": \"orders\"}, \"provider\": {\"name\": \"products\"}, "
          + "\"interactions\": [...], \"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}}}";
  static final String VERSION_FORM =
      "\"metadata\": {\"pactSpecification\": {\"version\": \"4.0\"}} "
          + "(versions: \"1.0.0\", \"1.1.0\", \"2.0.0\", \"3.0.0\", \"4.0\")";

  /**
   * Top-level attributes read or knowingly skipped: a Pact Broker (Accord's and the others) serves
   * a pact with its HAL links and publication date ({@code _links}, {@code _embedded}, {@code
   * createdAt}), which are not part of the contract.
   */
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "consumer",
          "provider",
          "interactions",
          "messages",
          "metadata",
          "_links",
          "_embedded",
          "createdAt");

  private static final Set<String> SPEC_METADATA_KEYS =
      Set.of("pactSpecification", "pactSpecificationVersion", "pact-specification", "accord");

  /**
   * Headers whose values may contain commas and are never split (after pact-jvm's HeaderParser).
   */
  private static final Set<String> SINGLE_VALUE_HEADERS =
      Set.of(
          "date",
          "accept-datetime",
          "if-modified-since",
          "if-unmodified-since",
          "expires",
          "retry-after",
          "last-modified",
          "set-cookie",
          "user-agent");

  private static final Set<String> COMMON_KEYS =
      Set.of(
          "type",
          "description",
          "key",
          "providerStates",
          "providerState",
          "provider_state",
          "pending",
          "comments");

  /**
   * Interaction attributes that are part of the Pact format but not modelled: carried without a
   * warning.
   */
  private static final Set<String> KNOWN_EXTENSIONS =
      Set.of("_id", "pluginConfiguration", "interactionMarkup", "transport", "id");

  private final ReadContext ctx;
  private PactSpecification version = PactSpecification.V2;

  public PactDecoder(ReadContext ctx) {
    this.ctx = ctx;
  }

  public Pact decode(String json) {
    JsonNode root = parse(json);
    ObjectNode pact = ctx.object(root, "$", PACT_FORM);
    ctx.warnUnknown(pact, "$", TOP_LEVEL);
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    version = detectVersion(pact, metadata);
    // every part that can be read on its own is: one read reports every problem of the file
    Pacticipant consumer = ctx.part(() -> pacticipant(pact, "consumer"));
    Pacticipant provider = ctx.part(() -> pacticipant(pact, "provider"));
    List<Interaction> interactions = new ArrayList<>();
    decodeEach(
        pact,
        "interactions",
        "\"interactions\": [{\"description\": \"...\", \"request\": {...}, \"response\": {...}}]",
        version == PactSpecification.V4 ? this::v4Interaction : this::legacyHttpInteraction,
        interactions);
    decodeEach(
        pact,
        "messages",
        "\"messages\": [{\"description\": \"...\", \"contents\": {...}, \"metaData\": {...}}]",
        version == PactSpecification.V4 ? this::v4Interaction : this::legacyMessage,
        interactions);
    ctx.failOnProblems();
    return new Pact(consumer, provider, interactions, version, metadata);
  }

  /**
   * Decodes each element of the optional array {@code $.<key>} (absent or null: nothing) into
   * {@code out}.
   */
  private void decodeEach(
      ObjectNode pact,
      String key,
      String validForm,
      java.util.function.BiFunction<JsonNode, String, Interaction> decoder,
      List<Interaction> out) {
    JsonNode node = pact.get(key);
    if (node == null || node.isNull()) {
      return;
    }
    ArrayNode array = ctx.part(() -> ctx.array(node, "$." + key, validForm));
    for (int i = 0; array != null && i < array.size(); i++) {
      int index = i;
      Interaction interaction =
          ctx.part(() -> decoder.apply(array.get(index), JsonPaths.index("$." + key, index)));
      if (interaction != null) {
        out.add(interaction);
      }
    }
  }

  private JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      throw ctx.error(null, "the document is empty", PACT_FORM);
    }
    try {
      JsonNode node = Json.parse(json);
      if (node == null || node.isMissingNode()) {
        throw ctx.error(null, "the document is empty", PACT_FORM);
      }
      return node;
    } catch (JacksonException e) {
      TokenStreamLocation location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw ctx.error(
          null,
          "broken JSON" + where + ": " + e.getOriginalMessage(),
          "a JSON document such as " + PACT_FORM,
          e);
    }
  }

  private PactSpecification detectVersion(ObjectNode pact, Map<String, JsonNode> metadata) {
    JsonNode metaNode = pact.get("metadata");
    if (metaNode == null || metaNode.isNull()) {
      return PactSpecification.V2;
    }
    ObjectNode meta = ctx.object(metaNode, "$.metadata", VERSION_FORM);
    meta.properties()
        .forEach(
            e -> {
              if (!SPEC_METADATA_KEYS.contains(e.getKey())) {
                metadata.put(e.getKey(), e.getValue());
              }
            });
    String versionText = null;
    String versionPath = null;
    if (meta.hasNonNull("pactSpecificationVersion")) {
      versionPath = "$.metadata.pactSpecificationVersion";
      versionText = versionText(meta.get("pactSpecificationVersion"), versionPath);
    } else if (meta.hasNonNull("pactSpecification")) {
      versionPath = "$.metadata.pactSpecification";
      versionText = versionObject(meta.get("pactSpecification"), versionPath);
    } else if (meta.hasNonNull("pact-specification")) {
      versionPath = "$.metadata['pact-specification']";
      versionText = versionObject(meta.get("pact-specification"), versionPath);
    }
    if (versionText == null) {
      return PactSpecification.V2;
    }
    String text = versionText;
    String path = versionPath;
    return PactSpecification.parse(versionText)
        .orElseThrow(
            () ->
                ctx.error(path, "unknown Pact specification version '" + text + "'", VERSION_FORM));
  }

  private String versionObject(JsonNode node, String path) {
    ObjectNode o = ctx.object(node, path, VERSION_FORM);
    JsonNode v = o.get("version");
    if (v == null || v.isNull()) {
      throw ctx.error(
          JsonPaths.field(path, "version"), "the specification version is missing", VERSION_FORM);
    }
    return versionText(v, JsonPaths.field(path, "version"));
  }

  private String versionText(JsonNode v, String path) {
    if (v.isString()) {
      return v.stringValue();
    }
    if (v.isNumber()) {
      return v.asString();
    }
    throw ctx.error(
        path, "expected a version string but found " + ReadContext.describe(v), VERSION_FORM);
  }

  private Pacticipant pacticipant(ObjectNode pact, String role) {
    String form =
        "\""
            + role
            + "\": {\"name\": \""
            + (role.equals("consumer") ? "orders-service" : "products-service")
            + "\"}";
    JsonNode node = pact.get(role);
    if (node == null || node.isNull()) {
      throw ctx.error("$." + role, "the " + role + " is missing", form);
    }
    ObjectNode o = ctx.object(node, "$." + role, form);
    JsonNode name = o.get("name");
    if (name == null || name.isNull()) {
      throw ctx.error("$." + role + ".name", "the " + role + " name is missing", form);
    }
    String value = ctx.string(name, "$." + role + ".name", form);
    if (value.isBlank()) {
      throw ctx.error("$." + role + ".name", "the " + role + " name is empty", form);
    }
    return Pacticipant.of(value);
  }

  // ---------------------------------------------------------------- interactions

  private InteractionCommon common(ObjectNode o, String path, Set<String> ownKeys) {
    String form = "\"description\": \"a request for product 1\"";
    JsonNode descriptionNode = o.get("description");
    if (descriptionNode == null || descriptionNode.isNull()) {
      throw ctx.error(
          JsonPaths.field(path, "description"), "the interaction has no description", form);
    }
    String description = ctx.string(descriptionNode, JsonPaths.field(path, "description"), form);
    List<ProviderState> states = providerStates(o, path);
    Optional<String> key = ctx.optString(o, "key", path, "\"key\": \"a1b2c3\"");
    if (key.isPresent() && key.get().equals(InteractionKeys.compute(description, states))) {
      key = Optional.empty(); // the key Accord computes anyway: keeps read(write(p)) equal to p
    }
    boolean pending = ctx.optBoolean(o, "pending", path, "\"pending\": true").orElse(false);
    Map<String, JsonNode> comments = new LinkedHashMap<>();
    ReadContext.attribute(o, "comments")
        .ifPresent(
            c ->
                ctx.object(
                        c,
                        JsonPaths.field(path, "comments"),
                        "\"comments\": {\"testname\": \"OrdersTest.getOrder\", \"text\": [\"a note\"]}")
                    .properties()
                    .forEach(e -> comments.put(e.getKey(), e.getValue())));
    Map<String, JsonNode> extensions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      if (COMMON_KEYS.contains(e.getKey()) || ownKeys.contains(e.getKey())) {
        continue;
      }
      extensions.put(e.getKey(), e.getValue());
      if (!KNOWN_EXTENSIONS.contains(e.getKey())) {
        ctx.warnUnknownKept(JsonPaths.field(path, e.getKey()), e.getKey());
      }
    }
    return new InteractionCommon(description, key, states, pending, comments, extensions);
  }

  private List<ProviderState> providerStates(ObjectNode o, String path) {
    String form = "\"providerStates\": [{\"name\": \"product 1 exists\", \"params\": {\"id\": 1}}]";
    List<ProviderState> states = new ArrayList<>();
    JsonNode list = o.get("providerStates");
    String legacyName =
        o.has("providerState")
            ? "providerState"
            : o.has("provider_state") ? "provider_state" : null;
    if (list != null && !list.isNull()) {
      if (legacyName != null) {
        ctx.warn(
            JsonPaths.field(path, legacyName),
            "'" + legacyName + "' is ignored because 'providerStates' is present");
      }
      String listPath = JsonPaths.field(path, "providerStates");
      ArrayNode array = ctx.array(list, listPath, form);
      for (int i = 0; i < array.size(); i++) {
        String statePath = JsonPaths.index(listPath, i);
        JsonNode s = array.get(i);
        if (s.isString()) {
          states.add(ProviderState.of(s.stringValue()));
          continue;
        }
        ObjectNode state = ctx.object(s, statePath, form);
        String name = ctx.requireString(state, "name", statePath, form);
        Map<String, JsonNode> params = new LinkedHashMap<>();
        ReadContext.attribute(state, "params")
            .ifPresent(
                p ->
                    ctx.object(p, JsonPaths.field(statePath, "params"), form)
                        .properties()
                        .forEach(e -> params.put(e.getKey(), e.getValue())));
        ctx.warnUnknown(state, statePath, Set.of("name", "params"));
        states.add(ProviderState.of(name, params));
      }
    } else if (legacyName != null) {
      JsonNode legacy = o.get(legacyName);
      if (legacy != null && !legacy.isNull()) {
        String name =
            ctx.string(
                legacy,
                JsonPaths.field(path, legacyName),
                "\"providerState\": \"product 1 exists\"");
        if (!name.isEmpty()) {
          states.add(ProviderState.of(name));
        }
      }
    }
    return states;
  }

  private static final Set<String> HTTP_KEYS = Set.of("request", "response");
  private static final Set<String> MESSAGE_KEYS =
      Set.of("contents", "content", "metadata", "metaData", "matchingRules", "generators");

  private HttpInteraction legacyHttpInteraction(JsonNode node, String path) {
    ObjectNode o =
        ctx.object(
            node,
            path,
            "{\"description\": \"...\", \"request\": {\"method\": \"GET\", \"path\": "
                + "\"/\"}, \"response\": {\"status\": 200}}");
    return httpInteraction(o, path, false);
  }

  /**
   * Description and states, request and response, each read on its own so that each reports its
   * problems.
   */
  private HttpInteraction httpInteraction(ObjectNode o, String path, boolean v4) {
    InteractionCommon common = ctx.part(() -> common(o, path, HTTP_KEYS));
    HttpRequest request = ctx.part(() -> request(o, JsonPaths.field(path, "request"), v4));
    HttpResponse response = ctx.part(() -> response(o, JsonPaths.field(path, "response"), v4));
    return common == null || request == null || response == null
        ? null
        : new HttpInteraction(common, request, response);
  }

  private Interaction v4Interaction(JsonNode node, String path) {
    String form =
        "{\"type\": \"Synchronous/HTTP\", \"description\": \"...\", \"request\": {...}, \"response\": {...}} "
            + "(types: Synchronous/HTTP, Asynchronous/Messages, Synchronous/Messages)";
    ObjectNode o = ctx.object(node, path, form);
    String type = ctx.optString(o, "type", path, form).orElse(null);
    if (type == null) {
      type =
          o.has("contents")
              ? AsyncMessageInteraction.TYPE
              : o.has("response") && o.get("response").isArray()
                  ? SyncMessageInteraction.TYPE
                  : HttpInteraction.TYPE;
      ctx.warn(
          JsonPaths.field(path, "type"),
          "the interaction has no type; read as " + type + " from its shape");
    }
    switch (type) {
      case HttpInteraction.TYPE:
        return httpInteraction(o, path, true);
      case AsyncMessageInteraction.TYPE:
        {
          InteractionCommon common = common(o, path, MESSAGE_KEYS);
          return new AsyncMessageInteraction(common, messageContents(o, path, true));
        }
      case SyncMessageInteraction.TYPE:
        {
          InteractionCommon common = common(o, path, HTTP_KEYS);
          String requestPath = JsonPaths.field(path, "request");
          String contentsForm =
              "{\"contents\": {\"content\": {...}, \"contentType\": \"application/json\"}, \"metadata\": {}}";
          JsonNode requestNode = o.get("request");
          if (requestNode == null || requestNode.isNull()) {
            throw ctx.error(
                requestPath,
                "a Synchronous/Messages interaction needs a request message",
                contentsForm);
          }
          MessageContents request =
              messageContents(
                  ctx.object(requestNode, requestPath, contentsForm), requestPath, true);
          List<MessageContents> responses = new ArrayList<>();
          JsonNode responseNode = o.get("response");
          String responsePath = JsonPaths.field(path, "response");
          if (responseNode != null && !responseNode.isNull()) {
            ArrayNode array =
                ctx.array(responseNode, responsePath, "\"response\": [" + contentsForm + "]");
            for (int i = 0; i < array.size(); i++) {
              String p = JsonPaths.index(responsePath, i);
              responses.add(messageContents(ctx.object(array.get(i), p, contentsForm), p, true));
            }
          }
          return new SyncMessageInteraction(common, request, responses);
        }
      default:
        throw ctx.error(
            JsonPaths.field(path, "type"),
            "unknown interaction type '" + type + "'",
            "\"type\": \"Synchronous/HTTP\", \"Asynchronous/Messages\" or \"Synchronous/Messages\"");
    }
  }

  private AsyncMessageInteraction legacyMessage(JsonNode node, String path) {
    ObjectNode o =
        ctx.object(
            node,
            path,
            "{\"description\": \"...\", \"contents\": {...}, \"metaData\": "
                + "{\"contentType\": \"application/json\"}}");
    InteractionCommon common = common(o, path, MESSAGE_KEYS);
    return new AsyncMessageInteraction(common, messageContents(o, path, false));
  }

  private MessageContents messageContents(ObjectNode o, String path, boolean v4) {
    if (o.has("metaData") && o.has("metadata")) {
      ctx.warn(
          JsonPaths.field(path, "metaData"),
          "both 'metaData' and 'metadata' are present; 'metadata' is used");
    }
    String metaKey = o.has("metadata") ? "metadata" : "metaData";
    Map<String, JsonNode> metadata = new LinkedHashMap<>();
    ReadContext.attribute(o, metaKey)
        .ifPresent(
            m ->
                ctx.object(
                        m,
                        JsonPaths.field(path, metaKey),
                        "\"metadata\": {\"contentType\": \"application/json\", \"destination\": \"orders\"}")
                    .properties()
                    .forEach(e -> metadata.put(e.getKey(), e.getValue())));
    String contentsKey = o.has("contents") ? "contents" : o.has("content") ? "content" : null;
    Body body = Body.missing();
    if (contentsKey != null) {
      JsonNode contents = o.get(contentsKey);
      String contentsPath = JsonPaths.field(path, contentsKey);
      body =
          v4
              ? BodyCodec.readV4(contents, contentsPath, ctx)
              : BodyCodec.readLegacy(
                  contents, metadataContentType(metadata, path), contentsPath, ctx);
    }
    return new MessageContents(body, metadata, rules(o, path), generators(o, path));
  }

  private ContentType metadataContentType(Map<String, JsonNode> metadata, String path) {
    for (Map.Entry<String, JsonNode> e : metadata.entrySet()) {
      if ((e.getKey().equalsIgnoreCase("contentType")
              || e.getKey().equalsIgnoreCase("content-type"))
          && e.getValue().isString()) {
        return BodyCodec.parseContentType(
            e.getValue().stringValue(), JsonPaths.field(path, e.getKey()), ctx);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- request and response

  private static final Set<String> REQUEST_KEYS =
      Set.of(
          "method",
          "path",
          "query",
          "headers",
          "body",
          "matchingRules",
          "generators",
          "requestMatchingRules",
          "responseMatchingRules");
  private static final Set<String> RESPONSE_KEYS =
      Set.of(
          "status",
          "headers",
          "body",
          "matchingRules",
          "generators",
          "requestMatchingRules",
          "responseMatchingRules");

  private HttpRequest request(ObjectNode interaction, String path, boolean v4) {
    String form = "\"request\": {\"method\": \"GET\", \"path\": \"/products/1\"}";
    JsonNode node = interaction.get("request");
    if (node == null || node.isNull()) {
      throw ctx.error(path, "the interaction has no request", form);
    }
    ObjectNode o = ctx.object(node, path, form);
    ctx.warnUnknown(o, path, REQUEST_KEYS);
    String method = ctx.optString(o, "method", path, "\"method\": \"GET\"").orElse(null);
    if (method == null) {
      ctx.warn(JsonPaths.field(path, "method"), "the request has no method; GET is assumed");
      method = "GET";
    }
    String requestPath = ctx.optString(o, "path", path, "\"path\": \"/products/1\"").orElse(null);
    if (requestPath == null) {
      ctx.warn(JsonPaths.field(path, "path"), "the request has no path; / is assumed");
      requestPath = "/";
    }
    Map<String, List<String>> query = query(o, path);
    Map<String, List<String>> headers = headers(o, path);
    Body body = body(o, path, headers, v4);
    return new HttpRequest(
        method, requestPath, query, headers, body, rules(o, path), generators(o, path));
  }

  private HttpResponse response(ObjectNode interaction, String path, boolean v4) {
    String form = "\"response\": {\"status\": 200}";
    JsonNode node = interaction.get("response");
    if (node == null || node.isNull()) {
      throw ctx.error(path, "the interaction has no response", form);
    }
    ObjectNode o = ctx.object(node, path, form);
    ctx.warnUnknown(o, path, RESPONSE_KEYS);
    String statusForm = "\"status\": 200 (an integer from 100 to 599)";
    int status;
    JsonNode statusNode = o.get("status");
    if (statusNode == null || statusNode.isNull()) {
      ctx.warn(JsonPaths.field(path, "status"), "the response has no status; 200 is assumed");
      status = 200;
    } else {
      status = ctx.integer(statusNode, JsonPaths.field(path, "status"), statusForm);
      if (status < 100 || status > 599) {
        throw ctx.error(
            JsonPaths.field(path, "status"),
            "the status " + status + " is not an HTTP status code",
            statusForm);
      }
    }
    Map<String, List<String>> headers = headers(o, path);
    Body body = body(o, path, headers, v4);
    return new HttpResponse(status, headers, body, rules(o, path), generators(o, path));
  }

  private Body body(ObjectNode o, String path, Map<String, List<String>> headers, boolean v4) {
    if (!o.has("body")) {
      return Body.missing();
    }
    JsonNode body = o.get("body");
    String bodyPath = JsonPaths.field(path, "body");
    if (v4) {
      return BodyCodec.readV4(body, bodyPath, ctx);
    }
    ContentType contentType =
        MultiValues.getIgnoreCase(headers, "Content-Type")
            .filter(v -> !v.isEmpty())
            .map(
                v ->
                    BodyCodec.parseContentType(
                        String.join(", ", v), JsonPaths.field(path, "headers"), ctx))
            .orElse(null);
    return BodyCodec.readLegacy(body, contentType, bodyPath, ctx);
  }

  private MatchingRules rules(ObjectNode o, String path) {
    String key =
        o.has("matchingRules")
            ? "matchingRules"
            : o.has("responseMatchingRules")
                ? "responseMatchingRules"
                : o.has("requestMatchingRules") ? "requestMatchingRules" : null;
    if (key == null || o.get(key).isNull()) {
      return MatchingRules.empty();
    }
    return RulesCodec.read(o.get(key), version, JsonPaths.field(path, key), ctx);
  }

  private Generators generators(ObjectNode o, String path) {
    JsonNode node = o.get("generators");
    if (node == null || node.isNull()) {
      return Generators.empty();
    }
    return GeneratorsCodec.read(node, JsonPaths.field(path, "generators"), ctx);
  }

  private Map<String, List<String>> headers(ObjectNode o, String path) {
    JsonNode node = o.get("headers");
    if (node == null || node.isNull()) {
      return Map.of();
    }
    String headersPath = JsonPaths.field(path, "headers");
    String form =
        "\"headers\": {\"Accept\": [\"application/json\"]} or {\"Accept\": \"application/json\"}";
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : ctx.object(node, headersPath, form).properties()) {
      String name = e.getKey();
      String valuePath = JsonPaths.field(headersPath, name);
      boolean split = !SINGLE_VALUE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
      List<String> values = new ArrayList<>();
      JsonNode value = e.getValue();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          values.add(scalar(value.get(i), JsonPaths.index(valuePath, i), form));
        }
      } else {
        String text = scalar(value, valuePath, form);
        if (split) {
          for (String part : text.split(",")) {
            values.add(part.trim());
          }
        } else {
          values.add(text);
        }
      }
      result.put(name, values);
    }
    return result;
  }

  private String scalar(JsonNode value, String path, String form) {
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      ctx.warn(
          path,
          "expected a string but found " + ReadContext.describe(value) + "; its text is used");
      return value.asString();
    }
    throw ctx.error(path, "expected a string but found " + ReadContext.describe(value), form);
  }

  private Map<String, List<String>> query(ObjectNode o, String path) {
    JsonNode node = o.get("query");
    if (node == null || node.isNull()) {
      return Map.of();
    }
    String queryPath = JsonPaths.field(path, "query");
    String form =
        "\"query\": {\"page\": [\"2\"], \"tag\": [\"a\", \"b\"]} (V3/V4) or \"query\": \"page=2&tag=a&tag=b\" (V2)";
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (node.isString()) {
      String text = node.stringValue();
      if (text.isEmpty()) {
        return result;
      }
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        try {
          String name =
              URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
          String value =
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        } catch (IllegalArgumentException e) {
          throw ctx.error(
              queryPath,
              "the query string '" + text + "' is not URL-encoded correctly: " + e.getMessage(),
              form,
              e);
        }
      }
      return result;
    }
    for (Map.Entry<String, JsonNode> e : ctx.object(node, queryPath, form).properties()) {
      String valuePath = JsonPaths.field(queryPath, e.getKey());
      List<String> values = new ArrayList<>();
      JsonNode value = e.getValue();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          JsonNode v = value.get(i);
          if (v.isNull()) {
            ctx.warn(
                JsonPaths.index(valuePath, i), "a null query value is read as an empty string");
            values.add("");
          } else {
            values.add(scalar(v, JsonPaths.index(valuePath, i), form));
          }
        }
      } else {
        values.add(scalar(value, valuePath, form));
      }
      result.put(e.getKey(), values);
    }
    return result;
  }
}
