package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import dev.accord.pact.model.RuleLogic;
import dev.accord.pact.path.BodyPath;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Compares JSON trees (Pact specification section 2.6). Objects: a key-set check (strict for
 * requests, lenient for responses and messages) unless a {@code values}, {@code eachKey} or {@code
 * eachValue} rule is defined on the object itself, then each expected key is compared. Arrays:
 * without a rule, same length and element-wise; with a rule, list-level checks (sizes, {@code
 * arrayContains}, {@code eachValue}) and actual element <i>i</i> against expected element <i>i</i>,
 * padding with the first expected element. Leaves: the selected rule, or equality.
 */
public final class JsonBodyMatcher {
  private final boolean allowUnexpectedKeys;
  private final MismatchCollector out;

  private JsonBodyMatcher(boolean allowUnexpectedKeys, MismatchCollector out) {
    this.allowUnexpectedKeys = allowUnexpectedKeys;
    this.out = out;
  }

  /** Compares two JSON documents and adds every mismatch to {@code out}. */
  public static void match(
      JsonNode expected,
      JsonNode actual,
      RuleIndex rules,
      boolean allowUnexpectedKeys,
      MismatchCollector out) {
    new JsonBodyMatcher(allowUnexpectedKeys, out)
        .compare(expected, actual, BodyPath.root(), rules.rootCursor());
  }

