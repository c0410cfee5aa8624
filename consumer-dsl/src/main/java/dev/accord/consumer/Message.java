package dev.accord.consumer;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.MessageContents;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A message as the consumer receives it: the payload bytes, its content type and the metadata, with
 * helpers to read the payload as text, as JSON or as your own type.
 *
 * <pre>{@code
 * OrderPlaced event = message.as(OrderPlaced.class);
 * String topic = (String) message.metadata().get("topic");
 * }</pre>
 */
public final class Message {
  private final byte[] bytes;
  private final ContentType contentType;
  private final Map<String, Object> metadata;
  private final String description;

  Message(MessageContents contents, String description) {
    this.bytes = contents.contents().asBytes();
    this.contentType = contents.contentType().orElse(null);
    Map<String, Object> meta = new LinkedHashMap<>();
    contents.metadata().forEach((k, v) -> meta.put(k, Json.mapper().convertValue(v, Object.class)));
    this.metadata = Collections.unmodifiableMap(meta);
    this.description = description;
  }

  /** The payload (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The payload as text in its content type's charset (UTF-8 by default). */
  public String asString() {
    Charset cs = contentType == null ? StandardCharsets.UTF_8 : contentType.charsetOrUtf8();
    return new String(bytes, cs);
  }

  /** The payload as a JSON tree (Jackson 3). */
  public JsonNode asJson() {
    try {
      return Json.mapper().readTree(bytes);
    } catch (JacksonException e) {
      throw new IllegalStateException(
          "The payload of message '"
              + description
              + "' is not JSON ("
              + e.getOriginalMessage()
              + "); read it with asString() or bytes()",
          e);
    }
  }

  /** The JSON payload read as {@code type} with Jackson. */
  public <T> T as(Class<T> type) {
    try {
      return Json.mapper().readValue(bytes, type);
    } catch (JacksonException e) {
      throw new IllegalStateException(
          "The payload of message '"
              + description
              + "' cannot be read as "
              + type.getName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** The content type of the payload, when known. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType).map(ContentType::raw);
  }

  /** The metadata as plain Java values (strings, numbers, booleans, maps, lists). */
  public Map<String, Object> metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return "Message['" + description + "', " + bytes.length + " bytes, metadata " + metadata + "]";
  }
}
