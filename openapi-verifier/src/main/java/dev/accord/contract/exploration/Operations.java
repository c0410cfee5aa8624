package dev.accord.contract.exploration;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.generate.ApiParameter;
import dev.accord.contract.openapi.OpenApiDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** The document's operations as exploration names, selects and links them. */
final class Operations {

  private final OpenApiDocument document;
  private final List<ApiOperation> all;

  Operations(OpenApiDocument document) {
    this.document = document;
    this.all = ApiOperation.all(document);
  }

  List<ApiOperation> all() {
    return all;
  }

  OpenApiDocument document() {
    return document;
  }

  /**
   * The operationId, or {@code METHOD /path} when the document gives none: how exploration names an
   * operation.
   */
  static String id(ApiOperation operation) {
    return operation.operationId() != null ? operation.operationId() : operation.key();
  }

  /** {@code path.id}, {@code query.page}: how transitions name a parameter unambiguously. */
  static String key(ApiParameter parameter) {
    return parameter.in() + "." + parameter.name();
  }

  /**
   * Whether a glob ({@code *} any characters, {@code ?} one) selects the operation, matched against
   * its operationId and against {@code METHOD /path}: {@code "*Book"}, {@code "GET /books/*"},
   * {@code "DELETE *"}.
   */
  static boolean matches(ApiOperation operation, String glob) {
    return (operation.operationId() != null && Glob.matches(glob, operation.operationId()))
        || Glob.matches(glob, operation.key());
  }

  /**
   * By operationId, {@code METHOD /path} or an operationRef ({@code #/paths/~1books~1{id}/get}).
   */
  Optional<ApiOperation> find(String reference) {
    for (ApiOperation operation : all) {
      if (reference.equals(operation.operationId())
          || reference.equals(operation.key())
          || reference.equals("#" + operation.pointer())) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  String known() {
    return all.stream().map(Operations::id).collect(Collectors.joining(", "));
  }

  /** The parameter with this key ({@code path.id}) or, when only one has it, this bare name. */
  static Optional<ApiParameter> parameter(ApiOperation operation, String keyOrName) {
    for (ApiParameter p : operation.parameters()) {
      if (key(p).equals(keyOrName)) {
        return Optional.of(p);
      }
    }
    List<ApiParameter> byName =
        operation.parameters().stream().filter(p -> p.name().equals(keyOrName)).toList();
    return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
  }

  static boolean hasPathParameters(ApiOperation operation) {
    return operation.parameters().stream().anyMatch(p -> p.in().equals("path"));
  }

  /**
   * Its responses, status as written ({@code 201}, {@code 2XX}, {@code default}) → the response,
   * $ref resolved.
   */
  Map<String, OpenApiDocument.Located> responses(ApiOperation operation) {
    Map<String, OpenApiDocument.Located> responses = new LinkedHashMap<>();
    for (String status : operation.responses()) {
      operation
          .response(status)
          .flatMap(r -> document.resolve(r, operation.responsePointer(status)))
          .ifPresent(r -> responses.put(status, r));
    }
    return responses;
  }

  /**
   * The body exploration sends: the JSON media type when the operation documents one, else its
   * first.
   *
   * @param schema its schema (resolved), null when the media type has none
   * @param example the document's example for it, or null
   */
  record Body(
      String mediaType,
      JsonNode media,
      String mediaPointer,
      JsonNode schema,
      String schemaPointer,
      JsonNode example,
      boolean required) {}

  Optional<Body> body(ApiOperation operation) {
    Optional<OpenApiDocument.Located> body = operation.requestBody(document);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    JsonNode content = body.get().node().path("content");
    String chosen = null;
    for (String mediaType : content.propertyNames()) {
      if (chosen == null || (isJson(mediaType) && !isJson(chosen))) {
        chosen = mediaType;
      }
    }
    if (chosen == null) {
      return Optional.empty();
    }
    JsonNode media = content.get(chosen);
    String mediaPointer = body.get().pointer() + "/content/" + ApiOperation.escape(chosen);
    JsonNode schema = null;
    String schemaPointer = mediaPointer + "/schema";
    if (media.has("schema")) {
      Optional<OpenApiDocument.Located> resolved =
          document.resolve(media.get("schema"), schemaPointer);
      if (resolved.isPresent()) {
        schema = resolved.get().node();
        schemaPointer = resolved.get().pointer();
      }
    }
    JsonNode example = media.get("example");
    if (example == null && media.path("examples").isObject() && !media.get("examples").isEmpty()) {
      String first = media.get("examples").propertyNames().iterator().next();
      example =
          document
              .resolve(
                  media.get("examples").get(first),
                  mediaPointer + "/examples/" + ApiOperation.escape(first))
              .map(l -> l.node().get("value"))
              .orElse(null);
    }
    return Optional.of(
        new Body(
            chosen,
            media,
            mediaPointer,
            schema,
            schemaPointer,
            example,
            body.get().node().path("required").asBoolean(false)));
  }

  static boolean isJson(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    if (semicolon >= 0) {
      type = type.substring(0, semicolon).trim();
    }
    return type.equals("application/json") || type.endsWith("+json");
  }
}
