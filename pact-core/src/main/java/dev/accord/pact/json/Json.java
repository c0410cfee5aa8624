package dev.accord.pact.json;

import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one Jackson mapper pact-core uses, and small helpers around it.
 *
 * <p>Parsing and writing JSON trees ({@link #parse}, {@link #tryParse}, {@link #write}) go through
 * jackson-core's streaming parser and generator directly and give the same trees and text as the mapper's
 * {@code readTree} / {@code writeValueAsString}; the databind mapper itself is built only when something
 * needs data binding ({@link #mapper()}, {@link #toTree}). Building it loads several hundred classes, which
 * a short-lived verifier or CLI process would otherwise pay for on every start.
 */
public final class Json {
  /** The same defaults as the mapper's own factory (JsonMapper.builder() uses a default JsonFactory). */
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Built on first use only. */
  private static final class Mapper {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /**
   * Parses JSON text; a document with only white space gives a missing node.
   *
   * @throws JacksonException when it is not one JSON document
   */
  public static JsonNode parse(String json) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      return readDocument(p);
    }
  }

  /** Parses bytes (UTF-8, or UTF-16/32 detected), or empty when they are not a single JSON document. */
  public static Optional<JsonNode> tryParse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      JsonNode node = readDocument(p);
      return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text. */
  public static String write(JsonNode node) {
    if (!plain(node)) {
      return mapper().writeValueAsString(node);
    }
    StringBuilder out = new StringBuilder(64);
    writeNode(out, node);
    return out.toString();
  }

  /** Converts any Jackson-serialisable value (maps, lists, records) to a tree. */
  public static JsonNode toTree(Object value) {
    return mapper().valueToTree(value);
  }

  /** One root value, nothing after it (as the mapper's readTree with its default FAIL_ON_TRAILING_TOKENS). */
  private static JsonNode readDocument(JsonParser p) {
    JsonToken first = p.nextToken();
    if (first == null) {
      return NODES.missingNode();
    }
    JsonNode root = readValue(p, first, 0);
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw new StreamReadException(p, "Trailing token (of type " + trailing + ") found after value (bound as "
          + "JsonNode): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
    }
    return root;
  }

  /** The node for the current token, with the number types the mapper's node deserializer picks. */
  private static JsonNode readValue(JsonParser p, JsonToken token, int depth) {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        String name;
        while ((name = p.nextName()) != null) {
          object.set(name, readValue(p, p.nextToken(), depth + 1)); // a repeated key: the last value wins
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          array.add(readValue(p, t, depth + 1));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        switch (p.getNumberTypeFP()) {
          case BIG_DECIMAL:
            return NODES.numberNode(p.getDecimalValue());
          case FLOAT16:
          case FLOAT32:
            return NODES.numberNode(p.getFloatValue());
          default:
            return NODES.numberNode(p.getDoubleValue());
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new StreamReadException(p, "Unexpected token " + token + " in a JSON document");
    }
  }

  /** Whether the tree holds only the node types {@link #writeNode} writes itself (not POJO, binary or raw). */
  private static boolean plain(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
      case ARRAY:
        for (JsonNode child : node.values()) {
          if (!plain(child)) {
            return false;
          }
        }
        return true;
      case STRING:
      case NUMBER:
      case BOOLEAN:
      case NULL:
        return true;
      default:
        return false;
    }
  }

  /**
   * The text Jackson's default generator writes: no spaces; in strings, quote, backslash and control characters
   * escaped (short forms for backspace, tab, newline, form feed and carriage return, a four-digit Unicode escape for
   * the others) and everything else as is; numbers as their Java text. JsonTest checks it against the mapper.
   * Written by hand because a generator per call costs more than the text itself for the small documents of a
   * verification (state-change bodies, generated values).
   */
  private static void writeNode(StringBuilder out, JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          writeString(out, e.getKey());
          out.append(':');
          writeNode(out, e.getValue());
        }
        out.append('}');
        return;
      }
      case ARRAY: {
        out.append('[');
        boolean first = true;
        for (JsonNode child : node.values()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          writeNode(out, child);
        }
        out.append(']');
        return;
      }
      case STRING:
        writeString(out, node.stringValue());
        return;
      case BOOLEAN:
        out.append(node.booleanValue());
        return;
      case NULL:
        out.append("null");
        return;
      case NUMBER:
        switch (node.numberType()) {
          case INT:
            out.append(node.intValue());
            return;
          case LONG:
            out.append(node.longValue());
            return;
          case BIG_INTEGER:
            out.append(node.bigIntegerValue());
            return;
          case FLOAT:
            writeFloatingPoint(out, node, Float.toString(node.floatValue()));
            return;
          case DOUBLE:
            writeFloatingPoint(out, node, Double.toString(node.doubleValue()));
            return;
          default:
            out.append(node.decimalValue().toString());
            return;
        }
      default:
        throw new IllegalStateException("Unexpected node type " + node.getNodeType());
    }
  }

  /** NaN and infinities are not JSON numbers: Jackson writes them as strings. */
  private static void writeFloatingPoint(StringBuilder out, JsonNode node, String text) {
    double d = node.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append('"').append(text).append('"');
    } else {
      out.append(text);
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, from, i).append('\\');
      switch (c) {
        case '"':
        case '\\':
          out.append(c);
          break;
        case '\b':
          out.append('b');
          break;
        case '\t':
          out.append('t');
          break;
        case '\n':
          out.append('n');
          break;
        case '\f':
          out.append('f');
          break;
        case '\r':
          out.append('r');
          break;
        default:
          out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
      from = i + 1;
    }
    out.append(s, from, s.length()).append('"');
  }
}
