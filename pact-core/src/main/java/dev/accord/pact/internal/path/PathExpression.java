package dev.accord.pact.internal.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed matching-rule path expression ({@code $.items[*].price}, {@code $['x.y']}, {@code $.a.*}).
 * Expressions are parsed once and cached: the same rule text is looked up for every node of a body.
 */
public final class PathExpression {

  /** One step of an expression. */
  public sealed interface Token {}

  /** {@code $}. */
  public record Root() implements Token {}

  /** {@code .name} or {@code ['name']}. */
  public record Field(String name) implements Token {}

  /** {@code [2]}. */
  public record Index(int index) implements Token {}

  /** {@code [*]}: any array index. */
  public record StarIndex() implements Token {}

  /** {@code .*}: any key or index. */
  public record Star() implements Token {}

  private static final int CACHE_LIMIT = 10_000;
  private static final Map<String, PathExpression> CACHE = new ConcurrentHashMap<>();

  private final String text;
  private final List<Token> tokens;

  private PathExpression(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = List.copyOf(tokens);
  }

  /**
   * Parses (or fetches from the cache) an expression.
   *
   * @throws IllegalArgumentException naming the expression, the position and the valid forms
   */
  public static PathExpression parse(String text) {
    PathExpression cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    PathExpression parsed = new PathExpression(text, tokenize(text));
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(text, parsed);
    return parsed;
  }

  public String text() {
    return text;
  }

  public List<Token> tokens() {
    return tokens;
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    String s = text.trim();
    if (s.isEmpty() || s.charAt(0) != '$') {
      // pact-jvm accepts a bare field name (e.g. header-style keys) as $.name
      if (!s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        tokens.add(new Root());
        tokens.add(new Field(s));
        return tokens;
      }
      throw invalid(text, 0, "it must start with '$'");
    }
    tokens.add(new Root());
    int i = 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        int start = ++i;
        if (i < s.length() && s.charAt(i) == '*') {
          tokens.add(new Star());
          i++;
          continue;
        }
        while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
          i++;
        }
        if (i == start) {
          throw invalid(text, start, "a field name is expected after '.'");
        }
        tokens.add(new Field(s.substring(start, i)));
      } else if (c == '[') {
        int close;
        if (i + 1 < s.length() && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
          char quote = s.charAt(i + 1);
          int end = s.indexOf(quote, i + 2);
          if (end < 0 || end + 1 >= s.length() || s.charAt(end + 1) != ']') {
            throw invalid(text, i, "an unterminated quoted name (write ['name'])");
          }
          tokens.add(new Field(s.substring(i + 2, end)));
          i = end + 2;
          continue;
        }
        close = s.indexOf(']', i);
        if (close < 0) {
          throw invalid(text, i, "a '[' without its ']'");
        }
        String inner = s.substring(i + 1, close).trim();
        if (inner.equals("*")) {
          tokens.add(new StarIndex());
        } else if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
          try {
            tokens.add(new Index(Integer.parseInt(inner)));
          } catch (NumberFormatException e) {
            throw invalid(text, i, "an index too large");
          }
        } else {
          throw invalid(text, i, "'[" + inner + "]' is neither an index, [*] nor a quoted name");
        }
        i = close + 1;
      } else {
        throw invalid(text, i, "unexpected character '" + c + "'");
      }
    }
    return tokens;
  }

  private static IllegalArgumentException invalid(String text, int position, String problem) {
    return new IllegalArgumentException("Invalid body path expression '" + text + "' at position "
        + position + ": " + problem + ". Valid forms: $, $.name, $['name with.dots'], $.items[0], $.items[*], $.*");
  }

  @Override
  public String toString() {
    return text;
  }
}
