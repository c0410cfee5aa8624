package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.RuleList;
import java.util.List;
import java.util.Map;

/**
 * Query parameters and form-urlencoded bodies: names in any order, a missing name fails, an
 * unexpected name fails when strict, repeated values compare by position; with a rule, every actual
 * value is matched by it (numbers may be given in string form).
 */
public final class MultiValueMatcher {

  /** The wording of one kind of multi-valued map. */
  public record Wording(String noun, boolean quotedValuesInMessage) {
    public static final Wording QUERY = new Wording("query parameter", true);
    public static final Wording FORM = new Wording("form post parameter", true);
  }

  private MultiValueMatcher() {}

  /**
   * @param ruleFor finds the rules of a name (null when none)
   * @param pathFor the mismatch path of a name
   */
  public static void match(
      Map<String, List<String>> expected,
      Map<String, List<String>> actual,
      java.util.function.Function<String, RuleList> ruleFor,
      java.util.function.Function<String, String> pathFor,
      boolean strict,
      Wording wording,
      MismatchCollector out) {
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      String name = e.getKey();
      List<String> expectedValues = e.getValue();
      List<String> actualValues = actual.get(name);
      String path = pathFor.apply(name);
      if (actualValues == null) {
        out.add(
            path,
            String.join(", ", expectedValues),
            null,
            "Expected " + wording.noun() + " '" + name + "' but was missing");
        continue;
      }
      RuleList rules = ruleFor.apply(name);
      if (rules != null) {
        var example =
            Json.nodes().stringNode(expectedValues.isEmpty() ? "" : expectedValues.get(0));
        for (String value : actualValues) {
          var actualNode = Json.nodes().stringNode(value);
          for (String problem : ValueRules.apply(rules, example, actualNode, false, true)) {
            out.add(path, example.asString(), value, problem);
          }
        }
        continue;
      }
      if (expectedValues.size() != actualValues.size()) {
        out.add(
            path,
            String.join(", ", expectedValues),
            String.join(", ", actualValues),
            "Expected "
                + wording.noun()
                + " '"
                + name
                + "' with "
                + expectedValues.size()
                + " value(s) "
                + expectedValues
                + " but received "
                + actualValues.size()
                + " value(s) "
                + actualValues);
      }
      int n = Math.min(expectedValues.size(), actualValues.size());
      for (int i = 0; i < n; i++) {
        if (!expectedValues.get(i).equals(actualValues.get(i))) {
          out.add(
              path,
              expectedValues.get(i),
              actualValues.get(i),
              "Expected "
                  + wording.noun()
                  + " '"
                  + name
                  + "' with value '"
                  + expectedValues.get(i)
                  + "' but was '"
                  + actualValues.get(i)
                  + "'");
        }
      }
    }
    if (strict) {
      for (Map.Entry<String, List<String>> a : actual.entrySet()) {
        if (!expected.containsKey(a.getKey())) {
          out.add(
              pathFor.apply(a.getKey()),
              null,
              String.join(", ", a.getValue()),
              "Unexpected " + wording.noun() + " '" + a.getKey() + "' received");
        }
      }
    }
  }
}
