package dev.accord.pact.generators.internal;

import dev.accord.pact.generators.GeneratorContext;
import dev.accord.pact.generators.GeneratorException;
import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.Generator;
import dev.accord.pact.model.Generators;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MessageContents;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Applies generators category by category, in a fixed order (method, path, status, header, query,
 * body, metadata; keys in file order), drawing from one {@link Random} seeded from the context's
 * seed, so the same seed gives the same values.
 */
public final class PartGeneration {
  private final GeneratorContext context;
  private final Random random;

  public PartGeneration(GeneratorContext context) {
    this.context = context;
    this.random = new Random(spread(context.seed()));
  }

  /**
   * The SplitMix64 finaliser: {@link Random}'s first outputs for neighbouring seeds (0, 1, 2, ...)
   * are strongly correlated (the first {@code nextBoolean()} is the same for seeds 0 to 20), so the
   * seed is spread first.
   */
  static long spread(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public HttpRequest request(HttpRequest request) {
    Generators gens = request.generators();
    if (gens.isEmpty()) {
      return request;
    }
    HttpRequest out = request;
    Generator method = single(gens, Category.METHOD);
    if (method != null && applies(method)) {
      out = out.withMethod(ValueGeneration.asText(generate(method, text(out.method()), "method")));
    }
    Generator path = single(gens, Category.PATH);
    if (path != null && applies(path)) {
      out = out.withPath(ValueGeneration.asText(generate(path, text(out.path()), "path")));
    }
    out =
        out.withHeaders(multiValues(out.headers(), gens.category(Category.HEADER), "header", true));
    out =
        out.withQuery(
            multiValues(out.query(), gens.category(Category.QUERY), "query parameter", false));
    out = out.withBody(body(out.body(), out.contentType(), gens.category(Category.BODY)));
    return out;
  }

  public HttpResponse response(HttpResponse response) {
    Generators gens = response.generators();
    if (gens.isEmpty()) {
      return response;
    }
    HttpResponse out = response;
    Generator status = single(gens, Category.STATUS);
    if (status != null && applies(status)) {
      JsonNode value = generate(status, Json.nodes().numberNode(out.status()), "status");
      out = out.withStatus(statusCode(value, status));
    }
    out =
        out.withHeaders(multiValues(out.headers(), gens.category(Category.HEADER), "header", true));
    out = out.withBody(body(out.body(), out.contentType(), gens.category(Category.BODY)));
    return out;
  }

  public MessageContents message(MessageContents message) {
    Generators gens = message.generators();
    if (gens.isEmpty()) {
      return message;
    }
    MessageContents out =
        message.withContents(
            body(message.contents(), message.contentType(), gens.category(Category.BODY)));
    Map<String, Generator> metadataGens = gens.category(Category.METADATA);
    if (!metadataGens.isEmpty()) {
      Map<String, JsonNode> metadata = new LinkedHashMap<>(out.metadata());
      metadataGens.forEach(
          (key, generator) -> {
            if (applies(generator)) {
              metadata.put(key, generate(generator, metadata.get(key), "metadata " + key));
            }
          });
      out = out.withMetadata(metadata);
    }
    return out;
  }

  private boolean applies(Generator generator) {
    return ValueGeneration.appliesIn(generator, context.mode());
  }

  private JsonNode generate(Generator generator, JsonNode current, String location) {
    return ValueGeneration.generate(generator, current, context, random, location);
  }

  private static Generator single(Generators gens, Category category) {
    Map<String, Generator> entries = gens.category(category);
    if (entries.isEmpty()) {
      return null;
    }
    Generator g = entries.get("");
    return g != null ? g : entries.values().iterator().next();
  }

  private int statusCode(JsonNode value, Generator generator) {
    String text = ValueGeneration.asText(value).trim();
    try {
      int code = value.isIntegralNumber() ? value.intValue() : Integer.parseInt(text);
      if (code < 100 || code > 599) {
        throw new NumberFormatException();
      }
      return code;
    } catch (NumberFormatException e) {
      throw new GeneratorException(
          "status",
          ValueGeneration.describe(generator),
          "the generated value '"
              + text
              + "' is not an HTTP status code (an integer from 100 to 599); use e.g. a RandomInt generator with min 200"
              + " and max 299");
    }
  }

  /**
   * Headers (names case-insensitive) and query parameters: each existing value is regenerated; a
   * missing name is added.
   */
  private Map<String, List<String>> multiValues(
      Map<String, List<String>> values,
      Map<String, Generator> gens,
      String what,
      boolean ignoreCase) {
    if (gens.isEmpty()) {
      return values;
    }
    Map<String, List<String>> out = new LinkedHashMap<>(values);
    gens.forEach(
        (name, generator) -> {
          if (!applies(generator)) {
            return;
          }
          String key = name;
          if (ignoreCase) {
            for (String existing : out.keySet()) {
              if (existing.equalsIgnoreCase(name)) {
                key = existing;
                break;
              }
            }
          }
          List<String> current = out.getOrDefault(key, List.of());
          List<String> generated = new ArrayList<>();
          if (current.isEmpty()) {
            generated.add(ValueGeneration.asText(generate(generator, null, what + " " + name)));
          } else {
            for (String v : current) {
              generated.add(
                  ValueGeneration.asText(generate(generator, text(v), what + " " + name)));
            }
          }
          out.put(key, generated);
        });
    return out;
  }

  private Body body(Body body, Optional<ContentType> declared, Map<String, Generator> gens) {
    if (gens.isEmpty() || body.isMissing() || body.isEmpty()) {
      return body;
    }
    Map<String, Generator> active = new LinkedHashMap<>();
    gens.forEach(
        (k, g) -> {
          if (applies(g)) {
            active.put(k, g);
          }
        });
    if (active.isEmpty()) {
      return body;
    }
    ContentType type = declared.orElse(null);
    if (type == null && body.isJsonContent()) {
      type = ContentType.JSON;
    }
    if (type != null && type.isJson() || type == null && body.isJsonContent()) {
      return jsonBody(body, active);
    }
    if (type != null && type.isFormUrlEncoded()) {
      return formBody(body, type, active);
    }
    if (type == null || type.mediaType().equals("text/plain")) {
      return textBody(body, type, active);
    }
    String first = active.keySet().iterator().next();
    throw new GeneratorException(
        "body " + first,
        ValueGeneration.describe(active.get(first)),
        "body generators apply to JSON, application/x-www-form-urlencoded and text/plain bodies (a text body only"
            + " at '$'), but this body is '"
            + type.mediaType()
            + "'; remove the body generators or use one of"
            + " those content types");
  }

  private Body jsonBody(Body body, Map<String, Generator> gens) {
    JsonNode tree;
    try {
      tree = body.asJson().deepCopy();
    } catch (IllegalStateException e) {
      String first = gens.keySet().iterator().next();
      throw new GeneratorException(
          "body " + first,
          ValueGeneration.describe(gens.get(first)),
          "the body is declared as JSON but does not parse: " + e.getMessage(),
          e);
    }
    for (Map.Entry<String, Generator> e : gens.entrySet()) {
      PathSelector path = parsePath(e.getKey(), e.getValue());
      tree =
          path.replaceAll(
              tree, (current, concrete) -> generate(e.getValue(), current, "body " + concrete));
    }
    ContentType ct = body.contentType().orElse(null);
    Body out = ct == null ? Body.json(tree, null) : Body.json(tree, ct);
    return out.withEncoding(body.encoding()).withHint(body.hint().orElse(null));
  }

  private Body formBody(Body body, ContentType type, Map<String, Generator> gens) {
    Charset cs = type.charsetOrUtf8();
    List<String[]> pairs = new ArrayList<>();
    for (String part : body.asString().split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), cs);
      String value = eq < 0 ? null : URLDecoder.decode(part.substring(eq + 1), cs);
      pairs.add(new String[] {name, value});
    }
    for (Map.Entry<String, Generator> e : gens.entrySet()) {
      PathSelector path = parsePath(e.getKey(), e.getValue());
      String name = path.singleName();
      if (name == null) {
        throw new GeneratorException(
            "body " + e.getKey(),
            ValueGeneration.describe(e.getValue()),
            "a form body is addressed by '$.name' (one parameter name), not '" + e.getKey() + "'");
      }
      for (String[] pair : pairs) {
        if (pair[0].equals(name)) {
          pair[1] =
              ValueGeneration.asText(
                  generate(
                      e.getValue(), pair[1] == null ? null : text(pair[1]), "body " + e.getKey()));
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] pair : pairs) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(pair[0], cs));
      if (pair[1] != null) {
        sb.append('=').append(URLEncoder.encode(pair[1], cs));
      }
    }
    return Body.bytes(sb.toString().getBytes(cs), body.contentType().orElse(null))
        .withEncoding(body.encoding())
        .withHint(body.hint().orElse(null));
  }

  private Body textBody(Body body, ContentType type, Map<String, Generator> gens) {
    Body out = body;
    for (Map.Entry<String, Generator> e : gens.entrySet()) {
      PathSelector path = parsePath(e.getKey(), e.getValue());
      if (!path.isRoot()) {
        throw new GeneratorException(
            "body " + e.getKey(),
            ValueGeneration.describe(e.getValue()),
            "a "
                + (type == null ? "plain" : "'" + type.mediaType() + "'")
                + " body can only be generated whole,"
                + " with the path '$', not '"
                + e.getKey()
                + "'");
      }
      String text = ValueGeneration.asText(generate(e.getValue(), text(out.asString()), "body $"));
      Charset cs = type == null ? StandardCharsets.UTF_8 : type.charsetOrUtf8();
      out =
          Body.bytes(text.getBytes(cs), body.contentType().orElse(null))
              .withEncoding(body.encoding())
              .withHint(body.hint().orElse(null));
    }
    return out;
  }

  private static PathSelector parsePath(String expression, Generator generator) {
    try {
      return PathSelector.parse(expression);
    } catch (IllegalArgumentException e) {
      throw new GeneratorException(
          "body " + expression, ValueGeneration.describe(generator), e.getMessage(), e);
    }
  }

  private static JsonNode text(String value) {
    return Json.nodes().stringNode(value);
  }
}
