package dev.accord.pact.matching;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.RuleList;
import java.util.List;
import java.util.stream.Collectors;

/** Small builders so each test reads as GIVEN / WHEN / THEN. */
final class MatchingFixtures {
  private MatchingFixtures() {}

  static HttpRequest jsonRequest(String json) {
    return HttpRequest.of("POST", "/path").withBody(Body.json(Json.parse(json)));
  }

  static HttpResponse jsonResponse(String json) {
    return HttpResponse.of(200).withBody(Body.json(Json.parse(json)));
  }

  static MatchingRules bodyRule(String path, MatchingRule... rules) {
    return MatchingRules.builder().add(Category.BODY, path, rules).build();
  }

  static MatchingRules rules(Category category, String key, MatchingRule... rules) {
    return MatchingRules.builder().add(category, key, RuleList.of(rules)).build();
  }

  /** Matches a request body with rules (strict). */
  static List<Mismatch> requestBody(String expected, MatchingRules rules, String actual) {
    return Matching.matchRequest(
        jsonRequest(expected).withMatchingRules(rules), jsonRequest(actual));
  }

  /** Matches a response body with rules (lenient). */
  static List<Mismatch> responseBody(String expected, MatchingRules rules, String actual) {
    return Matching.matchResponse(
        jsonResponse(expected).withMatchingRules(rules), jsonResponse(actual));
  }

  /** {@code "$.one -> Expected ..."} lines, easy to assert on. */
  static List<String> described(List<Mismatch> mismatches) {
    return mismatches.stream()
        .map(m -> m.path() + " -> " + m.description())
        .collect(Collectors.toList());
  }
}
