package dev.accord.pact.json.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies in pact files: the V1-V3 form (the JSON value itself, a string for text, base64 for
 * binary) and the V4 body object ({@code content}, {@code contentType}, {@code encoded}, {@code
 * contentTypeHint}).
 */
public final class BodyCodec {
  static final String V4_FORM =
      "{\"content\": {\"id\": 1}, \"contentType\": \"application/json\", \"encoded\": false} "
          + "or {\"content\": \"AQID\", \"contentType\": \"application/octet-stream\", \"encoded\": \"base64\"}";
  private static final Set<String> V4_KEYS =
      Set.of("content", "contentType", "encoded", "contentTypeHint");

  private BodyCodec() {}

  // ---------------------------------------------------------------- reading

  /**
   * A V1-V3 body or message payload; {@code contentType} comes from the headers or message
   * metadata.
   */
  public static Body readLegacy(
      JsonNode value, ContentType contentType, String path, ReadContext ctx) {
    if (value.isNull()) {
      return Body.json(value, contentType);
    }
    if (value.isString()) {
      String text = value.stringValue();
      if (contentType != null && contentType.isJson()) {
        return jsonText(text, contentType, path, ctx);
      }
      if (contentType != null && contentType.isBinary()) {
        byte[] decoded = tryBase64(text);
        if (decoded != null) {
          return Body.bytes(decoded, contentType);
        }
        ctx.warn(
            path,
            "the body has the binary content type "
                + contentType.raw()
                + " but is not base64; its text is used as the content");
      }
      return Body.text(text, contentType);
    }
    return Body.json(value, contentType == null ? ContentType.JSON : contentType);
  }

  /** A V4 body object; other shapes are read leniently as V3 bodies. */
  public static Body readV4(JsonNode value, String path, ReadContext ctx) {
    if (!value.isObject() || !value.has("content")) {
      if (value.isObject() && value.isEmpty()) {
        return Body.missing();
      }
      if (value.isObject() && V4_KEYS.containsAll(value.propertyNames())) {
        return Body.missing();
      }
      ctx.warn(
          path,
          "a V4 body should be a body object "
              + V4_FORM
              + "; the value is read as the content itself");
      return readLegacy(value, null, path, ctx);
    }
    ctx.warnUnknown(value, path, V4_KEYS);
    String contentPath = JsonPaths.field(path, "content");
    JsonNode content = value.get("content");
    ContentType contentType =
        ctx.optString(value, "contentType", path, V4_FORM)
            .map(ct -> parseContentType(ct, JsonPaths.field(path, "contentType"), ctx))
            .orElse(null);
    Body.ContentTypeHint hint = null;
    String hintText =
        ctx.optString(value, "contentTypeHint", path, "\"contentTypeHint\": \"TEXT\" or \"BINARY\"")
            .orElse(null);
    if (hintText != null) {
      if (hintText.equalsIgnoreCase("TEXT")) {
        hint = Body.ContentTypeHint.TEXT;
      } else if (hintText.equalsIgnoreCase("BINARY")) {
        hint = Body.ContentTypeHint.BINARY;
      } else if (!hintText.equalsIgnoreCase("DEFAULT")) {
        ctx.warn(
            JsonPaths.field(path, "contentTypeHint"),
            "unknown content type hint '" + hintText + "' is ignored (valid: TEXT, BINARY)");
      }
    }
    JsonNode encodedNode = value.get("encoded");
    String encoding = encodingName(encodedNode, JsonPaths.field(path, "encoded"), ctx);
    Body body;
    switch (encoding) {
      case "base64":
        {
          String text =
              ctx.string(
                  content,
                  contentPath,
                  "base64 text, e.g. \"content\": \"AQID\", \"encoded\": \"base64\"");
          byte[] decoded = tryBase64(text);
          if (decoded == null) {
            throw ctx.error(
                contentPath,
                "the content is declared base64 (\"encoded\": "
                    + encodedNode
                    + ") but is not valid base64: "
                    + preview(text),
                "base64 text such as \"AQID\", or \"encoded\": false for plain text");
          }
          body = Body.bytes(decoded, contentType);
          if (contentType == null || !contentType.isBinary()) {
            body = body.withEncoding(Body.Encoding.BASE64);
          }
          break;
        }
      case "json":
        {
          String text =
              ctx.string(
                  content,
                  contentPath,
                  "JSON kept as a string, e.g. \"content\": \"{\\\"id\\\": 1}\"");
          JsonNode parsed;
          try {
            parsed = Json.parse(text);
          } catch (JacksonException e) {
            throw ctx.error(
                contentPath,
                "the content is declared JSON (\"encoded\": \"JSON\") but is not valid JSON: "
                    + preview(text)
                    + " ("
                    + e.getOriginalMessage()
                    + ")",
                "a string holding JSON such as \"{\\\"id\\\": 1}\", or \"encoded\": false with the JSON inline",
                e);
          }
          if (parsed == null || parsed.isMissingNode()) {
            throw ctx.error(
                contentPath,
                "the content is declared JSON (\"encoded\": \"JSON\") but is empty",
                "a string holding JSON such as \"{\\\"id\\\": 1}\"");
          }
          body = Body.json(parsed, contentType).withEncoding(Body.Encoding.JSON);
          break;
        }
      case "none":
        if (content.isString()) {
          body =
              contentType != null && contentType.isJson()
                  ? jsonText(content.stringValue(), contentType, contentPath, ctx)
                  : Body.text(content.stringValue(), contentType);
        } else {
          body = Body.json(content, contentType);
        }
        break;
      default:
        ctx.warn(
            JsonPaths.field(path, "encoded"),
            "unknown encoding '"
                + encoding
                + "'; the content is used as it is (valid: false, \"base64\", \"JSON\")");
        body =
            content.isString()
                ? Body.text(content.stringValue(), contentType)
                : Body.json(content, contentType);
    }
    return hint == null ? body : body.withHint(hint);
  }

