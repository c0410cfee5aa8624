package dev.accord.contract.generate;

import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.pact.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Builds the request for an operation: each value from what was given ({@link RequestValues}), else
 * the document's example (the parameter's or media type's {@code example}/{@code examples}, then
 * the schema's), else generated from the schema ({@link ValueGenerator}). Required parameters are
 * always sent; optional ones only when given or exemplified. The body takes the operation's JSON
 * media type when it has one (otherwise its first), and the path starts with the first server's
 * base path.
 *
 * <pre>{@code
 * RequestGenerator requests = new RequestGenerator(document, new ValueGenerator(document, 42L));
 * GeneratedRequest generated = requests.generate(operation, RequestValues.none().withPath("id", "42"));
 * ApiRequest request = generated.request();   // GET /status/42
 * }</pre>
 */
public final class RequestGenerator {

  /** Where a value of the request came from. */
  public enum Source {
    /** given in {@link RequestValues} (a cases file, a state's values) */
    GIVEN,
    /** the document's example */
    EXAMPLE,
    /** generated from the schema */
    GENERATED
  }

  /**
   * A request and where each of its values came from, keyed {@code path id}, {@code query page},
   * {@code header X-Trace}, {@code cookie session} or {@code body}.
   */
  public record GeneratedRequest(ApiRequest request, Map<String, Source> sources) {
    /** The keys of the values generated from a schema (no example, nothing given). */
    public List<String> generated() {
      return sources.entrySet().stream()
          .filter(e -> e.getValue() == Source.GENERATED)
          .map(Map.Entry::getKey)
          .toList();
    }
  }

  private final OpenApiDocument document;
  private final ValueGenerator values;

  public RequestGenerator(OpenApiDocument document, ValueGenerator values) {
    this.document = document;
    this.values = values;
  }

  /** The request for {@code operation} with {@code given} values winning. */
  public GeneratedRequest generate(ApiOperation operation, RequestValues given) {
    Map<String, Source> sources = new LinkedHashMap<>();
    String path = operation.path();
    Map<String, List<String>> query = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    for (ApiParameter p : operation.parameters()) {
      String key = p.in() + " " + p.name();
      switch (p.in()) {
        case "path" -> {
          String value = given.path().get(p.name());
          Source source = Source.GIVEN;
          if (value == null) {
            Valued v = valueOf(p);
            value = text(v.value());
            source = v.source();
          }
          sources.put(key, source);
          path = path.replace("{" + p.name() + "}", encodePathSegment(value));
        }
        case "query" -> {
          List<String> value = given.query().get(p.name());
          if (value != null) {
            sources.put(key, Source.GIVEN);
            query.put(p.name(), value);
          } else if (p.required() || hasExample(p)) {
            Valued v = valueOf(p);
            sources.put(key, v.source());
            query.put(p.name(), v.value().isArray() ? texts(v.value()) : List.of(text(v.value())));
          }
        }
        case "header" -> {
          String value = header(given.headers(), p.name());
          if (value != null) {
            sources.put(key, Source.GIVEN);
            headers.put(p.name(), value);
          } else if (p.required() || hasExample(p)) {
            Valued v = valueOf(p);
            sources.put(key, v.source());
            headers.put(
                p.name(),
                v.value().isArray() ? String.join(",", texts(v.value())) : text(v.value()));
          }
        }
        case "cookie" -> {
          if (p.required() || hasExample(p)) {
            Valued v = valueOf(p);
            sources.put(key, v.source());
            cookies.add(p.name() + "=" + text(v.value()));
          }
        }
        default -> {
          // an unknown location: nothing to send
        }
      }
    }
    given.query().forEach(query::putIfAbsent);
    given
        .headers()
        .forEach(
            (k, v) -> {
              if (header(headers, k) == null) {
                headers.put(k, v);
              }
            });
    if (!cookies.isEmpty()) {
      headers.put("Cookie", String.join("; ", cookies));
    }
    String body = null;
    String contentType = null;
    Optional<OpenApiDocument.Located> requestBody = operation.requestBody(document);
    if (requestBody.isPresent()
        && requestBody.get().node().path("content").isObject()
        && !requestBody.get().node().path("content").isEmpty()) {
      JsonNode content = requestBody.get().node().path("content");
      contentType = chooseMediaType(content);
      JsonNode media = content.path(contentType);
      JsonNode value;
      if (given.body() != null) {
        value = given.body();
        sources.put("body", Source.GIVEN);
      } else {
        Optional<JsonNode> example = values.example(media);
        String schemaPointer =
            requestBody.get().pointer()
                + "/content/"
                + ApiOperation.escape(contentType)
                + "/schema";
        if (example.isPresent()) {
          value = example.get();
          sources.put("body", Source.EXAMPLE);
        } else {
          JsonNode schema = media.get("schema");
          value = schema == null ? Json.nodes().objectNode() : values.value(schema, schemaPointer);
          sources.put(
              "body",
              schema != null && schemaExample(schema, schemaPointer)
                  ? Source.EXAMPLE
                  : Source.GENERATED);
        }
      }
      body = serialize(value, contentType);
    }
    String base = document.basePaths().isEmpty() ? "" : document.basePaths().get(0);
    return new GeneratedRequest(
        new ApiRequest(operation.method(), base + path, query, headers, body, contentType),
        sources);
  }

  private record Valued(JsonNode value, Source source) {}

  private Valued valueOf(ApiParameter p) {
    Optional<JsonNode> example = values.example(p.node());
    if (example.isPresent()) {
      return new Valued(example.get(), Source.EXAMPLE);
    }
    if (p.schema() == null) {
      return new Valued(Json.nodes().stringNode("x"), Source.GENERATED);
    }
    boolean exemplified = schemaExample(p.schema(), p.schemaPointer());
    return new Valued(
        values.value(p.schema(), p.schemaPointer()),
        exemplified ? Source.EXAMPLE : Source.GENERATED);
  }

  private boolean hasExample(ApiParameter p) {
    return values.example(p.node()).isPresent()
        || (p.schema() != null && schemaExample(p.schema(), p.schemaPointer()));
  }

  private boolean schemaExample(JsonNode schema, String pointer) {
    return document
        .resolve(schema, pointer)
        .map(l -> values.example(l.node()).isPresent() || l.node().has("default"))
        .orElse(false);
  }

  private static String chooseMediaType(JsonNode content) {
    String first = null;
    for (String mediaType : content.propertyNames()) {
      String essence = mediaType.toLowerCase(Locale.ROOT);
      if (essence.startsWith("application/json") || essence.contains("+json")) {
        return mediaType;
      }
      if (first == null) {
        first = mediaType;
      }
    }
    return first;
  }

  static String serialize(JsonNode value, String contentType) {
    String essence = contentType.toLowerCase(Locale.ROOT);
    if (essence.startsWith("application/x-www-form-urlencoded") && value.isObject()) {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        if (!sb.isEmpty()) {
          sb.append('&');
        }
        sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(text(e.getValue()), StandardCharsets.UTF_8));
      }
      return sb.toString();
    }
    if (!(essence.contains("json")) && value.isString()) {
      return value.asString();
    }
    return Json.write(value);
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A scalar as text (strings unquoted); arrays comma-joined, objects as JSON. */
  static String text(JsonNode value) {
    if (value.isString()) {
      return value.asString();
    }
    if (value.isArray()) {
      return String.join(",", texts(value));
    }
    return value.isValueNode() ? value.asString() : Json.write(value);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(text(v)));
    return out;
  }

  private static String encodePathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
