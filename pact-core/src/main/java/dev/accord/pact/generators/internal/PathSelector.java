package dev.accord.pact.generators.internal;

import dev.accord.pact.path.BodyPath;
import dev.accord.pact.path.PathExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Selects the values of a JSON tree that a generator's body path ({@link PathExpression}, the same
 * grammar and parser the matching rules use) reaches, and replaces them.
 */
public final class PathSelector {

  private final PathExpression expression;

  /** The tokens after {@code $}. */
  private final List<PathExpression.Token> tokens;

  private PathSelector(PathExpression expression) {
    this.expression = expression;
    List<PathExpression.Token> all = expression.tokens();
    this.tokens = all.subList(1, all.size());
  }

  /**
   * @throws IllegalArgumentException naming the expression, the position and the valid forms
   */
  public static PathSelector parse(String expression) {
    return new PathSelector(PathExpression.parse(expression));
  }

  public String expression() {
    return expression.text();
  }

  /** Whether the expression is {@code $} alone. */
  public boolean isRoot() {
    return tokens.isEmpty();
  }

  /**
   * The single property name of {@code $.name} / {@code $['name']}, or null for any other shape.
   */
  public String singleName() {
    return tokens.size() == 1 && tokens.get(0) instanceof PathExpression.Field f ? f.name() : null;
  }

  /**
   * Replaces every value the path selects. {@code replace} receives the current value and its
   * concrete path ({@code $.items[2].id}) and returns the new value. Values the path does not reach
   * are left alone.
   *
   * @param root a tree the caller owns (it is modified in place when the path is not the root)
   * @return the new root
   */
  public JsonNode replaceAll(JsonNode root, BiFunction<JsonNode, String, JsonNode> replace) {
    if (tokens.isEmpty()) {
      return replace.apply(root, "$");
    }
    walk(root, 0, BodyPath.root(), replace);
    return root;
  }

  private void walk(
      JsonNode node, int depth, BodyPath path, BiFunction<JsonNode, String, JsonNode> replace) {
    PathExpression.Token token = tokens.get(depth);
    boolean last = depth == tokens.size() - 1;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      if (token instanceof PathExpression.Field f) {
        if (object.has(f.name())) {
          names.add(f.name());
        }
      } else if (token instanceof PathExpression.Star) {
        names.addAll(object.propertyNames());
      }
      for (String name : names) {
        BodyPath childPath = path.field(name);
        JsonNode child = object.get(name);
        if (last) {
          object.set(name, replace.apply(child, childPath.toString()));
        } else {
          walk(child, depth + 1, childPath, replace);
        }
      }
    } else if (node instanceof ArrayNode array) {
      List<Integer> indices = new ArrayList<>();
      if (token instanceof PathExpression.Index idx) {
        if (idx.index() < array.size()) {
          indices.add(idx.index());
        }
      } else if (token instanceof PathExpression.StarIndex
          || token instanceof PathExpression.Star) {
        for (int i = 0; i < array.size(); i++) {
          indices.add(i);
        }
      }
      for (int i : indices) {
        BodyPath childPath = path.index(i);
        if (last) {
          array.set(i, replace.apply(array.get(i), childPath.toString()));
        } else {
          walk(array.get(i), depth + 1, childPath, replace);
        }
      }
    }
  }

  @Override
  public String toString() {
    return expression.text();
  }
}