  /**
   * A string given as the content of a JSON body is the JSON text itself (as pact-jvm reads it), so
   * {@code "{\"id\": 1}"} is an object and {@code "\"abc\""} a JSON string. Text that is not JSON
   * is kept as a JSON string, with a warning: pact-jvm writes JSON string bodies that way.
   */
  private static Body jsonText(String text, ContentType contentType, String path, ReadContext ctx) {
    if (text.isEmpty()) {
      return Body.text("", contentType); // an empty body: the actual body must be empty too
    }
    JsonNode parsed = null;
    if (!text.isBlank()) {
      try {
        parsed = Json.parse(text);
      } catch (JacksonException e) {
        parsed = null;
      }
    }
    if (parsed == null || parsed.isMissingNode()) {
      ctx.warn(
          path,
          "the content type is "
              + contentType.raw()
              + " but the content "
              + preview(text)
              + " is not JSON text; it is read as a JSON string (write \"\\\"text\\\"\" for a JSON string, "
              + "or use a text content type)");
      return Body.json(Json.nodes().stringNode(text), contentType);
    }
    return Body.json(parsed, contentType);
  }

  private static String encodingName(JsonNode encoded, String path, ReadContext ctx) {
    if (encoded == null || encoded.isNull() || (encoded.isBoolean() && !encoded.booleanValue())) {
      return "none";
    }
    if (encoded.isBoolean()) {
      return "base64";
    }
    if (encoded.isString()) {
      String e = encoded.stringValue().toLowerCase(Locale.ROOT);
      return switch (e) {
        case "base64" -> "base64";
        case "json" -> "json";
        case "false", "none", "" -> "none";
        default -> e;
      };
    }
    throw ctx.error(
        path,
        "expected false, \"base64\" or \"JSON\" but found " + ReadContext.describe(encoded),
        "\"encoded\": false, \"encoded\": \"base64\" or \"encoded\": \"JSON\"");
  }

  static ContentType parseContentType(String value, String path, ReadContext ctx) {
    ContentType ct = ContentType.parse(value);
    if (!ct.mediaType().contains("/")) {
      ctx.warn(
          path,
          "content type '"
              + value
              + "' has no subtype (valid form: type/subtype, e.g. application/json)");
    }
    return ct;
  }

  static byte[] tryBase64(String text) {
    try {
      return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String preview(String text) {
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
  }

  // ---------------------------------------------------------------- writing

  /** The V3 form of a present body: JSON inline, text as a string, binary as base64. */
  public static JsonNode writeLegacy(Body body, ContentType contentType) {
    ContentType ct = contentType != null ? contentType : body.contentType().orElse(null);
    if (ct != null && ct.isBinary() && !ct.isMultipart()) {
      return Json.nodes().stringNode(Base64.getEncoder().encodeToString(body.asBytes()));
    }
    if ((ct == null || ct.isJson()) && body.isJsonContent()) {
      return jsonContent(body.asJson(), ct);
    }
    if (body.isEmpty()) {
      return Json.nodes().stringNode("");
    }
    return Json.nodes().stringNode(body.asString());
  }

  /** The V4 body object of a present body. */
  public static ObjectNode writeV4(Body body) {
    ObjectNode o = Json.nodes().objectNode();
    ContentType ct = body.contentType().orElse(null);
    switch (body.encoding()) {
      case BASE64 -> {
        o.put("content", Base64.getEncoder().encodeToString(body.asBytes()));
        putContentType(o, ct);
        o.put("encoded", "base64");
      }
      case JSON -> {
        o.put("content", body.asString());
        putContentType(o, ct);
        o.put("encoded", "JSON");
      }
      default -> {
        if (ct != null && ct.isBinary()) {
          o.put("content", Base64.getEncoder().encodeToString(body.asBytes()));
          putContentType(o, ct);
          o.put("encoded", "base64");
        } else if (body.isEmpty()) {
          o.put("content", "");
          putContentType(o, ct);
          o.put("encoded", false);
        } else if ((ct == null || ct.isJson()) && body.isJsonContent()) {
          o.set("content", jsonContent(body.asJson(), ct));
          putContentType(o, ct);
          o.put("encoded", false);
        } else if (isUtf8OrCharset(body, ct)) {
          o.put("content", body.asString());
          putContentType(o, ct);
          o.put("encoded", false);
        } else {
          o.put("content", Base64.getEncoder().encodeToString(body.asBytes()));
          putContentType(o, ct);
          o.put("encoded", "base64");
        }
      }
    }
    body.hint().ifPresent(h -> o.put("contentTypeHint", h.name()));
    return o;
  }

  /**
   * JSON inline; a JSON string under a JSON content type is written as its JSON text ({@code
   * "\"abc\""}), since readers take a string content of a JSON body to be the JSON text.
   */
  private static JsonNode jsonContent(JsonNode json, ContentType ct) {
    if (json.isString() && ct != null) {
      return Json.nodes().stringNode(Json.write(json));
    }
    return json;
  }

  private static void putContentType(ObjectNode o, ContentType ct) {
    if (ct != null) {
      o.put("contentType", ct.raw());
    }
  }

  private static boolean isUtf8OrCharset(Body body, ContentType ct) {
    if (ct != null && ct.charset().isPresent()) {
      return true;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.asBytes()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
