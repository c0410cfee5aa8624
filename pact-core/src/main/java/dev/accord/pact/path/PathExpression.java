package dev.accord.pact.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A body path expression, as matching rules and generators are keyed in a pact ({@code
 * $.items[*].price}, {@code $['x.y']}, {@code $.a.*}; Pact specification section 2.3). This is the
 * one grammar of Accord: the matching engine, the generators, the consumer DSL, the verifier and
 * the broker all read and write body paths through this class.
 *
 * <pre>{@code
 * PathExpression price = PathExpression.parse("$.items[*].price");
 * price.matches(BodyPath.root().field("items").index(2).field("price"));  // true
 * price.select(Json.parse("{\"items\": [{\"price\": 1}, {\"price\": 2}]}"))
 *     .stream().map(PathExpression.Selected::value).toList();            // [1, 2]
 *
 * PathExpression.root().field("items").anyIndex().field("unit price").text();
 * // "$.items[*]['unit price']"
 * }</pre>
 *
 * <p>Which rule applies at a node when several expressions match it (weights, cascading to
 * children) is decided by {@link dev.accord.pact.matching.BodyRules}. Expressions are immutable and
 * parsed once: the same rule text is looked up for every node of a body.
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

  /** A node of a JSON tree that an expression selects, with its concrete path. */
  public record Selected(BodyPath path, JsonNode value) {}

  private static final int CACHE_LIMIT = 10_000;
  private static final Map<String, PathExpression> CACHE = new ConcurrentHashMap<>();
  private static final PathExpression ROOT = new PathExpression("$", List.of(new Root()));

  /**
   * Field names written as {@code .name}; anything else is quoted, in the form every Pact tool
   * reads.
   */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");

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

  /**
   * {@code $}: the whole body. Build longer expressions from it with {@link #field}, {@link
   * #index}, {@link #anyIndex}.
   */
  public static PathExpression root() {
    return ROOT;
  }

  /**
   * This expression followed by an object key: {@code .name}, or {@code ['name']} when the key is
   * not a plain name ({@code ["it's"]} when it holds a single quote).
   *
   * @throws IllegalArgumentException when the key holds both quote characters, which no Pact path
   *     can name
   */
  public PathExpression field(String name) {
    String segment;
    if (PLAIN_NAME.matcher(name).matches()) {
      segment = "." + name;
    } else if (name.indexOf('\'') < 0) {
      segment = "['" + name + "']";
    } else if (name.indexOf('"') < 0) {
      segment = "[\"" + name + "\"]";
    } else {
      throw new IllegalArgumentException(
          "The key "
              + name
              + " holds both ' and \", which a Pact body path"
              + " cannot name (write it as ['...'] or [\"...\"]); rename the key");
    }
    return append(segment, new Field(name));
  }

  /** This expression followed by an array index: {@code [2]}. */
  public PathExpression index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("An array index cannot be negative: " + index);
    }
    return append("[" + index + "]", new Index(index));
  }

  /** This expression followed by any array index: {@code [*]}. */
  public PathExpression anyIndex() {
    return append("[*]", new StarIndex());
  }

  private PathExpression append(String segment, Token token) {
    List<Token> more = new ArrayList<>(tokens.size() + 1);
    more.addAll(tokens);
    more.add(token);
    return new PathExpression(text + segment, more);
  }

  /** The expression as written in a pact: {@code $.items[*].price}. */
  public String text() {
    return text;
  }

  /** The steps, starting with {@link Root}. */
  public List<Token> tokens() {
    return tokens;
  }

  /**
   * Whether this expression names the node at {@code path}: same length, every field equal (a
   * numeric key also matches the index form, {@code $[2]}), every index equal, {@code [*]} any
   * index, {@code *} anything. Whether the rule of a parent applies to the node too (cascading) is
   * not this method's question: see {@link dev.accord.pact.matching.BodyRules#ruleAt(BodyPath)}.
   */
  public boolean matches(BodyPath path) {
    List<BodyPath> segments = path.segments();
    if (segments.size() != tokens.size() - 1) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      BodyPath segment = segments.get(i);
      Token token = tokens.get(i + 1);
      int numeric = segment.numericValue();
      boolean ok;
      if (token instanceof Field f) {
        ok = !segment.isIndex() && f.name().equals(segment.last());
      } else if (token instanceof Index idx) {
        ok = numeric == idx.index();
      } else if (token instanceof StarIndex) {
        ok = numeric >= 0;
      } else {
        ok = token instanceof Star;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The nodes of {@code root} this expression reaches, in document order, each with its concrete
   * path. A field selects an object's key, an index or {@code [*]} an array's elements, {@code *}
   * every key or element; a step that does not fit the node (a field on an array, an index past the
   * end) selects nothing. {@code $} selects the root itself.
   */
  public List<Selected> select(JsonNode root) {
    List<Selected> found = new ArrayList<>();
    if (root != null) {
      select(root, 1, BodyPath.root(), found);
    }
    return found;
  }

  private void select(JsonNode node, int depth, BodyPath path, List<Selected> found) {
    if (depth == tokens.size()) {
      found.add(new Selected(path, node));
      return;
    }
    Token token = tokens.get(depth);
    if (node.isObject()) {
      if (token instanceof Field f) {
        JsonNode child = node.get(f.name());
        if (child != null) {
          select(child, depth + 1, path.field(f.name()), found);
        }
      } else if (token instanceof Star) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          select(e.getValue(), depth + 1, path.field(e.getKey()), found);
        }
      }
    } else if (node.isArray()) {
      if (token instanceof Index idx) {
        if (idx.index() < node.size()) {
          select(node.get(idx.index()), depth + 1, path.index(idx.index()), found);
        }
      } else if (token instanceof StarIndex || token instanceof Star) {
        for (int i = 0; i < node.size(); i++) {
          select(node.get(i), depth + 1, path.index(i), found);
        }
      }
    }
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    String s = text.trim();
    if (s.isEmpty() || s.charAt(0) != '$') {
      // pact-jvm accepts a bare field name (e.g. header-style keys) as $.name
      if (!s.isEmpty()
          && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
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
    return new IllegalArgumentException(
        "Invalid body path expression '"
            + text
            + "' at position "
            + position
            + ": "
            + problem
            + ". Valid forms: $, $.name, $['name with.dots'], $.items[0], $.items[*], $.*");
  }

  @Override
  public String toString() {
    return text;
  }
}
