package dev.accord.pact.model;

import java.util.Locale;
import java.util.Optional;

/** The part of a request, response or message a matching rule or generator applies to. */
public enum Category {
  METHOD("method", false),
  PATH("path", false),
  STATUS("status", false),
  HEADER("header", true),
  QUERY("query", true),
  /**
   * The body of a request or response, and the payload of a message (files may call it {@code
   * content}).
   */
  BODY("body", true),
  METADATA("metadata", true);

  private final String jsonName;
  private final boolean keyed;

  Category(String jsonName, boolean keyed) {
    this.jsonName = jsonName;
    this.keyed = keyed;
  }

  /** The name used in pact files. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Whether entries are keyed (by header name, query name, metadata key or body path). Single-value
   * categories ({@code method}, {@code path}, {@code status}) hold one entry under the key {@code
   * ""}.
   */
  public boolean keyed() {
    return keyed;
  }

  /**
   * Reads a category name leniently: {@code content} is {@link #BODY}, {@code headers} is {@link
   * #HEADER}.
   */
  public static Optional<Category> fromJsonName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "method" -> Optional.of(METHOD);
      case "path" -> Optional.of(PATH);
      case "status" -> Optional.of(STATUS);
      case "header", "headers" -> Optional.of(HEADER);
      case "query" -> Optional.of(QUERY);
      case "body", "content" -> Optional.of(BODY);
      case "metadata", "metadata_" -> Optional.of(METADATA);
      default -> Optional.empty();
    };
  }
}
