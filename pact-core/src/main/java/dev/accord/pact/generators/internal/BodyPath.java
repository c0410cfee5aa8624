package dev.accord.pact.generators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A body path expression of the Pact specification: {@code $}, {@code .name}, {@code ['name']},
 * {@code [0]}, {@code [*]} and {@code .*}, parsed once and applied to a JSON tree.
 */
public final class BodyPath {

  private sealed interface Token permits Field, Index, AnyField, AnyIndex {}

  private record Field(String name) implements Token {}

  private record Index(int index) implements Token {}

  /** {@code .*}: every property of an object, every element of an array. */
  private record AnyField() implements Token {}

  /** {@code [*]}: every element of an array. */
  private record AnyIndex() implements Token {}

  private final String expression;
  private final List<Token> tokens;

  private BodyPath(String expression, List<Token> tokens) {
    this.expression = expression;
    this.tokens = List.copyOf(tokens);
  }

  /** @throws IllegalArgumentException naming the position and the valid forms */
  public static BodyPath parse(String expression) {
    String s = expression.trim();
    List<Token> tokens = new ArrayList<>();
    int i;
    if (s.startsWith("$")) {
      i = 1;
    } else {
      // lenient: a bare name is a property of the root
      s = "$." + s;
      i = 1;
    }
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        i++;
        if (i < s.length() && s.charAt(i) == '*') {
          tokens.add(new AnyField());
          i++;
          continue;
        }
        int start = i;
        while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
          i++;
        }
        if (start == i) {
          throw invalid(expression, start, "a property name after '.'");
        }
        tokens.add(new Field(s.substring(start, i)));
      } else if (c == '[') {
        int close;
        if (i + 1 < s.length() && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
          char quote = s.charAt(i + 1);
          int end = s.indexOf(quote, i + 2);
          if (end < 0 || end + 1 >= s.length() || s.charAt(end + 1) != ']') {
            throw invalid(expression, i, "a quoted name closed by " + quote + "]");
          }
          tokens.add(new Field(s.substring(i + 2, end)));
          i = end + 2;
          continue;
        }
        close = s.indexOf(']', i);
        if (close < 0) {
          throw invalid(expression, i, "']'");
        }
        String inner = s.substring(i + 1, close).trim();
        if (inner.equals("*")) {
          tokens.add(new AnyIndex());
        } else if (inner.matches("\\d+")) {
          tokens.add(new Index(Integer.parseInt(inner)));
        } else {
          throw invalid(expression, i + 1, "an index, '*' or a quoted name inside [...]");
        }
        i = close + 1;
      } else {
        throw invalid(expression, i, "'.' or '['");
      }
    }
    return new BodyPath(expression, tokens);
  }

  private static IllegalArgumentException invalid(String expression, int index, String expected) {
    return new IllegalArgumentException("the body path '" + expression + "' is not valid: expected " + expected
        + " at index " + index + ". Valid forms: $, $.name, $['name'], $.items[0], $.items[*], $.*");
  }

  public String expression() {
    return expression;
  }

  /** Whether the expression is {@code $} alone. */
  public boolean isRoot() {
    return tokens.isEmpty();
  }

  /** The single property name of {@code $.name} / {@code $['name']}, or null for any other shape. */
  public String singleName() {
    return tokens.size() == 1 && tokens.get(0) instanceof Field f ? f.name() : null;
  }

  /**
   * Replaces every value the path selects. {@code replace} receives the current value and its concrete
   * path ({@code $.items[2].id}) and returns the new value. Values the path does not reach are left alone.
   *
   * @param root a tree the caller owns (it is modified in place when the path is not the root)
   * @return the new root
   */
  public JsonNode replaceAll(JsonNode root, BiFunction<JsonNode, String, JsonNode> replace) {
    if (tokens.isEmpty()) {
      return replace.apply(root, "$");
    }
    walk(root, 0, "$", replace);
    return root;
  }

  private void walk(JsonNode node, int depth, String path, BiFunction<JsonNode, String, JsonNode> replace) {
    Token token = tokens.get(depth);
    boolean last = depth == tokens.size() - 1;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      if (token instanceof Field f) {
        if (object.has(f.name())) {
          names.add(f.name());
        }
      } else if (token instanceof AnyField) {
        names.addAll(object.propertyNames());
      }
      for (String name : names) {
        String childPath = path + propertySegment(name);
        JsonNode child = object.get(name);
        if (last) {
          object.set(name, replace.apply(child, childPath));
        } else {
          walk(child, depth + 1, childPath, replace);
        }
      }
    } else if (node instanceof ArrayNode array) {
      List<Integer> indices = new ArrayList<>();
      if (token instanceof Index idx) {
        if (idx.index() < array.size()) {
          indices.add(idx.index());
        }
      } else if (token instanceof AnyIndex || token instanceof AnyField) {
        for (int i = 0; i < array.size(); i++) {
          indices.add(i);
        }
      }
      for (int i : indices) {
        String childPath = path + "[" + i + "]";
        if (last) {
          array.set(i, replace.apply(array.get(i), childPath));
        } else {
          walk(array.get(i), depth + 1, childPath, replace);
        }
      }
    }
  }

  private static String propertySegment(String name) {
    return name.matches("[A-Za-z_$@#][A-Za-z0-9_$@#-]*") ? "." + name : "['" + name + "']";
  }

  @Override
  public String toString() {
    return expression;
  }
}
