package dev.accord.consumer.internal;

import dev.accord.pact.json.Json;
import dev.accord.pact.matching.Mismatch;
import dev.accord.pact.model.Body;
import dev.accord.pact.model.HttpRequest;
import dev.accord.pact.model.Interaction;
import dev.accord.pact.model.ProviderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The text of every consumer-side failure: one factory per failure kind. Not public API. */
public final class Reports {
  private Reports() {}

  private static final int COLUMN = 44;

  /** {@code 'description' (given 'state' {"id":"1"} and 'other')}. */
  public static String label(Interaction interaction) {
    return label(interaction.description(), interaction.providerStates());
  }

  public static String label(String description, List<ProviderState> states) {
    StringBuilder sb = new StringBuilder("'").append(description).append("'");
    if (!states.isEmpty()) {
      sb.append(" (given ")
          .append(
              states.stream()
                  .map(
                      s ->
                          "'"
                              + s.name()
                              + "'"
                              + (s.params().isEmpty()
                                  ? ""
                                  : " " + Json.write(Json.toTree(s.params()))))
                  .collect(Collectors.joining(" and ")))
          .append(")");
    }
    return sb.toString();
  }

  /** The block about one request that matched no interaction. */
  public static String unexpectedRequest(HttpRequest actual, MockHttpServer.Closest closest) {
    StringBuilder sb = new StringBuilder();
    sb.append("Unexpected request: ").append(requestLine(actual)).append('\n');
    if (closest == null) {
      sb.append("  no interaction is declared on this mock provider.\n");
      sb.append(
          "  fix: declare the interaction before the consumer calls the mock, "
              + "or stop the consumer from sending this request\n");
      return sb.toString();
    }
    sb.append("  closest interaction: ").append(closest.expectation().label()).append('\n');
    sb.append("  mismatches:\n");
    for (Mismatch m : closest.mismatches()) {
      sb.append("    - ").append(m).append('\n');
    }
    sb.append(sideBySide(closest.expectation().request(), actual));
    sb.append(
        "  fix: change the consumer so it sends what the interaction declares, or change the interaction\n");
    return sb.toString();
  }

  /** A request the mock provider could not even read, and why. */
  public static String unreadableRequest(HttpRequest actual, String why) {
    return "Unexpected request: "
        + requestLine(actual)
        + "\n"
        + "  the mock provider cannot read this request: "
        + why
        + ".\n"
        + "  fix: percent-encode the URL in the consumer (a '%' that does not start an escape is written %25)\n";
  }

  /** The assertion a test fails with when its contract was not exercised exactly. */
  public static String verificationFailure(
      String provider,
      List<String> unexpectedBlocks,
      List<String> notReceived,
      List<String> notDelivered) {
    List<String> counts = new ArrayList<>();
    if (!unexpectedBlocks.isEmpty()) {
      counts.add(plural(unexpectedBlocks.size(), "unexpected request"));
    }
    if (!notReceived.isEmpty()) {
      counts.add(plural(notReceived.size(), "declared interaction") + " never received");
    }
    if (!notDelivered.isEmpty()) {
      counts.add(plural(notDelivered.size(), "declared message") + " never handed to the consumer");
    }
    StringBuilder sb =
        new StringBuilder("The contract with '")
            .append(provider)
            .append("' was not exercised as declared: ")
            .append(String.join(", ", counts))
            .append(".\n");
    for (String block : unexpectedBlocks) {
      sb.append('\n').append(block);
    }
    if (!notReceived.isEmpty()) {
      sb.append("\nDeclared but never received:\n");
      for (String line : notReceived) {
        sb.append("  - ").append(line).append('\n');
      }
      sb.append(
          "  fix: make the consumer send these requests in this test, or remove the interactions it does not need\n");
    }
    if (!notDelivered.isEmpty()) {
      sb.append("\nDeclared but never handed to the consumer:\n");
      for (String line : notDelivered) {
        sb.append("  - ").append(line).append('\n');
      }
      sb.append(
          "  fix: pass each message to the consumer's handler with .deliverTo(handler) (or read it with .message())\n");
    }
    sb.append("\nNothing from this test was written to the pact file.");
    return sb.toString();
  }

