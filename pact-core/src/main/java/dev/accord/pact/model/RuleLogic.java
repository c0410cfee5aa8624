package dev.accord.pact.model;

/** How the matchers of one {@link RuleList} combine. */
public enum RuleLogic {
  AND,
  OR
}
