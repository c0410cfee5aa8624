package dev.accord.pact.matching.internal;

import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import java.util.stream.Collectors;

/**
 * A rule list as a mismatch names it: {@code type}, {@code regex '\\d+'}, {@code integer or null}.
 */
public final class RuleText {
  private RuleText() {}

  public static String of(RuleList rules) {
    String joiner = rules.combine() == RuleLogic.OR ? " or " : " and ";
    return rules.rules().stream().map(RuleText::of).collect(Collectors.joining(joiner));
  }

  public static String of(MatchingRule rule) {
    if (rule instanceof MatchingRule.Regex r) {
      return "regex '" + r.regex() + "'";
    }
    if (rule instanceof MatchingRule.Type t && (t.min() != null || t.max() != null)) {
      return "type ("
          + (t.min() == null ? "" : "min " + t.min())
          + (t.min() != null && t.max() != null ? ", " : "")
          + (t.max() == null ? "" : "max " + t.max())
          + ")";
    }
    if (rule instanceof MatchingRule.Include i) {
      return "include '" + i.value() + "'";
    }
    if (rule instanceof MatchingRule.Date d && d.format() != null) {
      return "date '" + d.format() + "'";
    }
    if (rule instanceof MatchingRule.Time t && t.format() != null) {
      return "time '" + t.format() + "'";
    }
    if (rule instanceof MatchingRule.Timestamp t && t.format() != null) {
      return "datetime '" + t.format() + "'";
    }
    return rule.name();
  }
}
