package dev.accord.pact.matching.internal;

import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.PathExpression;
import java.util.HashMap;
import java.util.Map;

/**
 * The body rules of one category, compiled into a trie of path tokens so the rule for a node is
 * found by walking down with the traversal (see {@link RuleCursor}) instead of testing every
 * expression at every node.
 */
public final class RuleIndex {

  static final class Node {
    final Map<String, Node> fields = new HashMap<>();
    final Map<Integer, Node> indices = new HashMap<>();
    Node starIndex;
    Node star;
    RuleList rules;

    /**
     * The expression text {@link #rules} were keyed by (the longest, when several name this node).
     */
    String text;

    int textLength;

    /** Whether {@link #rules} holds a {@code values} rule, which applies at its own depth only. */
    boolean values;

    Node field(String name) {
      return fields.computeIfAbsent(name, k -> new Node());
    }

    Node index(int i) {
      return indices.computeIfAbsent(i, k -> new Node());
    }

    boolean isLeafless() {
      return fields.isEmpty() && indices.isEmpty() && starIndex == null && star == null;
    }
  }

  private static final RuleIndex EMPTY = new RuleIndex(new Node(), true);

  final Node root;
  private final boolean empty;

  private RuleIndex(Node root, boolean empty) {
    this.root = root;
    this.empty = empty;
  }

  public static RuleIndex empty() {
    return EMPTY;
  }

  /**
   * Compiles body rules keyed by path expression.
   *
   * @throws IllegalArgumentException when an expression is invalid
   */
  public static RuleIndex of(Map<String, RuleList> rules) {
    if (rules == null || rules.isEmpty()) {
      return EMPTY;
    }
    Node root = new Node();
    boolean any = false;
    for (Map.Entry<String, RuleList> e : rules.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        continue;
      }
      PathExpression expression = PathExpression.parse(e.getKey());
      Node node = root;
      // tokens[0] is the root token
      for (int i = 1; i < expression.tokens().size(); i++) {
        PathExpression.Token token = expression.tokens().get(i);
        if (token instanceof PathExpression.Field f) {
          node = node.field(f.name());
        } else if (token instanceof PathExpression.Index idx) {
          node = node.index(idx.index());
        } else if (token instanceof PathExpression.StarIndex) {
          if (node.starIndex == null) {
            node.starIndex = new Node();
          }
          node = node.starIndex;
        } else {
          if (node.star == null) {
            node.star = new Node();
          }
          node = node.star;
        }
      }
      int length = e.getKey().length();
      if (node.rules == null || length > node.textLength) {
        node.rules = e.getValue();
        node.text = e.getKey();
        node.textLength = length;
        node.values = e.getValue().rules().stream().anyMatch(r -> r instanceof MatchingRule.Values);
      }
      any = true;
    }
    return any ? new RuleIndex(root, false) : EMPTY;
  }

  public boolean isEmpty() {
    return empty;
  }

  /** A cursor at the root {@code $} of the body. */
  public RuleCursor rootCursor() {
    return RuleCursor.root(this);
  }
}
