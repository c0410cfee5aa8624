package dev.accord.pact.json.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes JSON trees as text, byte for byte what Jackson's mapper writes, without building the mapper: compact
 * (the default generator) or pretty (the pact-file printer of {@link JsonText#pretty}). Only plain trees (objects,
 * arrays, strings, numbers, booleans, null) are written here; {@link #plain} tells, and callers hand anything else
 * (POJO, binary, raw value nodes) to the mapper. JsonTest and JsonTextTest check the text against the mapper.
 *
 * <p>Written by hand because a mapper costs several hundred classes to build and a generator per call costs more
 * than the text itself for the small documents of a verification (state-change bodies, generated values).
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder out;
  /** Null for compact text; otherwise the indentation unit, after a newline, once per nesting level. */
  private final String indent;

  private JsonWriter(StringBuilder out, String indent) {
    this.out = out;
    this.indent = indent;
  }

  /** Compact text: no white space. */
  public static String compact(JsonNode node) {
    StringBuilder out = new StringBuilder(64);
    new JsonWriter(out, null).write(node, 0);
    return out.toString();
  }

  /**
   * Pretty text: a newline and {@code indent} per level before every object entry and array element,
   * {@code "name": value}, {@code {}} and {@code []} when empty; no trailing newline.
   */
  public static String pretty(JsonNode node, String indent) {
    StringBuilder out = new StringBuilder(1024);
    new JsonWriter(out, indent).write(node, 0);
    return out.toString();
  }

  /** Whether the tree holds only the node types written here (not POJO, binary or raw value nodes). */
  public static boolean plain(JsonNode node) {
    return everyLeaf(node, leaf -> leaf.isString() || leaf.isNumber() || leaf.isBoolean() || leaf.isNull());
  }

  /** Whether every value in the tree that is not an object or an array passes {@code test}. */
  public static boolean everyLeaf(JsonNode node, java.util.function.Predicate<JsonNode> test) {
    if (!node.isContainer()) {
      return test.test(node);
    }
    for (JsonNode child : node.values()) {
      if (!everyLeaf(child, test)) {
        return false;
      }
    }
    return true;
  }

  private void newline(int level) {
    if (indent != null) {
      out.append('\n');
      for (int i = 0; i < level; i++) {
        out.append(indent);
      }
    }
  }

  private void write(JsonNode node, int level) {
    switch (node.getNodeType()) {
      case OBJECT: {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          newline(level + 1);
          writeString(e.getKey());
          out.append(indent == null ? ":" : ": ");
          write(e.getValue(), level + 1);
        }
        if (!first) {
          newline(level);
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
          newline(level + 1);
          write(child, level + 1);
        }
        if (!first) {
          newline(level);
        }
        out.append(']');
        return;
      }
      case STRING:
        writeString(node.stringValue());
        return;
      case BOOLEAN:
        out.append(node.booleanValue());
        return;
      case NULL:
        out.append("null");
        return;
      case NUMBER:
        writeNumber(node);
        return;
      default:
        throw new IllegalStateException("Unexpected node type " + node.getNodeType() + ": check plain(node) first");
    }
  }

  /** Numbers as their Java text; NaN and infinities, which are not JSON numbers, as strings (as Jackson does). */
  private void writeNumber(JsonNode node) {
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
        writeFloatingPoint(node, Float.toString(node.floatValue()));
        return;
      case DOUBLE:
        writeFloatingPoint(node, Double.toString(node.doubleValue()));
        return;
      default:
        out.append(node.decimalValue().toString());
    }
  }

  private void writeFloatingPoint(JsonNode node, String text) {
    double d = node.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append('"').append(text).append('"');
    } else {
      out.append(text);
    }
  }

  /**
   * As Jackson's default generator: quote, backslash and control characters escaped (short forms for backspace,
   * tab, newline, form feed and carriage return, a four-digit Unicode escape for the others), everything else as is.
   */
  private void writeString(String s) {
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
