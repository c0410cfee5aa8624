package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How values appear in mismatch messages, following the wording of the Pact compatibility suite:
 * strings in single quotes, other values as compact JSON, the type in parentheses ({@code 'a'
 * (String)}, {@code 100 (Integer)}, {@code ["b"] (Array)}).
 */
public final class Values {
  private Values() {}

  /** Values longer than this are cut in messages, so one huge value cannot flood a report. */
  static final int MAX_SHOWN = 1000;

  /** {@code 'a'}, {@code 100}, {@code null}, {@code ["b"]}. */
  public static String show(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "null";
    }
    if (node.isString()) {
      return "'" + abbreviate(node.asString(), MAX_SHOWN) + "'";
    }
    return abbreviate(json(node), MAX_SHOWN);
  }

  /** {@code 'a' (String)}. */
  public static String showTyped(JsonNode node) {
    return show(node) + " (" + typeName(node) + ")";
  }

  public static String typeName(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "Null";
    }
    if (node.isString()) {
      return "String";
    }
    if (node.isIntegralNumber()) {
      return "Integer";
    }
    if (node.isNumber()) {
      return "Decimal";
    }
    if (node.isBoolean()) {
      return "Boolean";
    }
    if (node.isArray()) {
      return "Array";
    }
    if (node.isObject()) {
      return "Object";
    }
    return node.getNodeType().toString();
  }

  /** A list as {@code [1, 2, 3]} (the form used in size messages). */
  public static String showList(JsonNode array) {
    List<String> parts = new ArrayList<>();
    for (JsonNode element : array) {
      parts.add(element.isString() ? "\"" + element.asString() + "\"" : json(element));
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /** Compact JSON with object keys sorted, so messages do not depend on key order. */
  public static String json(JsonNode node) {
    return node == null || node.isMissingNode() ? "null" : Json.writeCanonical(node);
  }

  /** {@code image/jpeg, 30922 bytes, starting with ffd8...} (first 32 bytes in hex). */
  public static String describeBytes(String contentType, byte[] bytes) {
    int n = Math.min(32, bytes.length);
    return contentType
        + ", "
        + bytes.length
        + " bytes, starting with "
        + HexFormat.of().formatHex(bytes, 0, n);
  }

  /** Text cut to a readable length for messages. */
  public static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
