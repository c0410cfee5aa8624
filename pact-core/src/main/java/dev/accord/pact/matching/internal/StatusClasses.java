package dev.accord.pact.matching.internal;

import dev.accord.pact.matching.StatusClass;
import dev.accord.pact.model.MatchingRule;
import java.util.List;
import java.util.Optional;

/** The {@code statusCode} matcher: status classes ({@link StatusClass}) and lists of codes. */
final class StatusClasses {
  private StatusClasses() {}

  static List<String> check(MatchingRule.StatusCode rule, int status) {
    if (rule.codes() != null) {
      return rule.codes().contains(status)
          ? List.of()
          : List.of("Expected status code " + status + " to be one of " + rule.codes());
    }
    String cls = rule.statusClass() == null ? "" : rule.statusClass();
    Optional<StatusClass> named = StatusClass.named(cls);
    if (named.isEmpty()) {
      return List.of(
          "Unknown status class '"
              + cls
              + "' in the statusCode matcher; use one of info,"
              + " success, redirect, clientError, serverError, nonError, error, or a list of status codes");
    }
    return named.get().contains(status)
        ? List.of()
        : List.of("Expected status code " + status + " to be " + named.get().expectation());
  }
}
