package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.matching.MismatchType;
import dev.accord.pact.model.MatchingRule;
import dev.accord.pact.model.RuleList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One rule against one value, through the same body matcher that matches requests, responses and
 * messages: the rule sits at {@code $} and the value is the whole body, so a rule on a container
 * (sizes, {@code eachKey}, {@code eachValue}, {@code arrayContains}) is judged as it is in a pact.
 */
public final class ExampleCheck {
  private ExampleCheck() {}

  /**
   * Every mismatch of {@code actual} against {@code expected} under {@code rule}; lenient about
   * extra keys.
   */
  public static List<Mismatch> match(MatchingRule rule, JsonNode expected, JsonNode actual) {
    MismatchCollector out = new MismatchCollector(MismatchType.BODY);
    JsonBodyMatcher.match(
        orNull(expected), orNull(actual), RuleIndex.of(Map.of("$", RuleList.of(rule))), true, out);
    return List.copyOf(out.mismatches());
  }

  /** What is wrong with the rule itself, then with the example under the rule. */
  public static List<Mismatch> check(MatchingRule rule, JsonNode example) {
    List<Mismatch> found = new ArrayList<>();
    JsonNode value = orNull(example);
    String container = null;
    boolean fits = true;
    if (rule instanceof MatchingRule.EachKey) {
      container = "a map";
      fits = value.isObject();
    } else if (rule instanceof MatchingRule.EachValue) {
      container = "a map or a list";
      fits = value.isContainer();
    } else if (rule instanceof MatchingRule.ArrayContains) {
      container = "a list";
      fits = value.isArray();
    }
    if (!fits) {
      found.add(
          new Mismatch(
              MismatchType.BODY,
              "$",
              null,
              Values.show(value),
              "The "
                  + rule.name()
                  + " matcher applies to "
                  + container
                  + ", but the example is "
                  + Values.showTyped(value)));
    }
    for (String problem : definitionProblems(rule)) {
      found.add(new Mismatch(MismatchType.BODY, "$", null, null, problem));
    }
    return found.isEmpty() ? match(rule, example, example) : found;
  }

  /** Problems of a rule whatever the value: sizes that no list can have. */
  static List<String> definitionProblems(MatchingRule rule) {
    List<String> problems = new ArrayList<>();
    if (rule instanceof MatchingRule.Type t) {
      if (t.min() != null && t.min() < 0) {
        problems.add(
            "The minimum size " + t.min() + " of the type matcher is negative; use 0 or more");
      }
      if (t.max() != null && t.max() < 0) {
        problems.add(
            "The maximum size " + t.max() + " of the type matcher is negative; use 0 or more");
      }
      if (t.min() != null && t.max() != null && t.max() >= 0 && t.max() < t.min()) {
        problems.add(
            "The maximum size "
                + t.max()
                + " of the type matcher is below its minimum size "
                + t.min()
                + "; give min <= max");
      }
    }
    return problems;
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null || node.isMissingNode() ? Json.nodes().nullNode() : node;
  }
}
