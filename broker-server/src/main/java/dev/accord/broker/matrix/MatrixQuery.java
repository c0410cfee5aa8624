package dev.accord.broker.matrix;

import dev.accord.broker.web.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A matrix query in the Rack nested-query form the Pact clients send: {@code
 * q[][pacticipant]=Foo&q[][version]=1&latestby=cvpv&environment=prod}. A new selector starts
 * whenever a key repeats within the current one.
 */
record MatrixQuery(
    List<Selector> selectors,
    List<Selector> ignores,
    String latestBy,
    Destination destination,
    int limit,
    Set<Boolean> success) {

  /**
   * Whether a row is shown under the {@code success[]} filter: no filter shows all; a filter shows
   * only verified rows with that outcome.
   */
  boolean shows(Boolean rowSuccess) {
    return success.isEmpty() || rowSuccess != null && success.contains(rowSuccess);
  }

  /** A pacticipant plus how to pick its versions. */
  record Selector(
      String pacticipant,
      String version,
      boolean latest,
      String tag,
      String branch,
      boolean mainBranch,
      String environment) {
    String describe() {
      if (version != null) {
        return "version " + version + " of " + pacticipant;
      }
      StringBuilder sb =
          new StringBuilder(latest ? "the latest version of " : "the versions of ")
              .append(pacticipant);
      if (tag != null) {
        sb.append(" with tag ").append(tag);
      }
      if (branch != null) {
        sb.append(" from branch ").append(branch);
      }
      if (mainBranch) {
        sb.append(" from its main branch");
      }
      if (environment != null) {
        sb.append(" currently in ").append(environment);
      }
      return sb.toString();
    }
  }

  /** Where the specified versions are going: the other side's versions are inferred from it. */
  record Destination(String environment, String tag, boolean mainBranch, boolean latest) {
    boolean any() {
      return environment != null || tag != null || mainBranch || latest;
    }

    String describe() {
      if (environment != null) {
        return "environment " + environment;
      }
      if (tag != null) {
        return "the latest versions tagged " + tag;
      }
      if (mainBranch) {
        return "the latest version of each main branch";
      }
      return latest ? "the latest version of each" : "(no destination)";
    }
  }

  private static final Pattern KEY = Pattern.compile("^(q|ignore)\\[\\d*\\]\\[?([A-Za-z_]+)\\]?$");

  static MatrixQuery parse(String rawQuery) {
    List<Map<String, String>> q = new ArrayList<>();
    List<Map<String, String>> ignore = new ArrayList<>();
    Map<String, String> top = new LinkedHashMap<>();
    Set<Boolean> success = new LinkedHashSet<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        Matcher m = KEY.matcher(key);
        if (key.equals("success[]") || key.equals("success")) {
          if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.badRequest("success[] must be true or false, got '" + value + "'");
          }
          success.add(Boolean.valueOf(value));
        } else if (m.matches()) {
          List<Map<String, String>> list = m.group(1).equals("q") ? q : ignore;
          String field = m.group(2);
          if (list.isEmpty() || list.get(list.size() - 1).containsKey(field)) {
            list.add(new LinkedHashMap<>());
          }
          list.get(list.size() - 1).put(field, value);
        } else {
          top.put(key, value);
        }
      }
    }
    List<Selector> selectors = q.stream().map(MatrixQuery::selector).toList();
    List<Selector> ignores = ignore.stream().map(MatrixQuery::selector).toList();
    if (selectors.isEmpty()) {
      throw ApiException.badRequest(
          "Please provide 1 or more version selectors, e.g. ?q[][pacticipant]=Foo&q[][version]=<git sha>");
    }
    for (Selector s : selectors) {
      if (s.pacticipant() == null || s.pacticipant().isBlank()) {
        throw ApiException.badRequest(
            "Please specify the pacticipant name for every selector (q[][pacticipant]=...)");
      }
      if (s.version() != null && s.latest()) {
        throw ApiException.badRequest(
            "A version number and latest flag cannot both be specified for " + s.pacticipant());
      }
    }
    Destination destination =
        new Destination(
            blankToNull(top.get("environment")),
            blankToNull(top.get("tag")),
            "true".equals(top.get("mainBranch")),
            "true".equals(top.get("latest")));
    int destinations =
        (destination.environment() != null ? 1 : 0)
            + (destination.tag() != null ? 1 : 0)
            + (destination.mainBranch() ? 1 : 0);
    if (destinations > 1) {
      throw ApiException.badRequest("Specify only one of tag, environment and mainBranch");
    }
    int limit = 100;
    if (top.containsKey("limit")) {
      try {
        limit = Integer.parseInt(top.get("limit"));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("limit must be a number, got '" + top.get("limit") + "'");
      }
      if (limit < 1) {
        throw ApiException.badRequest("limit must be 1 or more");
      }
    }
    String latestBy = blankToNull(top.get("latestby"));
    if (latestBy != null && !List.of("cvpv", "cvp", "cp").contains(latestBy)) {
      throw ApiException.badRequest("latestby must be cvpv, cvp or cp, got '" + latestBy + "'");
    }
    return new MatrixQuery(selectors, ignores, latestBy, destination, limit, Set.copyOf(success));
  }

  private static Selector selector(Map<String, String> m) {
    return new Selector(
        blankToNull(m.get("pacticipant")),
        blankToNull(m.get("version")),
        "true".equals(m.get("latest")),
        blankToNull(m.get("tag")),
        blankToNull(m.get("branch")),
        "true".equals(m.get("mainBranch")),
        blankToNull(m.get("environment")));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Malformed percent-encoding in the query string: '" + s + "'");
    }
  }
}
