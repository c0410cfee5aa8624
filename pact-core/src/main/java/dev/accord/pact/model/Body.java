package dev.accord.pact.model;

import dev.accord.pact.json.Json;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The body of a request, response or message.
 *
 * <p>A body is either <em>missing</em> (the pact says nothing about it, so anything matches) or
 * present: bytes with an optional content type. An empty body and a JSON {@code null} body are
 * present bodies. JSON bodies keep their parsed tree; other bodies keep their bytes. {@link
 * #encoding()} and {@link #hint()} remember how a V4 file stored the body so writing it back is
 * lossless.
 */
public final class Body {

  /** How a V4 file stored the content ({@code "encoded"} attribute). */
  public enum Encoding {
    /** {@code encoded: false}: JSON inline or a plain string. */
    NONE,
    /** {@code encoded: "base64"}. */
    BASE64,
    /** {@code encoded: "JSON"}: JSON kept as a string. */
    JSON
  }

  /** The V4 {@code contentTypeHint}. */
  public enum ContentTypeHint {
    TEXT,
    BINARY
  }

  private static final Body MISSING = new Body(false, null, null, null, Encoding.NONE, null);

  private final boolean present;
  private final byte[] bytes;
  private final ContentType contentType;
  private final Encoding encoding;
  private final ContentTypeHint hint;
  private volatile JsonNode json;

  private Body(
      boolean present,
      byte[] bytes,
      JsonNode json,
      ContentType contentType,
      Encoding encoding,
      ContentTypeHint hint) {
    this.present = present;
    this.bytes = bytes;
    this.json = json;
    this.contentType = contentType;
    this.encoding = encoding == null ? Encoding.NONE : encoding;
    this.hint = hint;
  }

  /** No expectation on the body: any actual body matches. */
  public static Body missing() {
    return MISSING;
  }

  /** A present, empty body: the actual body must be empty too. */
  public static Body empty() {
    return new Body(true, new byte[0], null, null, Encoding.NONE, null);
  }

  /** A JSON body with content type {@code application/json}. */
  public static Body json(JsonNode json) {
    return json(json, ContentType.JSON);
  }

  public static Body json(JsonNode json, ContentType contentType) {
    Objects.requireNonNull(json, "json");
    return new Body(true, null, json, contentType, Encoding.NONE, null);
  }

  public static Body text(String text, ContentType contentType) {
    Objects.requireNonNull(text, "text");
    Charset cs = contentType == null ? StandardCharsets.UTF_8 : contentType.charsetOrUtf8();
    return new Body(true, text.getBytes(cs), null, contentType, Encoding.NONE, null);
  }

  /** Any content as bytes; the content type (may be null) decides how it is matched. */
  public static Body bytes(byte[] content, ContentType contentType) {
    Objects.requireNonNull(content, "content");
    return new Body(true, content.clone(), null, contentType, Encoding.NONE, null);
  }

  public boolean isMissing() {
    return !present;
  }

  public boolean isPresent() {
    return present;
  }

  /** Present with no bytes. */
  public boolean isEmpty() {
    return present && json == null && bytes.length == 0;
  }

  /** Present and the JSON literal {@code null}. */
  public boolean isJsonNull() {
    JsonNode node = json;
    return node != null && node.isNull();
  }

  public Optional<ContentType> contentType() {
    return Optional.ofNullable(contentType);
  }

  public Encoding encoding() {
    return encoding;
  }

  public Optional<ContentTypeHint> hint() {
    return Optional.ofNullable(hint);
  }

  /** The content as bytes (a copy); empty for a missing body. */
  public byte[] asBytes() {
    return rawBytes().clone();
  }

  /**
   * The content as text in the content type's charset (UTF-8 by default); empty for a missing body.
   */
  public String asString() {
    if (json != null && bytes == null) {
      return Json.write(json);
    }
    Charset cs = contentType == null ? StandardCharsets.UTF_8 : contentType.charsetOrUtf8();
    return new String(rawBytes(), cs);
  }

  /** Whether the content parses as JSON (always true for bodies made from a JSON tree). */
  public boolean isJsonContent() {
    if (!present) {
      return false;
    }
    if (json != null) {
      return true;
    }
    return Json.tryParse(bytes)
        .map(
            n -> {
              json = n;
              return true;
            })
        .orElse(false);
  }

  /**
   * The content as a JSON tree, parsed once and cached.
   *
   * @throws IllegalStateException when the body is missing or not JSON
   */
  public JsonNode asJson() {
    JsonNode node = json;
    if (node != null) {
      return node;
    }
    if (!present) {
      throw new IllegalStateException("The body is missing, so it has no JSON content");
    }
    node =
        Json.tryParse(bytes)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The body is not valid JSON (content type "
                            + contentType
                            + "): "
                            + preview()));
    json = node;
    return node;
  }

  public Body withContentType(ContentType newContentType) {
    return new Body(present, bytes, json, newContentType, encoding, hint);
  }

  public Body withEncoding(Encoding newEncoding) {
    return new Body(present, bytes, json, contentType, newEncoding, hint);
  }

  public Body withHint(ContentTypeHint newHint) {
    return new Body(present, bytes, json, contentType, encoding, newHint);
  }

  /** Size in bytes of the content. */
  public int size() {
    return rawBytes().length;
  }

  private byte[] rawBytes() {
    if (!present) {
      return new byte[0];
    }
    if (bytes != null) {
      return bytes;
    }
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }

  private String preview() {
    String s = new String(rawBytes(), StandardCharsets.UTF_8);
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Body other)) {
      return false;
    }
    if (present != other.present
        || !Objects.equals(contentType, other.contentType)
        || encoding != other.encoding
        || hint != other.hint) {
      return false;
    }
    if (!present) {
      return true;
    }
    if (json != null && other.json != null) {
      return json.equals(other.json);
    }
    if (json != null || other.json != null) {
      if (isJsonContent() && other.isJsonContent()) {
        return asJson().equals(other.asJson());
      }
    }
    return Arrays.equals(rawBytes(), other.rawBytes());
  }

  @Override
  public int hashCode() {
    return Objects.hash(present, contentType, encoding, hint);
  }

  @Override
  public String toString() {
    if (!present) {
      return "Body[missing]";
    }
    return "Body["
        + (contentType == null ? "no content type" : contentType)
        + ", "
        + size()
        + " bytes: "
        + preview()
        + "]";
  }
}
