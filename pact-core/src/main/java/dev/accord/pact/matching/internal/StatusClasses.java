package dev.accord.pact.matching.internal;

import dev.accord.pact.model.MatchingRule;
import java.util.List;
import java.util.Locale;

/** The {@code statusCode} matcher: status classes and lists of codes. */
final class StatusClasses {
  private StatusClasses() {}

  static List<String> check(MatchingRule.StatusCode rule, int status) {
    if (rule.codes() != null) {
      return rule.codes().contains(status) ? List.of()
          : List.of("Expected status code " + status + " to be one of " + rule.codes());
    }
    String cls = rule.statusClass() == null ? "" : rule.statusClass();
    String normalised = cls.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    return switch (normalised) {
      case "info", "information", "informational" -> range(status, 100, 199, "an Informational response");
      case "success", "successful" -> range(status, 200, 299, "a Successful response");
      case "redirect", "redirection" -> range(status, 300, 399, "a Redirect");
      case "clienterror" -> range(status, 400, 499, "a Client Error response");
      case "servererror" -> range(status, 500, 599, "a Server Error response");
      case "nonerror" -> status < 400 ? List.of()
          : List.of("Expected status code " + status + " to be a non-error response (< 400)");
      case "error" -> status >= 400 ? List.of()
          : List.of("Expected status code " + status + " to be an error response (>= 400)");
      default -> List.of("Unknown status class '" + cls + "' in the statusCode matcher; use one of info,"
          + " success, redirect, clientError, serverError, nonError, error, or a list of status codes");
    };
  }

  private static List<String> range(int status, int from, int to, String name) {
    return status >= from && status <= to ? List.of()
        : List.of("Expected status code " + status + " to be " + name + " (" + from + "\u2013" + to + ")");
  }
}
