package dev.accord.compat.shared;

import dev.accord.pact.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Values of the suite's table cells: headers, query strings, JSON fragments. */
public final class Cells {
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private Cells() {}

  /**
   * {@code 'X-A: 1234', 'Accept: a, b'}: each quoted entry is a header; values split on commas;
   * names repeat.
   */
  public static Map<String, List<String>> headers(String cell) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Matcher m = QUOTED.matcher(cell);
    boolean any = false;
    while (m.find()) {
      any = true;
      addHeader(headers, m.group(1));
    }
    if (!any && !cell.isBlank()) {
      addHeader(headers, cell);
    }
    return headers;
  }

  private static void addHeader(Map<String, List<String>> headers, String entry) {
    int colon = entry.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "A header cell entry must be 'Name: value' but was '" + entry + "'");
    }
    String name = entry.substring(0, colon).trim();
    headers
        .computeIfAbsent(name, k -> new ArrayList<>())
        .addAll(headerValues(entry.substring(colon + 1)));
  }

  /**
   * A header value split on commas, each part trimmed: {@code "a, b;q=0.9"} is {@code [a,
   * b;q=0.9]}.
   */
  public static List<String> headerValues(String value) {
    List<String> values = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        values.add(part.trim());
      }
    }
    return values;
  }

  /** {@code a=1&b=2&a=3}, URL-decoded, values per name in order. */
  public static Map<String, List<String>> query(String cell) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String part : cell.trim().split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /** {@code JSON: {...}} inline, else the name of a JSON fixture. */
  public static JsonNode json(String cell) {
    String value = cell.trim();
    if (value.startsWith("JSON:")) {
      return Json.parse(value.substring(5).trim());
    }
    return Json.parse(new String(CompatibilitySuite.fixtureBytes(value), StandardCharsets.UTF_8));
  }

  /** Where a JSON cell came from, for error messages. */
  public static String source(String cell) {
    String value = cell.trim();
    return value.startsWith("JSON:") ? "inline JSON in the feature table" : "fixture " + value;
  }
}
