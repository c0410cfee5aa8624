package dev.accord.pact.model;

import java.util.List;

/** The matchers that apply at one place, and how they combine ({@code AND} by default). */
public record RuleList(List<MatchingRule> rules, RuleLogic combine) {
  public RuleList {
    rules = rules == null ? List.of() : List.copyOf(rules);
    combine = combine == null ? RuleLogic.AND : combine;
  }

  public static RuleList of(MatchingRule... rules) {
    return new RuleList(List.of(rules), RuleLogic.AND);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }
}
