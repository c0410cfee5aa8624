package dev.accord.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message produced by the provider for verification: its bytes exactly as sent, and its metadata
 * (Kafka headers, content type, destination).
 */
public final class Message {
  private final byte[] contents;
  private final Map<String, Object> metadata;

  private Message(byte[] contents, Map<String, Object> metadata) {
    this.contents = contents;
    this.metadata = Collections.unmodifiableMap(metadata);
  }

  public static Message of(byte[] contents) {
    return new Message(Objects.requireNonNull(contents, "contents").clone(), new LinkedHashMap<>());
  }

  public static Message of(String contents) {
    return of(Objects.requireNonNull(contents, "contents").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A copy with one more metadata entry ({@code contentType} decides how the contents are matched).
   */
  public Message withMetadata(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(metadata);
    copy.put(Objects.requireNonNull(key, "key"), value);
    return new Message(contents, copy);
  }

  public Message withMetadata(Map<String, ?> entries) {
    Map<String, Object> copy = new LinkedHashMap<>(metadata);
    copy.putAll(entries);
    return new Message(contents, copy);
  }

  public byte[] contents() {
    return contents.clone();
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m
        && Arrays.equals(contents, m.contents)
        && metadata.equals(m.metadata);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(contents) + metadata.hashCode();
  }

  @Override
  public String toString() {
    return "Message[" + contents.length + " bytes, metadata " + metadata + "]";
  }
}
