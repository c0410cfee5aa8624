package dev.accord.contract.generate;

import dev.accord.contract.openapi.OpenApiDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One operation of an OpenAPI document: a method on a path template, with its parameters
 * (path-level ones merged, the operation's winning), its request body and its documented responses,
 * in document order.
 *
 * @param method the HTTP method, upper case ({@code GET})
 * @param path the path template as documented ({@code /status/{id}}), without the servers' base
 *     path
 * @param operationId the {@code operationId}, or null when the document gives none
 * @param node the operation object
 * @param pointer its JSON pointer ({@code /paths/~1status~1{id}/get})
 * @param parameters its parameters
 * @param responses the keys of its {@code responses} ({@code 200}, {@code 4XX}, {@code default}),
 *     in document order
 */
public record ApiOperation(
    String method,
    String path,
    String operationId,
    JsonNode node,
    String pointer,
    List<ApiParameter> parameters,
    List<String> responses) {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** {@code METHOD /path}, e.g. {@code GET /status/{id}}. */
  public String key() {
    return method + " " + path;
  }

  /**
   * How messages name the operation: {@code operationId (METHOD /path)}, or {@code METHOD /path}
   * without an id.
   */
  public String displayName() {
    return operationId == null ? key() : operationId + " (" + key() + ")";
  }

  /**
   * The response object documented under {@code status} ({@code 200}, {@code 4XX}, {@code
   * default}), if any.
   */
  public Optional<JsonNode> response(String status) {
    JsonNode r = node.path("responses").get(status);
    return Optional.ofNullable(r);
  }

  /** The JSON pointer of the response documented under {@code status}. */
  public String responsePointer(String status) {
    return pointer + "/responses/" + escape(status);
  }

  /** The {@code requestBody} object, $ref resolved, if the operation has one. */
  public Optional<OpenApiDocument.Located> requestBody(OpenApiDocument document) {
    JsonNode body = node.get("requestBody");
    return body == null ? Optional.empty() : document.resolve(body, pointer + "/requestBody");
  }

  /**
   * Every operation of the document, in document order (paths, then methods in the order OpenAPI
   * lists them).
   */
  public static List<ApiOperation> all(OpenApiDocument document) {
    List<ApiOperation> out = new ArrayList<>();
    JsonNode paths = document.tree().path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      String itemPointer = "/paths/" + escape(path.getKey());
      Optional<OpenApiDocument.Located> item = document.resolve(path.getValue(), itemPointer);
      if (item.isEmpty() || !item.get().node().isObject()) {
        continue;
      }
      JsonNode itemNode = item.get().node();
      for (String method : METHODS) {
        JsonNode operation = itemNode.get(method);
        if (operation == null || !operation.isObject()) {
          continue;
        }
        String opPointer = item.get().pointer() + "/" + method;
        List<String> responses = new ArrayList<>();
        operation.path("responses").propertyNames().forEach(responses::add);
        JsonNode id = operation.get("operationId");
        out.add(
            new ApiOperation(
                method.toUpperCase(Locale.ROOT),
                path.getKey(),
                id != null && id.isString() ? id.asString() : null,
                operation,
                opPointer,
                parameters(document, itemNode, item.get().pointer(), operation, opPointer),
                List.copyOf(responses)));
      }
    }
    return List.copyOf(out);
  }

  private static List<ApiParameter> parameters(
      OpenApiDocument document,
      JsonNode item,
      String itemPointer,
      JsonNode operation,
      String opPointer) {
    Map<String, ApiParameter> byKey = new LinkedHashMap<>();
    for (ApiParameter p : read(document, item.get("parameters"), itemPointer + "/parameters")) {
      byKey.put(p.in() + ":" + p.name(), p);
    }
    for (ApiParameter p : read(document, operation.get("parameters"), opPointer + "/parameters")) {
      byKey.put(p.in() + ":" + p.name(), p);
    }
    return List.copyOf(byKey.values());
  }

  private static List<ApiParameter> read(OpenApiDocument document, JsonNode list, String pointer) {
    List<ApiParameter> out = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Optional<OpenApiDocument.Located> located = document.resolve(list.get(i), pointer + "/" + i);
      if (located.isEmpty()) {
        continue;
      }
      JsonNode p = located.get().node();
      String in = p.path("in").asString("");
      JsonNode schema = p.get("schema");
      String schemaPointer = located.get().pointer() + "/schema";
      if (schema == null && p.path("content").isObject() && !p.path("content").isEmpty()) {
        String mediaType = p.path("content").propertyNames().iterator().next();
        schema = p.path("content").path(mediaType).get("schema");
        schemaPointer = located.get().pointer() + "/content/" + escape(mediaType) + "/schema";
      }
      out.add(
          new ApiParameter(
              p.path("name").asString(""),
              in,
              in.equals("path") || p.path("required").asBoolean(false),
              p,
              located.get().pointer(),
              schema,
              schemaPointer));
    }
    return out;
  }

  /**
   * JSON pointer escaping of one reference token ({@code /status/{id}} gives {@code
   * ~1status~1{id}}).
   */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