  public static String requestLine(HttpRequest r) {
    StringBuilder sb =
        new StringBuilder(r.method().toUpperCase(Locale.ROOT)).append(' ').append(r.path());
    if (!r.query().isEmpty()) {
      sb.append('?')
          .append(
              r.query().entrySet().stream()
                  .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
                  .collect(Collectors.joining("&")));
    }
    return sb.toString();
  }

  /**
   * Two columns, expected on the left, actual on the right; differing rows marked with {@code !}.
   */
  static String sideBySide(HttpRequest expected, HttpRequest actual) {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    left.add(requestLine(expected));
    right.add(requestLine(actual));
    List<String> names = new ArrayList<>(expected.headers().keySet());
    if (expected.header("Content-Type").isEmpty() && actual.header("Content-Type").isPresent()) {
      names.add("Content-Type");
    }
    for (String name : names) {
      left.add(expected.header(name).map(v -> name + ": " + String.join(", ", v)).orElse(""));
      right.add(actual.header(name).map(v -> name + ": " + String.join(", ", v)).orElse(""));
    }
    List<String> leftBody = bodyLines(expected.body());
    List<String> rightBody = bodyLines(actual.body());
    List<Boolean> same = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      same.add(left.get(i).equals(right.get(i)));
    }
    if (!leftBody.isEmpty() || !rightBody.isEmpty()) {
      left.add("");
      right.add("");
      same.add(true);
      align(leftBody, rightBody, left, right, same);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("  ")
        .append(pad("expected (closest interaction)"))
        .append("   ")
        .append("actual (request)\n");
    for (int i = 0; i < left.size(); i++) {
      String l = left.get(i);
      String r = right.get(i);
      sb.append("  ").append(pad(l)).append(same.get(i) ? " | " : " ! ").append(r).append('\n');
    }
    return sb.toString();
  }

  /**
   * Aligns two bodies line by line on their longest common subsequence (lines compared without a
   * trailing comma), so one missing field shows as one marked row instead of shifting everything
   * below it.
   */
  private static void align(
      List<String> a, List<String> b, List<String> left, List<String> right, List<Boolean> same) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            key(a.get(i)).equals(key(b.get(j)))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && key(a.get(i)).equals(key(b.get(j)))) {
        left.add(a.get(i++));
        right.add(b.get(j++));
        same.add(true);
      } else if (i < n
          && j < m
          && lcs[i + 1][j] == lcs[i][j + 1]
          && lcs[i + 1][j + 1] == lcs[i][j]) {
        // both lines differ and neither is kept by the common part: show them as one changed row
        left.add(a.get(i++));
        right.add(b.get(j++));
        same.add(false);
      } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
        left.add(a.get(i++));
        right.add("");
        same.add(false);
      } else {
        left.add("");
        right.add(b.get(j++));
        same.add(false);
      }
    }
  }

  private static String key(String line) {
    String t = line.strip();
    return t.endsWith(",") ? t.substring(0, t.length() - 1) : t;
  }

  private static List<String> bodyLines(Body body) {
    if (body.isMissing() || body.isEmpty()) {
      return List.of();
    }
    if (body.isJsonContent()) {
      return List.of(
          Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(body.asJson())
              .split("\n"));
    }
    boolean text = body.contentType().map(ct -> ct.isText()).orElse(true);
    if (text) {
      return List.of(body.asString().split("\n"));
    }
    return List.of(
        "<"
            + body.size()
            + " bytes of "
            + body.contentType().map(Object::toString).orElse("binary")
            + ">");
  }

  private static String pad(String s) {
    if (s.length() > COLUMN) {
      return s.substring(0, COLUMN - 3) + "...";
    }
    return s + " ".repeat(COLUMN - s.length());
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** For maps printed in messages. */
  static String show(Map<String, ?> map) {
    return Json.write(Json.toTree(map));
  }
}
