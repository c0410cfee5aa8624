package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.RuleList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Message metadata: every expected key must be present (by name, then case-insensitively) and
 * match, by its rule in the metadata category or by equality; extra keys are allowed. A {@code
 * contentType} entry is compared as a media type. Values may be compared in string form (Kafka
 * headers and the like are text).
 */
public final class MetadataMatcher {
  private MetadataMatcher() {}

  public static void match(
      Map<String, JsonNode> expected,
      Map<String, JsonNode> actual,
      Map<String, RuleList> rules,
      MismatchCollector out) {
    for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
      String key = e.getKey();
      JsonNode actualValue = actual.get(key);
      if (actualValue == null) {
        for (Map.Entry<String, JsonNode> a : actual.entrySet()) {
          if (a.getKey().equalsIgnoreCase(key)) {
            actualValue = a.getValue();
            break;
          }
        }
      }
      if (actualValue == null) {
        out.add(
            key,
            Values.json(e.getValue()),
            null,
            "Expected metadata key '" + key + "' but was missing");
        continue;
      }
      RuleList rule = KeyedRules.find(rules, key, true);
      List<String> problems;
      if (rule != null) {
        JsonNode value =
            actualValue.isValueNode() && !actualValue.isString() && !actualValue.isNull()
                ? Json.nodes().stringNode(actualValue.asString())
                : actualValue;
        problems = ValueRules.apply(rule, e.getValue(), value, false, true);
        if (!problems.isEmpty() && value != actualValue) {
          List<String> typed = ValueRules.apply(rule, e.getValue(), actualValue, false, true);
          if (typed.isEmpty()) {
            problems = typed;
          }
        }
      } else if (equal(key, e.getValue(), actualValue)) {
        problems = List.of();
      } else {
        problems =
            List.of(
                "Expected metadata key '"
                    + key
                    + "' to have value "
                    + Values.show(e.getValue())
                    + " but was "
                    + Values.show(actualValue));
      }
      JsonNode shown = actualValue;
      problems.forEach(p -> out.add(key, Values.json(e.getValue()), Values.json(shown), p));
    }
  }

  private static boolean equal(String key, JsonNode expected, JsonNode actual) {
    if (ValueRules.jsonEquals(expected, actual)) {
      return true;
    }
    if (expected.isValueNode() && actual.isValueNode() && !expected.isNull() && !actual.isNull()) {
      String e = expected.asString();
      String a = actual.asString();
      if (key.equalsIgnoreCase("contentType") || key.equalsIgnoreCase("content-type")) {
        return HeaderMatcher.mediaTypeMatches(e, a);
      }
      return e.equals(a);
    }
    return false;
  }
}
