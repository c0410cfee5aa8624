package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.ContentType;
import dev.accord.pact.model.MultiValues;
import dev.accord.pact.model.RuleList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Headers (Pact specification section 2.7): names case-insensitive, values case-sensitive, comma-separated
 * values split and compared in order (except headers whose single value contains commas, such as
 * {@code Date}), {@code Content-Type} and {@code Accept} compared as media types where only the expected
 * parameters must be present, a rule for a name applied to each actual value. Extra headers are allowed.
 */
public final class HeaderMatcher {
  private HeaderMatcher() {}

  /** Headers whose value may legitimately contain commas, so they are never split. */
  static final Set<String> SINGLE_VALUE = Set.of("date", "expires", "last-modified", "if-modified-since",
      "if-unmodified-since", "retry-after", "set-cookie", "user-agent", "cookie", "authorization",
      "www-authenticate", "proxy-authenticate", "content-disposition", "strict-transport-security", "link");

  public static void match(Map<String, List<String>> expected, Map<String, List<String>> actual,
      Map<String, RuleList> rules, MismatchCollector out) {
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      String name = e.getKey();
      Optional<List<String>> actualValues = MultiValues.getIgnoreCase(actual, name);
      if (actualValues.isEmpty()) {
        out.add(name, String.join(", ", e.getValue()), null, "Expected a header '" + name + "' but was missing");
        continue;
      }
      RuleList rule = KeyedRules.find(rules, name, true);
      if (rule != null) {
        matchWithRule(name, e.getValue(), actualValues.get(), rule, out);
      } else {
        matchValues(name, e.getValue(), actualValues.get(), out);
      }
    }
  }

  private static void matchWithRule(String name, List<String> expected, List<String> actual, RuleList rule,
      MismatchCollector out) {
    var example = Json.nodes().stringNode(expected.isEmpty() ? "" : String.join(", ", expected));
    for (String value : actual) {
      var whole = Json.nodes().stringNode(value.trim());
      List<String> problems = ValueRules.apply(rule, example, whole, false, true);
      if (problems.isEmpty()) {
        continue;
      }
      List<String> parts = split(name, List.of(value));
      if (parts.size() > 1) {
        problems = new ArrayList<>();
        for (String part : parts) {
          problems.addAll(ValueRules.apply(rule, example, Json.nodes().stringNode(part), false, true));
        }
      }
      for (String problem : problems) {
        out.add(name, example.asString(), value, problem);
      }
    }
  }

  private static void matchValues(String name, List<String> expected, List<String> actual, MismatchCollector out) {
    String lower = name.toLowerCase(Locale.ROOT);
    String expectedText = String.join(", ", expected);
    String actualText = String.join(", ", actual);
    boolean ok;
    if (lower.equals("content-type")) {
      ok = mediaTypeMatches(expectedText, actualText);
    } else if (lower.equals("accept")) {
      List<String> e = splitOnCommas(expected);
      List<String> a = splitOnCommas(actual);
      ok = e.size() == a.size();
      for (int i = 0; ok && i < e.size(); i++) {
        ok = mediaTypeMatches(e.get(i), a.get(i));
      }
    } else if (lower.equals("cookie")) {
      List<String> missing = new ArrayList<>(cookies(expected));
      missing.removeAll(cookies(actual));
      ok = missing.isEmpty();
    } else {
      ok = split(name, expected).equals(split(name, actual));
    }
    if (!ok) {
      out.add(name, expectedText, actualText, "Expected header '" + name + "' to have value '" + expectedText
          + "' but was '" + actualText + "'");
    }
  }

  /**
   * Media type equal ignoring case; every expected parameter present with a case-insensitively equal value
   * (a multipart boundary excepted).
   */
  static boolean mediaTypeMatches(String expected, String actual) {
    ContentType e = ContentType.parse(expected);
    ContentType a = ContentType.parse(actual);
    if (!e.mediaType().equals(a.mediaType())) {
      return false;
    }
    for (Map.Entry<String, String> p : e.parameters().entrySet()) {
      if (p.getKey().equals("boundary") && e.isMultipart()) {
        continue; // each multipart body has its own boundary
      }
      String actualValue = a.parameters().get(p.getKey());
      if (actualValue == null || !actualValue.equalsIgnoreCase(p.getValue())) {
        return false;
      }
    }
    return true;
  }

  static List<String> split(String name, List<String> values) {
    if (SINGLE_VALUE.contains(name.toLowerCase(Locale.ROOT))) {
      // never split, but a repeated header and its comma-joined form compare equal
      List<String> trimmed = new ArrayList<>();
      values.forEach(v -> trimmed.add(v.trim()));
      return List.of(String.join(", ", trimmed));
    }
    return splitOnCommas(values);
  }

  private static List<String> splitOnCommas(List<String> values) {
    List<String> result = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(",")) {
        String t = part.trim();
        if (!t.isEmpty()) {
          result.add(t);
        }
      }
    }
    return result;
  }

  private static List<String> cookies(List<String> values) {
    List<String> result = new ArrayList<>();
    for (String v : values) {
      for (String part : v.split(";")) {
        String t = part.trim();
        if (!t.isEmpty()) {
          result.add(t);
        }
      }
    }
    return result;
  }
}
