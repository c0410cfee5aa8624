package dev.accord.pact.matching.internal;

import dev.accord.pact.model.RuleList;

/**
 * Where a body traversal stands in a {@link RuleIndex}: the trie nodes still reachable from the current
 * path with their weights, and the best rule found so far. Descending one path segment is proportional to
 * the number of live trie nodes (usually one or two), so matching a body costs O(nodes), whatever the
 * number of rules.
 *
 * <p>Weights follow the Pact specification: root 2, exact field or index 2, star 1; the weight of a rule is
 * the product over its tokens. The rule with the highest weight wins, ties go to the longer expression
 * text. A rule found at a shallower depth stays a candidate for deeper nodes: that is cascading.
 */
public final class RuleCursor {

  private static final RuleIndex.Node[] NO_NODES = new RuleIndex.Node[0];
  private static final double[] NO_WEIGHTS = new double[0];
  private static final RuleCursor NONE = new RuleCursor(NO_NODES, NO_WEIGHTS, null, 0, 0, 0, 0);

  private final RuleIndex.Node[] nodes;
  private final double[] weights;
  private final RuleList best;
  private final double bestWeight;
  private final int bestLength;
  private final int bestDepth;
  private final int depth;

  private RuleCursor(RuleIndex.Node[] nodes, double[] weights, RuleList best, double bestWeight, int bestLength,
      int bestDepth, int depth) {
    this.nodes = nodes;
    this.weights = weights;
    this.best = best;
    this.bestWeight = bestWeight;
    this.bestLength = bestLength;
    this.bestDepth = bestDepth;
    this.depth = depth;
  }

  /** A cursor with no rules at all. */
  public static RuleCursor none() {
    return NONE;
  }

  static RuleCursor root(RuleIndex index) {
    if (index.isEmpty()) {
      return NONE;
    }
    RuleIndex.Node root = index.root;
    return new RuleCursor(new RuleIndex.Node[] {root}, new double[] {2}, root.rules, root.rules == null ? 0 : 2,
        root.textLength, 0, 0);
  }

  /** A cursor whose only rule is {@code rules}, applied here and cascading to children. */
  public static RuleCursor of(RuleList rules) {
    return new RuleCursor(NO_NODES, NO_WEIGHTS, rules, Double.MAX_VALUE, Integer.MAX_VALUE, 0, 0);
  }

  /** Moves to an object key. */
  public RuleCursor field(String name) {
    return descend(name, numericKey(name));
  }

  /** Moves to an array index. */
  public RuleCursor index(int index) {
    return descend(null, index);
  }

  /** {@code name} is null for an array index (its text is only built when a rule names it as a field). */
  private RuleCursor descend(String name, int numeric) {
    if (nodes.length == 0) {
      if (this == NONE) {
        return NONE;
      }
      return new RuleCursor(NO_NODES, NO_WEIGHTS, best, bestWeight, bestLength, bestDepth, depth + 1);
    }
    RuleIndex.Node[] next = null;
    double[] nextWeights = null;
    int count = 0;
    RuleList newBest = best;
    double newWeight = bestWeight;
    int newLength = bestLength;
    int newDepth = bestDepth;
    for (int i = 0; i < nodes.length; i++) {
      RuleIndex.Node node = nodes[i];
      double w = weights[i];
      RuleIndex.Node exact = null;
      if (!node.fields.isEmpty()) {
        exact = node.fields.get(name != null ? name : Integer.toString(numeric));
      }
      if (exact == null && numeric >= 0 && !node.indices.isEmpty()) {
        exact = node.indices.get(numeric);
      }
      RuleIndex.Node starIndex = numeric >= 0 ? node.starIndex : null;
      for (int c = 0; c < 3; c++) {
        RuleIndex.Node child = c == 0 ? exact : c == 1 ? starIndex : node.star;
        if (child == null) {
          continue;
        }
        double cw = c == 0 ? w * 2 : w;
        if (!child.isLeafless()) {
          if (next == null) {
            next = new RuleIndex.Node[nodes.length * 3];
            nextWeights = new double[nodes.length * 3];
          }
          next[count] = child;
          nextWeights[count++] = cw;
        }
        if (child.rules != null
            && (newBest == null || cw > newWeight || (cw == newWeight && child.textLength > newLength))) {
          newBest = child.rules;
          newWeight = cw;
          newLength = child.textLength;
          newDepth = depth + 1;
        }
      }
    }
    if (count == 0 && newBest == null) {
      return NONE;
    }
    RuleIndex.Node[] live = count == 0 ? NO_NODES : count == next.length ? next : java.util.Arrays.copyOf(next, count);
    double[] liveWeights = count == 0 ? NO_WEIGHTS : java.util.Arrays.copyOf(nextWeights, count);
    return new RuleCursor(live, liveWeights, newBest, newWeight, newLength, newDepth, depth + 1);
  }

  private static int numericKey(String segment) {
    if (segment.isEmpty() || segment.length() > 9) {
      return -1;
    }
    for (int i = 0; i < segment.length(); i++) {
      if (!Character.isDigit(segment.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(segment);
  }

  /** The winning rules for this node, or null when none applies. */
  public RuleList rules() {
    return best;
  }

  public boolean hasRules() {
    return best != null;
  }

  /** Whether the winning rule was defined for an ancestor and cascades down to this node. */
  public boolean cascaded() {
    return best != null && bestDepth < depth;
  }
}
