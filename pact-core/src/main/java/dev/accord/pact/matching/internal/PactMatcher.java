package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.matching.MismatchType;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.Category;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.HttpResponse;
import dev.accord.pact.model.MatchingRules;
import dev.accord.pact.model.MessageContents;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.path.PathExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The engine behind {@link dev.accord.pact.matching.Matching}: compares each part of a request,
 * response or message and collects every mismatch (it never stops at the first).
 *
 * <h2>How a rule is selected for a path</h2>
 *
 * <p>Body rules are keyed by path expressions ({@code $.items[*].price}). Each expression is parsed
 * once ({@link PathExpression}, cached by text) and the rules of a body are compiled into a trie of
 * tokens ({@link RuleIndex}). The body traversal carries a {@link RuleCursor}: descending into a
 * key or an index follows the exact child (weight x2), the {@code [*]} child for indices (x1) and
 * the {@code *} child (x1) from every live trie node. The weight of a rule is the product of its
 * token weights, the root counting 2, so for {@code $.item1.level[1].id} the expression {@code
 * $.item1.level[1].id} (32) beats {@code $.item1.level[*].id} (16), which beats {@code $.item1}
 * (4). The heaviest rule seen on the way down wins; ties go to the longer expression text. A rule
 * found at an ancestor stays the winner for descendants unless a heavier one appears: that is
 * cascading, and an {@code equality} rule on a child resets it. Checks that only make sense where a
 * rule is defined (list sizes of {@code type} with {@code min}/{@code max}, {@code values}, {@code
 * eachKey}, {@code eachValue}, {@code arrayContains}) are skipped when the rule is cascaded; a
 * cascaded {@code type} with bounds degrades to a plain type check. Selecting the rule for a node
 * costs as many steps as there are live trie nodes, never a scan of all expressions.
 *
 * <p>Header, query and metadata rules are looked up by name (headers case-insensitively); path and
 * status rules are the single entry of their category. Numbers and booleans may be given in string
 * form in query, header, metadata and XML values, never in JSON bodies.
 */
public final class PactMatcher {
  private PactMatcher() {}

  public static List<Mismatch> matchRequest(HttpRequest expected, HttpRequest actual) {
    List<Mismatch> result = new ArrayList<>();
    MatchingRules rules = expected.matchingRules();
    if (!expected.method().equalsIgnoreCase(actual.method())) {
      result.add(
          new Mismatch(
              MismatchType.METHOD,
              "",
              expected.method(),
              actual.method(),
              "Expected method '"
                  + expected.method()
                  + "' but received '"
                  + actual.method()
                  + "'"));
    }
    matchPath(expected.path(), actual.path(), rules.category(Category.PATH), result);
    MultiValueMatcher.match(
        expected.query(),
        actual.query(),
        name -> KeyedRules.find(rules.category(Category.QUERY), name, false),
        name -> name,
        true,
        MultiValueMatcher.Wording.QUERY,
        new MismatchCollector(MismatchType.QUERY, result));
    HeaderMatcher.match(
        expected.headers(),
        actual.headers(),
        rules.category(Category.HEADER),
        new MismatchCollector(MismatchType.HEADER, result));
    matchBody(
        expected.body(),
        expected.contentType(),
        actual.body(),
        actual.contentType(),
        rules,
        true,
        result);
    return result;
  }

