package dev.accord.pact.matching.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.model.MultiValues;
import dev.accord.pact.model.RuleList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Headers (Pact specification section 2.7): names case-insensitive, values case-sensitive,
 * comma-separated values split and compared in order (except headers whose single value contains
 * commas, such as {@code Date}), {@code Content-Type} and {@code Accept} compared as media types
 * where only the expected parameters must be present (parameter values ignoring case, as the
 * reference implementation does), a rule for a name applied to each actual value. Extra headers are
 * allowed.
 */
public final class HeaderMatcher {
  private HeaderMatcher() {}

  /** Headers whose value may legitimately contain commas, so they are never split. */
  static final Set<String> SINGLE_VALUE =
      Set.of(
          "date",
          "expires",
          "last-modified",
          "if-modified-since",
          "if-unmodified-since",
          "retry-after",
          "set-cookie",
          "user-agent",
          "cookie",
          "authorization",
          "www-authenticate",
          "proxy-authenticate",
          "content-disposition",
          "strict-transport-security",
          "link");

  public static void match(
      Map<String, List<String>> expected,
      Map<String, List<String>> actual,
      Map<String, RuleList> rules,
      MismatchCollector out) {
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      String name = e.getKey();
      Optional<List<String>> actualValues = MultiValues.getIgnoreCase(actual, name);
      if (actualValues.isEmpty()) {
        out.add(
            name,
            String.join(", ", e.getValue()),
            null,
            "Expected a header '" + name + "' but was missing");
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

  private static void matchWithRule(
      String name,
      List<String> expected,
      List<String> actual,
      RuleList rule,
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
          problems.addAll(
              ValueRules.apply(rule, example, Json.nodes().stringNode(part), false, true));
        }
      }
      for (String problem : problems) {
        out.add(name, example.asString(), value, problem);
      }
    }
  }

  private static void matchValues(
      String name, List<String> expected, List<String> actual, MismatchCollector out) {
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
      out.add(
          name,
          expectedText,
          actualText,
          "Expected header '"
              + name
              + "' to have value '"
              + expectedText
              + "' but was '"
              + actualText
              + "'");
    }
  }

  /**
   * As the reference implementation compares {@code Content-Type} and {@code Accept} values
   * (pact_matching {@code match_parameter_header}): the media type exactly as written
   * (case-sensitive, like every header value), then every expected parameter present under the same
   * name with a value equal ignoring case; extra actual parameters are fine. A multipart boundary
   * is not compared: each multipart body has its own.
   */
  static boolean mediaTypeMatches(String expected, String actual) {
    List<String> e = parameterised(expected);
    List<String> a = parameterised(actual);
    if (!e.get(0).equals(a.get(0))) {
      return false;
    }
    Map<String, String> actualParameters = parameters(a);
    boolean multipart = e.get(0).toLowerCase(Locale.ROOT).startsWith("multipart/");
    for (Map.Entry<String, String> p : parameters(e).entrySet()) {
      if (multipart && p.getKey().equalsIgnoreCase("boundary")) {
        continue;
      }
      String actualValue = actualParameters.get(p.getKey());
      if (actualValue == null || !actualValue.equalsIgnoreCase(p.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The media type then its parameters, trimmed, empty parts dropped (so {@code application/json;}
   * is fine).
   */
  private static List<String> parameterised(String value) {
    List<String> parts = new ArrayList<>();
    for (String part : value.split(";")) {
      if (!part.isBlank()) {
        parts.add(part.trim());
      }
    }
    if (parts.isEmpty()) {
      parts.add("");
    }
    return parts;
  }

  private static Map<String, String> parameters(List<String> parts) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String part : parts.subList(1, parts.size())) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        result.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return result;
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
