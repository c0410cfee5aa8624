package dev.accord.pact.matching.internal;

import dev.accord.pact.model.RuleList;
import java.util.Arrays;

/**
 * Where a body traversal stands in a {@link RuleIndex}: the trie nodes still reachable from the
 * current path with their weights, and the best rule found so far. Descending one path segment is
 * proportional to the number of live trie nodes (usually one or two), so matching a body costs
 * O(nodes), whatever the number of rules.
 *
 * <p>Weights follow the Pact specification: root 2, exact field or index 2, star 1; the weight of a
 * rule is the product over its tokens. The rule with the highest weight wins, ties go to the longer
 * expression text. A rule found at a shallower depth stays a candidate for deeper nodes: that is
 * cascading. A rule list holding a {@code values} rule does not cascade (it applies to the map it
 * names only); below it, the best other rule found on the way down applies.
 */
public final class RuleCursor {

  /** A rule list found on the way down, with what decides between candidates. */
  private record Candidate(
      RuleList rules, String text, double weight, int length, int depth, boolean values) {
    boolean loses(double otherWeight, int otherLength) {
      return otherWeight > weight || (otherWeight == weight && otherLength > length);
    }
  }

  private static final RuleIndex.Node[] NO_NODES = new RuleIndex.Node[0];
  private static final double[] NO_WEIGHTS = new double[0];
  private static final RuleCursor NONE = new RuleCursor(NO_NODES, NO_WEIGHTS, null, null, 0);

  private final RuleIndex.Node[] nodes;
  private final double[] weights;

  /** The winner at this node (may be a {@code values} rule defined right here). */
  private final Candidate best;

  /** What descends to children: the best candidate that is not a {@code values} rule. */
  private final Candidate inherited;

  private final int depth;

  private RuleCursor(
      RuleIndex.Node[] nodes, double[] weights, Candidate best, Candidate inherited, int depth) {
    this.nodes = nodes;
    this.weights = weights;
    this.best = best;
    this.inherited = inherited;
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
    Candidate here =
        root.rules == null
            ? null
            : new Candidate(root.rules, root.text, 2, root.textLength, 0, root.values);
    return new RuleCursor(
        new RuleIndex.Node[] {root},
        new double[] {2},
        here,
        here != null && !here.values() ? here : null,
        0);
  }

  /** A cursor whose only rule is {@code rules}, applied here and cascading to children. */
  public static RuleCursor of(RuleList rules) {
    Candidate c = new Candidate(rules, null, Double.MAX_VALUE, Integer.MAX_VALUE, 0, false);
    return new RuleCursor(NO_NODES, NO_WEIGHTS, c, c, 0);
  }

  /** Moves to an object key. */
  public RuleCursor field(String name) {
    return descend(name, numericKey(name));
  }

  /** Moves to an array index. */
  public RuleCursor index(int index) {
    return descend(null, index);
  }

  /**
   * {@code name} is null for an array index (its text is only built when a rule names it as a
   * field).
   */
  private RuleCursor descend(String name, int numeric) {
    if (nodes.length == 0) {
      if (inherited == null) {
        return NONE;
      }
      return new RuleCursor(NO_NODES, NO_WEIGHTS, inherited, inherited, depth + 1);
    }
    RuleIndex.Node[] next = null;
    double[] nextWeights = null;
    int count = 0;
    Candidate newBest = inherited;
    Candidate newInherited = inherited;
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
        if (child.rules != null) {
          Candidate found = null;
          if (newBest == null || newBest.loses(cw, child.textLength)) {
            found =
                new Candidate(
                    child.rules, child.text, cw, child.textLength, depth + 1, child.values);
            newBest = found;
          }
          if (!child.values && (newInherited == null || newInherited.loses(cw, child.textLength))) {
            newInherited =
                found != null
                    ? found
                    : new Candidate(
                        child.rules, child.text, cw, child.textLength, depth + 1, false);
          }
        }
      }
    }
    if (count == 0 && newBest == null && newInherited == null) {
      return NONE;
    }
    RuleIndex.Node[] live = count == 0 ? NO_NODES : Arrays.copyOf(next, count);
    double[] liveWeights = count == 0 ? NO_WEIGHTS : Arrays.copyOf(nextWeights, count);
    return new RuleCursor(live, liveWeights, newBest, newInherited, depth + 1);
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
    return best == null ? null : best.rules();
  }

  /** The expression the winning rules were keyed by in the pact, or null when none applies. */
  public String expression() {
    return best == null ? null : best.text();
  }

  public boolean hasRules() {
    return best != null;
  }

  /** Whether the winning rule was defined for an ancestor and cascades down to this node. */
  public boolean cascaded() {
    return best != null && best.depth() < depth;
  }
}