  public static List<Mismatch> matchResponse(HttpResponse expected, HttpResponse actual) {
    List<Mismatch> result = new ArrayList<>();
    MatchingRules rules = expected.matchingRules();
    RuleList statusRules = single(rules.category(Category.STATUS));
    if (statusRules != null) {
      JsonNode e = Json.nodes().numberNode(expected.status());
      JsonNode a = Json.nodes().numberNode(actual.status());
      for (String problem : ValueRules.apply(statusRules, e, a, false, false)) {
        result.add(
            new Mismatch(
                MismatchType.STATUS,
                "",
                String.valueOf(expected.status()),
                String.valueOf(actual.status()),
                problem));
      }
    } else if (expected.status() != actual.status()) {
      result.add(
          new Mismatch(
              MismatchType.STATUS,
              "",
              String.valueOf(expected.status()),
              String.valueOf(actual.status()),
              "Expected status " + expected.status() + " but received " + actual.status()));
    }
    HeaderMatcher.match(
        expected.headers(),
        actual.headers(),
        rules.category(Category.HEADER),
        new MismatchCollector(MismatchType.HEADER, result));
    matchBody(
        expected.body(),
        expected.contentType(),
        actual.body(),
        actual.contentType(),
        rules,
        false,
        result);
    return result;
  }

  public static List<Mismatch> matchMessage(MessageContents expected, MessageContents actual) {
    List<Mismatch> result = new ArrayList<>();
    MatchingRules rules = expected.matchingRules();
    matchBody(
        expected.contents(),
        expected.contentType(),
        actual.contents(),
        actual.contentType(),
        rules,
        false,
        result);
    MetadataMatcher.match(
        expected.metadata(),
        withContentType(actual),
        rules.category(Category.METADATA),
        new MismatchCollector(MismatchType.METADATA, result));
    return result;
  }

  /**
   * A message's content type is metadata too (V3 message pacts keep it as {@code
   * metadata.contentType}): when the producer gave it only as the contents' type (an HTTP message
   * endpoint's {@code Content-Type}), the expected {@code contentType} entry is compared with that,
   * as the reference implementation does.
   */
  private static Map<String, JsonNode> withContentType(MessageContents actual) {
    boolean present =
        actual.metadata().keySet().stream()
            .anyMatch(k -> k.equalsIgnoreCase("contentType") || k.equalsIgnoreCase("content-type"));
    Optional<ContentType> type = actual.contents().contentType();
    if (present || type.isEmpty()) {
      return actual.metadata();
    }
    Map<String, JsonNode> metadata = new java.util.LinkedHashMap<>(actual.metadata());
    metadata.put("contentType", Json.nodes().stringNode(type.get().raw()));
    return metadata;
  }

  private static void matchPath(
      String expected, String actual, Map<String, RuleList> rules, List<Mismatch> result) {
    RuleList pathRules = single(rules);
    if (pathRules != null) {
      for (String problem :
          ValueRules.apply(
              pathRules,
              Json.nodes().stringNode(expected),
              Json.nodes().stringNode(actual),
              false,
              false)) {
        result.add(new Mismatch(MismatchType.PATH, "", expected, actual, problem));
      }
    } else if (!expected.equals(actual)) {
      result.add(
          new Mismatch(
              MismatchType.PATH,
              "",
              expected,
              actual,
              "Expected path '" + expected + "' but received '" + actual + "'"));
    }
  }

  private static RuleList single(Map<String, RuleList> category) {
    if (category.isEmpty()) {
      return null;
    }
    RuleList rules = category.get("");
    if (rules == null) {
      rules = category.values().iterator().next();
    }
    return rules.isEmpty() ? null : rules;
  }

  private static void matchBody(
      Body expected,
      Optional<ContentType> expectedType,
      Body actual,
      Optional<ContentType> actualType,
      MatchingRules rules,
      boolean strict,
      List<Mismatch> result) {
    if (expected.isMissing()) {
      return;
    }
    RuleIndex index;
    try {
      index = RuleIndex.of(rules.category(Category.BODY));
    } catch (IllegalArgumentException e) {
      result.add(
          new Mismatch(
              MismatchType.BODY,
              "$",
              null,
              null,
              "The pact's body matching rules are invalid: " + e.getMessage()));
      return;
    }
    BodyMatcher.match(
        expected,
        expectedType,
        actual,
        actualType,
        index,
        strict,
        new MismatchCollector(MismatchType.BODY, result),
        new MismatchCollector(MismatchType.BODY_CONTENT_TYPE, result));
  }
}
