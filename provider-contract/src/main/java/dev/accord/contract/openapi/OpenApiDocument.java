package dev.accord.contract.openapi;

import dev.accord.pact.json.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A loaded OpenAPI 3.0 or 3.1 document (YAML or JSON), the provider's contract.
 *
 * <p>Loading is strict: every problem the parser reports makes {@link #parse} throw an {@link
 * OpenApiDocumentException} that lists them all. External {@code $ref}s are resolved relative to
 * the location; internal ones ({@code #/components/...}) stay as references and are followed by
 * {@link #resolve}.
 *
 * <pre>{@code
 * OpenApiDocument document = OpenApiDocument.parse(Files.readString(path), path.toString());
 * List<String> basePaths = document.basePaths();            // ["/v1"] for servers: [{url: https://api.example.com/v1}]
 * JsonNode price = document.node("/components/schemas/Product/properties/price").orElseThrow();
 * }</pre>
 */
public final class OpenApiDocument {

  private static final Pattern SERVER_VARIABLE = Pattern.compile("\\{([^}]+)}");

  private final String location;
  private final OpenAPI model;
  private final JsonNode tree;
  private final List<String> basePaths;

  private OpenApiDocument(String location, OpenAPI model, JsonNode tree, List<String> basePaths) {
    this.location = location;
    this.model = model;
    this.tree = tree;
    this.basePaths = basePaths;
  }

  /**
   * Loads a document from its text.
   *
   * @param content the document, YAML or JSON
   * @param location where it came from: named in every message, and the base for relative external
   *     $refs (a file path or URL; any label when the document has no external references)
   * @throws OpenApiDocumentException listing every problem when the document cannot be used
   */
  public static OpenApiDocument parse(String content, String location) {
    if (content == null || content.isBlank()) {
      throw new OpenApiDocumentException(
          location,
          List.of(new OpenApiDocumentException.Problem(location, "the document is empty")));
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readContents(content, null, options, refBase(location));
    } catch (RuntimeException e) {
      throw new OpenApiDocumentException(
          location,
          List.of(new OpenApiDocumentException.Problem(location, "the parser failed: " + e)));
    }
    List<OpenApiDocumentException.Problem> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      for (String message : new LinkedHashSet<>(result.getMessages())) {
        if (message != null && !message.isBlank()) {
          problems.add(new OpenApiDocumentException.Problem(location, message));
        }
      }
    }
    OpenAPI model = result.getOpenAPI();
    if (model == null && problems.isEmpty()) {
      problems.add(
          new OpenApiDocumentException.Problem(
              location, "not an OpenAPI 3.0 or 3.1 document (no 'openapi: 3.x' field at the top)"));
    }
    if (model != null && (model.getOpenapi() == null || !model.getOpenapi().startsWith("3."))) {
      problems.add(
          new OpenApiDocumentException.Problem(
              location,
              "openapi version '"
                  + model.getOpenapi()
                  + "' is not supported: expected 3.0.x or 3.1.x"));
    }
    if (!problems.isEmpty()) {
      throw new OpenApiDocumentException(location, problems);
    }
    return new OpenApiDocument(location, model, toTree(model), basePaths(model));
  }

  /** Loads a document from a file (YAML or JSON); its path is the location. */
  public static OpenApiDocument read(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the OpenAPI document " + file + ": " + e.getMessage(), e);
    }
    return parse(content, file.toString());
  }

  /** Where the document came from, as given to {@link #parse}. */
  public String location() {
    return location;
  }

  /** The swagger-parser model, external $refs resolved, internal ones kept as references. */
  public OpenAPI model() {
    return model;
  }

  /** The {@code openapi} field, e.g. {@code 3.0.3} or {@code 3.1.0}. */
  public String openApiVersion() {
    return model.getOpenapi();
  }

  /** Whether the document is OpenAPI 3.1 (JSON Schema 2020-12 schemas, type arrays with "null"). */
  public boolean isOpenApi31() {
    return model.getOpenapi().startsWith("3.1");
  }

  /**
   * The base paths of the document's servers, without a trailing slash: {@code
   * https://api.example.com/v1} gives {@code /v1}, a variable takes its default. Just {@code ""}
   * when the document names no server (or only servers at the root).
   */
  public List<String> basePaths() {
    return basePaths;
  }

  /**
   * The document as a JSON tree (the resolved model written out), the tree {@link #node} pointers
   * address.
   */
  public JsonNode tree() {
    return tree;
  }

  /** The node at a JSON pointer ({@code /paths/~1products/get}), if any. */
  public Optional<JsonNode> node(String pointer) {
    JsonNode node = tree.at(pointer);
    return node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  /**
   * Follows a {@code $ref} ({@code #/components/schemas/Product}) to its pointer in this document;
   * a node without {@code $ref} is returned as is. Chains are followed; a cycle or a dangling
   * reference yields empty.
   */
  public Optional<Located> resolve(JsonNode node, String pointer) {
    JsonNode current = node;
    String at = pointer;
    Set<String> seen = new LinkedHashSet<>();
    while (current != null
        && current.isObject()
        && current.has("$ref")
        && current.get("$ref").isString()) {
      String ref = current.get("$ref").asString();
      if (!ref.startsWith("#") || !seen.add(ref)) {
        return Optional.empty();
      }
      at = ref.substring(1);
      JsonNode target = tree.at(at);
      if (target.isMissingNode()) {
        return Optional.empty();
      }
      current = target;
    }
    return Optional.ofNullable(current).map(n -> new Located(n, pointerOf(pointer, node, n)));
  }

  /** A node of the document with its JSON pointer. */
  public record Located(JsonNode node, String pointer) {}

  private String pointerOf(String original, JsonNode originalNode, JsonNode resolved) {
    if (originalNode == resolved) {
      return original;
    }
    JsonNode current = originalNode;
    String at = original;
    while (current.isObject() && current.has("$ref")) {
      at = current.get("$ref").asString().substring(1);
      current = tree.at(at);
    }
    return at;
  }

  /**
   * The base for relative $refs: a URL as is, an existing file as its URI; a mere label gives none.
   */
  private static String refBase(String location) {
    if (location == null) {
      return null;
    }
    try {
      URI uri = URI.create(location);
      if (uri.getScheme() != null && uri.getScheme().length() > 1) {
        return location;
      }
    } catch (IllegalArgumentException e) {
      // not a URL: a file path or a label
    }
    try {
      Path file = Path.of(location);
      return Files.isRegularFile(file) ? file.toAbsolutePath().toUri().toString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static JsonNode toTree(OpenAPI model) {
    try {
      // each version's own writer: 3.0 keeps nullable and boolean exclusiveMinimum, 3.1 type arrays
      boolean v31 = model.getOpenapi() != null && model.getOpenapi().startsWith("3.1");
      return Json.parse(
          (v31 ? Json31.mapper() : io.swagger.v3.core.util.Json.mapper())
              .writeValueAsString(model));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot write the parsed OpenAPI model as JSON: " + e.getMessage(), e);
    }
  }

  private static List<String> basePaths(OpenAPI model) {
    List<Server> servers = model.getServers();
    Set<String> paths = new LinkedHashSet<>();
    if (servers != null) {
      for (Server server : servers) {
        if (server.getUrl() != null) {
          paths.add(basePath(substitute(server.getUrl(), server.getVariables())));
        }
      }
    }
    if (paths.isEmpty()) {
      paths.add("");
    }
    return List.copyOf(paths);
  }

  private static String substitute(String url, Map<String, ServerVariable> variables) {
    Matcher m = SERVER_VARIABLE.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      ServerVariable variable = variables == null ? null : variables.get(m.group(1));
      String value = variable != null && variable.getDefault() != null ? variable.getDefault() : "";
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String basePath(String url) {
    String path = url;
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.isEmpty() && !path.startsWith("/")) {
      path = "/" + path;
    }
    return path;
  }
}