  private void compare(JsonNode expected, JsonNode actual, BodyPath path, RuleCursor cursor) {
    if (expected != null && actual != null && expected.isArray() && actual.isArray()) {
      compareLists(expected, actual, path, cursor);
    } else if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
      compareMaps(expected, actual, path, cursor);
    } else {
      compareValues(expected, actual, path, cursor);
    }
  }

  private void compareValues(JsonNode expected, JsonNode actual, BodyPath path, RuleCursor cursor) {
    List<String> problems;
    String rule;
    if (cursor.hasRules()) {
      problems = ValueRules.apply(cursor.rules(), expected, actual, cursor.cascaded(), false);
      rule = RuleText.of(cursor.rules()) + (cursor.cascaded() ? " (from an enclosing path)" : "");
    } else {
      problems = ValueRules.structural(expected, actual);
      if (problems.isEmpty()) {
        problems = ValueRules.equality(expected, actual);
      }
      rule = Mismatch.NO_RULE;
    }
    report(path, expected, actual, problems, rule);
  }

  private void report(BodyPath path, JsonNode expected, JsonNode actual, List<String> problems) {
    report(path, expected, actual, problems, null);
  }

  private void report(
      BodyPath path, JsonNode expected, JsonNode actual, List<String> problems, String rule) {
    if (problems.isEmpty()) {
      return;
    }
    String p = path.toString();
    String e = expected == null ? null : shown(expected);
    String a = actual == null ? null : shown(actual);
    for (String problem : problems) {
      out.add(p, e, a, problem, rule);
    }
  }

  /** The expected and actual values kept in a mismatch: compact JSON, cut at 500 characters. */
  private static String shown(JsonNode node) {
    return Values.abbreviate(Values.json(node), 500);
  }

  // ---- objects

  private void compareMaps(JsonNode expected, JsonNode actual, BodyPath path, RuleCursor cursor) {
    RuleList rules = cursor.rules();
    boolean direct = rules != null && !cursor.cascaded();
    boolean keyRules =
        direct
            && rules.rules().stream()
                .anyMatch(
                    r ->
                        r instanceof MatchingRule.Values
                            || r instanceof MatchingRule.EachKey
                            || r instanceof MatchingRule.EachValue);
    if (rules != null) {
      report(path, expected, actual, containerRules(rules, expected, actual, cursor.cascaded()));
    }
    if (!keyRules) {
      checkKeys(expected, actual, path);
      compareCommonKeys(expected, actual, path, cursor);
      return;
    }
    boolean valuesCompared = false;
    for (MatchingRule rule : rules.rules()) {
      if (rule instanceof MatchingRule.Values) {
        JsonNode first = firstValue(expected);
        for (Map.Entry<String, JsonNode> e : actual.properties()) {
          JsonNode template = expected.has(e.getKey()) ? expected.get(e.getKey()) : first;
          if (template != null) {
            compare(template, e.getValue(), path.field(e.getKey()), cursor.field(e.getKey()));
          }
        }
        valuesCompared = true;
      } else if (rule instanceof MatchingRule.EachKey eachKey) {
        RuleList keyRuleList = new RuleList(eachKey.rules(), RuleLogic.AND);
        JsonNode example =
            eachKey.example() != null && eachKey.example().isString()
                ? eachKey.example()
                : Json.nodes().stringNode(expected.propertyNames().stream().findFirst().orElse(""));
        for (String key : actual.propertyNames()) {
          JsonNode keyNode = Json.nodes().stringNode(key);
          List<String> problems = ValueRules.apply(keyRuleList, example, keyNode, false, false);
          report(path.field(key), example, keyNode, problems);
        }
      } else if (rule instanceof MatchingRule.EachValue eachValue) {
        RuleCursor valueCursor = RuleCursor.of(new RuleList(eachValue.rules(), RuleLogic.AND));
        JsonNode first = firstValue(expected);
        for (Map.Entry<String, JsonNode> e : actual.properties()) {
          JsonNode template =
              expected.has(e.getKey())
                  ? expected.get(e.getKey())
                  : eachValue.example() != null
                          && !eachValue.example().isNull()
                          && !eachValue.example().isMissingNode()
                      ? eachValue.example()
                      : first != null ? first : e.getValue();
          compare(template, e.getValue(), path.field(e.getKey()), valueCursor);
        }
        valuesCompared = true;
      }
    }
    if (!valuesCompared) {
      compareCommonKeys(expected, actual, path, cursor);
    }
  }

  private void compareCommonKeys(
      JsonNode expected, JsonNode actual, BodyPath path, RuleCursor cursor) {
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      JsonNode actualValue = actual.get(e.getKey());
      if (actualValue != null) {
        compare(e.getValue(), actualValue, path.field(e.getKey()), cursor.field(e.getKey()));
      }
    }
  }

  private static JsonNode firstValue(JsonNode object) {
    Iterator<JsonNode> values = object.values().iterator();
    return values.hasNext() ? values.next() : null;
  }

  private void checkKeys(JsonNode expected, JsonNode actual, BodyPath path) {
    boolean allPresent = true;
    for (String key : expected.propertyNames()) {
      if (!actual.has(key)) {
        allPresent = false;
        break;
      }
    }
    if (allPresent && (allowUnexpectedKeys || expected.size() == actual.size())) {
      return; // the common case, decided without building key sets
    }
    TreeSet<String> expectedKeys = new TreeSet<>(expected.propertyNames());
    TreeSet<String> actualKeys = new TreeSet<>(actual.propertyNames());
    if (allowUnexpectedKeys) {
      // one mismatch per missing key, at the key's own path, with the value the pact expects there
      for (String key : expectedKeys) {
        if (!actualKeys.contains(key)) {
          out.add(
              path.field(key).toString(),
              shown(expected.get(key)),
              null,
              "Actual map is missing the following keys: " + key,
              "every expected key is present (more keys are allowed)");
        }
      }
    } else {
      out.add(
          path.toString(),
          shown(expected),
          shown(actual),
          "Expected a Map with keys ["
              + String.join(", ", expectedKeys)
              + "] but received one with keys ["
              + String.join(", ", actualKeys)
              + "]");
    }
  }

  /** Rules that judge a list or map as a whole; the others cascade to the elements. */
  private static List<String> containerRules(
      RuleList rules, JsonNode expected, JsonNode actual, boolean cascaded) {
    boolean any =
        rules.rules().stream()
            .anyMatch(
                r ->
                    r instanceof MatchingRule.Type
                        || r instanceof MatchingRule.NotEmpty
                        || r instanceof MatchingRule.Other);
    if (!any) {
      return List.of();
    }
    return ValueRules.combine(
        rules,
        rule -> {
          if (rule instanceof MatchingRule.Type
              || rule instanceof MatchingRule.NotEmpty
              || (rule instanceof MatchingRule.Other && !ValueRules.isIgnoreOrder(rule))) {
            return ValueRules.apply(rule, expected, actual, cascaded, false);
          }
          return List.of();
        });
  }

  // ---- arrays

  private void compareLists(JsonNode expected, JsonNode actual, BodyPath path, RuleCursor cursor) {
    if (!cursor.hasRules()) {
      compareListsStrictly(expected, actual, path, cursor);
      return;
    }
    RuleList rules = cursor.rules();
    boolean cascaded = cursor.cascaded();
    report(path, expected, actual, containerRules(rules, expected, actual, cascaded));
    boolean strict = false;
    boolean padded = false;
    for (MatchingRule rule : rules.rules()) {
      if (rule instanceof MatchingRule.ArrayContains contains && !cascaded) {
        arrayContains(contains, expected, actual, path);
      } else if (rule instanceof MatchingRule.EachValue eachValue && !cascaded) {
        RuleCursor valueCursor = RuleCursor.of(new RuleList(eachValue.rules(), RuleLogic.AND));
        JsonNode example =
            eachValue.example() != null
                    && !eachValue.example().isNull()
                    && !eachValue.example().isMissingNode()
                ? eachValue.example()
                : expected.isEmpty() ? null : expected.get(0);
        for (int i = 0; i < actual.size(); i++) {
          JsonNode template = i < expected.size() ? expected.get(i) : example;
          compare(
              template == null ? actual.get(i) : template,
              actual.get(i),
              path.index(i),
              valueCursor);
        }
      } else if (rule instanceof MatchingRule.Equality) {
        strict = true;
      } else if (ValueRules.isIgnoreOrder(rule)) {
        ignoreOrder((MatchingRule.Other) rule, expected, actual, path, cursor);
      } else {
        padded = true;
      }
    }
    if (strict) {
      compareListsStrictly(expected, actual, path, cursor);
    } else if (padded && !expected.isEmpty()) {
      for (int i = 0; i < actual.size(); i++) {
        JsonNode template = i < expected.size() ? expected.get(i) : expected.get(0);
        compare(template, actual.get(i), path.index(i), cursor.index(i));
      }
    }
  }

  /**
   * pact-jvm's {@code ignore-order}: every expected element pairs with a distinct actual element
   * that matches it (a bipartite matching, so the order of elements and of the search does not
   * matter); bounds from {@code min}/{@code max}, else the same size.
   */
  private void ignoreOrder(
      MatchingRule.Other rule,
      JsonNode expected,
      JsonNode actual,
      BodyPath path,
      RuleCursor cursor) {
    JsonNode min = rule.attributes().get("min");
    JsonNode max = rule.attributes().get("max");
    int size = actual.size();
    if (min != null && min.canConvertToInt() && size < min.asInt()) {
      out.add(
          path.toString(),
          shown(expected),
          shown(actual),
          "Expected "
              + Values.showList(actual)
              + " (size "
              + size
              + ") to have minimum size of "
              + min.asInt());
    }
    if (max != null && max.canConvertToInt() && size > max.asInt()) {
      out.add(
          path.toString(),
          shown(expected),
          shown(actual),
          "Expected "
              + Values.showList(actual)
              + " (size "
              + size
              + ") to have maximum size of "
              + max.asInt());
    }
    if (min == null && max == null && expected.size() != size) {
      out.add(
          path.toString(),
          shown(expected),
          shown(actual),
          "Expected a List with "
              + expected.size()
              + " elements but received "
              + size
              + " elements");
    }
    int n = expected.size();
    boolean[][] fits = new boolean[n][size];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) {
        MismatchCollector scratch = out.scratch();
        new JsonBodyMatcher(allowUnexpectedKeys, scratch)
            .compare(expected.get(i), actual.get(j), path.index(j), cursor.index(j));
        fits[i][j] = scratch.isEmpty();
      }
    }
    int[] owner = new int[size];
    java.util.Arrays.fill(owner, -1);
    int paired = 0;
    for (int i = 0; i < n; i++) {
      if (augment(i, fits, owner, new boolean[size])) {
        paired++;
      }
    }
    if (paired < n) {
      out.add(
          path.toString(),
          shown(expected),
          shown(actual),
          "Expected "
              + Values.showList(expected)
              + " to match "
              + Values.showList(actual)
              + " ignoring order of elements");
    }
  }

  private static boolean augment(int i, boolean[][] fits, int[] owner, boolean[] seen) {
    for (int j = 0; j < owner.length; j++) {
      if (fits[i][j] && !seen[j]) {
        seen[j] = true;
        if (owner[j] < 0 || augment(owner[j], fits, owner, seen)) {
          owner[j] = i;
          return true;
        }
      }
    }
    return false;
  }

  private void compareListsStrictly(
      JsonNode expected, JsonNode actual, BodyPath path, RuleCursor cursor) {
    if (expected.isEmpty() && !actual.isEmpty()) {
      out.add(
          path.toString(),
          "[]",
          shown(actual),
          "Expected an empty List but received " + shown(actual));
      return;
    }
    if (expected.size() != actual.size()) {
      out.add(
          path.toString(),
          shown(expected),
          shown(actual),
          "Expected a List with "
              + expected.size()
              + " elements but received "
              + actual.size()
              + " elements");
    }
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      compare(expected.get(i), actual.get(i), path.index(i), cursor.index(i));
    }
  }

  private void arrayContains(
      MatchingRule.ArrayContains rule, JsonNode expected, JsonNode actual, BodyPath path) {
    List<MatchingRule.ArrayContains.Variant> variants = rule.variants();
    for (int v = 0; v < variants.size(); v++) {
      MatchingRule.ArrayContains.Variant variant = variants.get(v);
      JsonNode example =
          variant.index() >= 0 && variant.index() < expected.size()
              ? expected.get(variant.index())
              : null;
      if (example == null) {
        out.add(
            path.toString(),
            shown(expected),
            shown(actual),
            "The arrayContains variant at index "
                + v
                + " refers to element "
                + variant.index()
                + " of the expected list, which has only "
                + expected.size()
                + " elements; fix the variant's index in the pact");
        continue;
      }
      RuleIndex variantRules;
      try {
        variantRules = RuleIndex.of(variant.rules());
      } catch (IllegalArgumentException e) {
        out.add(
            path.toString(),
            null,
            null,
            "arrayContains variant at index " + v + ": " + e.getMessage());
        continue;
      }
      boolean found = false;
      for (int i = 0; i < actual.size() && !found; i++) {
        MismatchCollector scratch = out.scratch();
        new JsonBodyMatcher(allowUnexpectedKeys, scratch)
            .compare(example, actual.get(i), path.index(i), variantRules.rootCursor());
        found = scratch.isEmpty();
      }
      if (!found) {
        out.add(
            path.toString(),
            shown(example),
            shown(actual),
            "Variant at index "
                + v
                + " ("
                + Values.json(example)
                + ") was not found in the actual list");
      }
    }
  }
}
