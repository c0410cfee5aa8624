package dev.accord.contract.validate;

import dev.accord.contract.generate.ApiOperation;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.contract.openapi.SchemaValidator;
import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Judges a response the provider really sent against the operation's documented responses:
 *
 * <ul>
 *   <li>{@code response.status.unknown}: the status is documented exactly, as a range ({@code
 *       2XX}), or served by {@code default}; otherwise this;
 *   <li>{@code response.header.missing} / {@code response.header.incompatible}: every header the
 *       response documents as {@code required} is sent, and every documented header sent fits its
 *       schema;
 *   <li>{@code response.content-type.missing} / {@code response.content-type.incompatible}: a body
 *       comes with a {@code Content-Type} that is one of the documented media types (parameters
 *       ignored, wildcards honoured);
 *   <li>{@code response.body.missing}: the status documents a body with a schema, and none came;
 *   <li>{@code response.body.unparseable}: a JSON media type, and the body is not JSON;
 *   <li>{@code response.body.incompatible}: the JSON body does not fit the media type's schema
 *       (every {@code required} property present, types, formats, enums, bounds, {@code
 *       additionalProperties: false}, {@code allOf}/{@code oneOf}/{@code anyOf}, nullable), one
 *       violation per problem with its JSON path and the pointer of the failing schema keyword.
 * </ul>
 *
 * <pre>{@code
 * List<Violation> violations = new ResponseValidator(document).validate(operation, ApiResponse.of(response));
 * }</pre>
 */
public final class ResponseValidator {
  private final OpenApiDocument document;

  public ResponseValidator(OpenApiDocument document) {
    this.document = document;
  }

