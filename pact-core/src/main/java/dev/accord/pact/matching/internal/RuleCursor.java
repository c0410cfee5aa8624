package dev.accord.pact.matching.internal;

import dev.accord.pact.model.RuleList;
import java.util.ArrayList;
import java.util.List;

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

  private static final RuleCursor NONE = new RuleCursor(List.of(), null, 0, 0, 0, 0);

  private final List<RuleIndex.Node> nodes;
  private final double[] weights;
  private final RuleList best;
  private final double bestWeight;
  private final int bestLength;
  private final int bestDepth;
  private final int depth;

  private RuleCursor(List<RuleIndex.Node> nodes, double[] weights, RuleList best, double bestWeight,
      int bestLength, int bestDepth, int depth) {
    this.nodes = nodes;
    this.weights = weights;
    this.best = best;
    this.bestWeight = bestWeight;
    this.bestLength = bestLength;
    this.bestDepth = bestDepth;
    this.depth = depth;
  }

  private RuleCursor(List<RuleIndex.Node> nodes, RuleList best, double bestWeight, int bestLength, int bestDepth,
      int depth) {
    this(nodes, new double[0], best, bestWeight, bestLength, bestDepth, depth);
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
    return new RuleCursor(List.of(root), new double[] {2}, root.rules, root.rules == null ? 0 : 2,
        root.textLength, 0, 0);
  }

  /** A cursor whose only rule is {@code rules}, applied here and cascading to children. */
  public static RuleCursor of(RuleList rules) {
    return new RuleCursor(List.of(), rules, Double.MAX_VALUE, Integer.MAX_VALUE, 0, 0);
  }

  /** Moves to an object key. */
  public RuleCursor field(String name) {
    return descend(name, -1);
  }

  /** Moves to an array index. */
  public RuleCursor index(int index) {
    return descend(Integer.toString(index), index);
  }

  private RuleCursor descend(String segment, int index) {
    if (nodes.isEmpty()) {
      if (this == NONE) {
        return NONE;
      }
      return new RuleCursor(List.of(), best, bestWeight, bestLength, bestDepth, depth + 1);
    }
    int numeric = index >= 0 ? index : numericKey(segment);
    List<RuleIndex.Node> next = new ArrayList<>(2);
    double[] nextWeights = new double[nodes.size() * 3];
    RuleList newBest = best;
    double newWeight = bestWeight;
    int newLength = bestLength;
    int newDepth = bestDepth;
    for (int i = 0; i < nodes.size(); i++) {
      RuleIndex.Node node = nodes.get(i);
      double w = weights[i];
      RuleIndex.Node exact = node.fields.get(segment);
      if (exact == null && numeric >= 0) {
        exact = node.indices.get(numeric);
      }
      RuleIndex.Node starIndex = numeric >= 0 ? node.starIndex : null;
      RuleIndex.Node[] candidates = {exact, starIndex, node.star};
      double[] factors = {2, 1, 1};
      for (int c = 0; c < 3; c++) {
        RuleIndex.Node child = candidates[c];
        if (child == null) {
          continue;
        }
        double cw = w * factors[c];
        if (!child.isLeafless()) {
          nextWeights[next.size()] = cw;
          next.add(child);
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
    if (next.isEmpty() && newBest == null) {
      return NONE;
    }
    double[] trimmed = java.util.Arrays.copyOf(nextWeights, next.size());
    return new RuleCursor(next, trimmed, newBest, newWeight, newLength, newDepth, depth + 1);
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
