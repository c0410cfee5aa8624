package dev.accord.pact.matching;

import dev.accord.pact.matching.internal.RuleCursor;
import dev.accord.pact.matching.internal.RuleIndex;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.BodyPath;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body rules of one part of a pact (a request, a response or a message), asked which rule
 * applies at a node, exactly as the matching engine decides it.
 *
 * <pre>{@code
 * BodyRules rules = BodyRules.of(response.matchingRules().category(Category.BODY));
 * rules.ruleAt(BodyPath.root().field("items").index(0).field("price"));
 * // Optional[Applied[expression=$.items[*].price, rules=..., cascaded=false]]
 * rules.ruleAt(BodyPath.root().field("items").index(0).field("tags").index(3));
 * // Optional[Applied[expression=$.items, rules=..., cascaded=true]]  (a parent's rule applies below it)
 * }</pre>
 *
 * <p>Precedence (Pact specification section 2.3): every expression matching the node is weighted,
 * the root {@code $} and each exact key or index by 2 and each {@code *} or {@code [*]} by 1,
 * multiplied along the expression; the heaviest wins, a tie goes to the longer expression. A rule
 * of a parent applies to its children too (cascading) unless a child has a rule of its own; a
 * {@code values} rule applies to the map it names only.
 */
public final class BodyRules {

  /**
   * The rules that apply at a node.
   *
   * @param expression the expression they are keyed by in the pact, e.g. {@code $.items[*].price}
   * @param rules the rules and how they combine
   * @param cascaded whether the expression names an ancestor of the node (the rule is inherited)
   */
  public record Applied(String expression, RuleList rules, boolean cascaded) {}

  private final RuleIndex index;

  private BodyRules(RuleIndex index) {
    this.index = index;
  }

  /**
   * Rules keyed by path expression, as in {@code MatchingRules.category(Category.BODY)}.
   *
   * @throws IllegalArgumentException when an expression is not a valid path, naming it and the
   *     valid forms
   */
  public static BodyRules of(Map<String, RuleList> rules) {
    return new BodyRules(RuleIndex.of(rules));
  }

  /**
   * The rules that apply at {@code path}; empty when none does (the value is then compared by
   * equality).
   */
  public Optional<Applied> ruleAt(BodyPath path) {
    RuleCursor cursor = cursorAt(Objects.requireNonNull(path, "path"));
    return cursor.hasRules()
        ? Optional.of(new Applied(cursor.expression(), cursor.rules(), cursor.cascaded()))
        : Optional.empty();
  }

  private RuleCursor cursorAt(BodyPath path) {
    if (path.parent() == null) {
      return index.rootCursor();
    }
    RuleCursor parent = cursorAt(path.parent());
    return path.isIndex() ? parent.index(Integer.parseInt(path.last())) : parent.field(path.last());
  }

  /** Whether there are no rules at all. */
  public boolean isEmpty() {
    return index.isEmpty();
  }
}