  /**
   * The key of the documented response that covers {@code status}: exact, then a range, then {@code
   * default}.
   */
  public static Optional<String> documentedKey(ApiOperation operation, int status) {
    String exact = Integer.toString(status);
    String range = (status / 100) + "XX";
    for (String candidate : List.of(exact, range, range.toLowerCase(Locale.ROOT), "default")) {
      if (operation.responses().contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Every violation of {@code response} against the operation's documented responses; empty when it
   * conforms.
   */
  public List<Violation> validate(ApiOperation operation, ApiResponse response) {
    List<Violation> out = new ArrayList<>();
    Optional<String> key = documentedKey(operation, response.status());
    if (key.isEmpty()) {
      out.add(
          new Violation(
              "response.status.unknown",
              "status",
              operation.pointer() + "/responses",
              "Response status "
                  + response.status()
                  + " is not documented for "
                  + operation.displayName()
                  + " (documented: "
                  + String.join(", ", operation.responses())
                  + ") and there is no default response;"
                  + " document it or fix the provider"));
      return out;
    }
    String pointer = operation.responsePointer(key.get());
    Optional<OpenApiDocument.Located> documented =
        document.resolve(operation.response(key.get()).orElseThrow(), pointer);
    if (documented.isEmpty()) {
      return out;
    }
    JsonNode responseNode = documented.get().node();
    String responsePointer = documented.get().pointer();
    checkHeaders(responseNode, responsePointer, response, out);
    checkBody(responseNode, responsePointer, key.get(), response, out);
    return out;
  }

  private void checkHeaders(
      JsonNode responseNode, String pointer, ApiResponse response, List<Violation> out) {
    JsonNode headers = responseNode.get("headers");
    if (headers == null || !headers.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> h : headers.properties()) {
      String name = h.getKey();
      if (name.equalsIgnoreCase("Content-Type")) {
        continue; // OpenAPI ignores a Content-Type header definition: the content map says it
      }
      String headerPointer = pointer + "/headers/" + ApiOperation.escape(name);
      Optional<OpenApiDocument.Located> header = document.resolve(h.getValue(), headerPointer);
      if (header.isEmpty()) {
        continue;
      }
      Optional<String> sent = response.header(name);
      if (sent.isEmpty()) {
        if (header.get().node().path("required").asBoolean(false)) {
          out.add(
              new Violation(
                  "response.header.missing",
                  name,
                  header.get().pointer() + "/required",
                  "Response header "
                      + name
                      + " is required by the document but was not sent; send it, or make it"
                      + " optional in the document"));
        }
        continue;
      }
      JsonNode schema = header.get().node().get("schema");
      if (schema == null) {
        continue;
      }
      String schemaPointer = header.get().pointer() + "/schema";
      JsonNode value = coerce(sent.get(), schema, schemaPointer);
      for (SchemaValidator.Problem p :
          SchemaValidator.validate(
              document, SchemaValidator.Side.RESPONSE, value, schema, schemaPointer)) {
        out.add(
            new Violation(
                "response.header.incompatible",
                name,
                p.pointer(),
                "Response header "
                    + name
                    + " = \""
                    + sent.get()
                    + "\" is incompatible with the document: "
                    + p.detail()));
      }
    }
  }

  private void checkBody(
      JsonNode responseNode,
      String pointer,
      String key,
      ApiResponse response,
      List<Violation> out) {
    JsonNode content = responseNode.get("content");
    boolean hasBody = response.body().length > 0;
    if (content == null || !content.isObject() || content.isEmpty()) {
      return; // no content documented: a body is not described, but the document does not forbid
      // one
    }
    Optional<String> contentType = response.header("Content-Type");
    if (!hasBody) {
      boolean schemaGiven = false;
      for (JsonNode media : content) {
        schemaGiven |= media.has("schema");
      }
      if (schemaGiven) {
        out.add(
            new Violation(
                "response.body.missing",
                "$",
                pointer + "/content",
                "Response body is missing: the document describes content for status "
                    + key
                    + " ("
                    + String.join(", ", content.propertyNames())
                    + "); send it, or document the response without content"));
      }
      return;
    }
    if (contentType.isEmpty()) {
      out.add(
          new Violation(
              "response.content-type.missing",
              "Content-Type",
              pointer + "/content",
              "Response has a body but no Content-Type header; the document produces "
                  + String.join(", ", content.propertyNames())
                  + " for status "
                  + key));
      return;
    }
    Optional<String> mediaType = select(contentType.get(), content.propertyNames());
    if (mediaType.isEmpty()) {
      out.add(
          new Violation(
              "response.content-type.incompatible",
              "Content-Type",
              pointer + "/content",
              "Response Content-Type "
                  + contentType.get()
                  + " is not one the document produces for status "
                  + key
                  + " ("
                  + String.join(", ", content.propertyNames())
                  + ")"));
      return;
    }
    JsonNode media = content.get(mediaType.get());
    JsonNode schema = media.get("schema");
    if (schema == null || !isJson(essence(contentType.get()))) {
      return; // no schema, or a body that is not JSON: nothing more to check
    }
    Optional<JsonNode> body = Json.tryParse(response.body());
    if (body.isEmpty()) {
      String text = response.bodyText();
      out.add(
          new Violation(
              "response.body.unparseable",
              "$",
              pointer + "/content/" + ApiOperation.escape(mediaType.get()),
              "Response body is not JSON although its Content-Type is "
                  + contentType.get()
                  + ": "
                  + (text.length() > 200 ? text.substring(0, 200) + "..." : text)));
      return;
    }
    String schemaPointer = pointer + "/content/" + ApiOperation.escape(mediaType.get()) + "/schema";
    for (SchemaValidator.Problem p :
        SchemaValidator.validate(
            document, SchemaValidator.Side.RESPONSE, body.get(), schema, schemaPointer)) {
      out.add(
          new Violation(
              "response.body.incompatible",
              p.path(),
              p.pointer(),
              "Response body is incompatible with the document's schema at "
                  + p.path()
                  + ": "
                  + p.detail()));
    }
  }

  /**
   * A header's text as the schema types it: {@code "42"} is an integer for {@code type: integer}.
   */
  private JsonNode coerce(String raw, JsonNode schema, String pointer) {
    String type =
        document
            .resolve(schema, pointer)
            .map(l -> l.node().path("type").asString("string"))
            .orElse("string");
    try {
      return switch (type) {
        case "integer" -> Json.nodes().numberNode(new java.math.BigInteger(raw.trim()));
        case "number" -> Json.nodes().numberNode(new java.math.BigDecimal(raw.trim()));
        case "boolean" ->
            raw.trim().equals("true") || raw.trim().equals("false")
                ? Json.nodes().booleanNode(Boolean.parseBoolean(raw.trim()))
                : Json.nodes().stringNode(raw);
        default -> Json.nodes().stringNode(raw);
      };
    } catch (NumberFormatException e) {
      return Json.nodes().stringNode(raw);
    }
  }

  static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  static boolean isJson(String essence) {
    return essence.equals("application/json") || essence.endsWith("+json") || essence.equals("*/*");
  }

  /**
   * The documented media type that covers {@code sent}: exact, then {@code type/*}, then {@code * /
   * *}.
   */
  static Optional<String> select(String sent, Iterable<String> documented) {
    String essence = essence(sent);
    String type = essence.contains("/") ? essence.substring(0, essence.indexOf('/')) : essence;
    String wildcard = null;
    String any = null;
    for (String d : documented) {
      String e = essence(d);
      if (e.equals(essence)) {
        return Optional.of(d);
      }
      if (e.equals(type + "/*")) {
        wildcard = d;
      } else if (e.equals("*/*")) {
        any = d;
      }
    }
    return Optional.ofNullable(wildcard != null ? wildcard : any);
  }
}
