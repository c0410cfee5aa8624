package dev.accord.broker.matrix;

import dev.accord.pact.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Names what broke in a failed verification, from the {@code testResults} the verifier published:
 * the failing interactions and, for each, its first mismatches, bounded so that a can-i-deploy
 * answer stays readable.
 *
 * <p>Reads the shapes the verifiers publish: an array of {@code {interactionId,
 * interactionDescription, success, mismatches: [{attribute, identifier, description}]}} (Accord,
 * pact-jvm, the Rust verifier; pact-jvm and Rust may use {@code path}, {@code type}, {@code
 * mismatch}, {@code expected}/{@code actual} or {@code exceptions}), and the Ruby verifier's object
 * {@code {tests: [{testDescription, status: "failed", exception: {message}}]}}. Anything else
 * yields no lines: the answer then only points at the verification result.
 */
final class FailedTests {
  static final int MAX_INTERACTIONS = 3;
  static final int MAX_MISMATCHES = 3;
  static final int MAX_LINE = 240;

  private FailedTests() {}

  /**
   * The lines explaining a failed verification, each starting with two spaces; empty when {@code
   * testResults} is absent, not JSON or names no failing interaction.
   */
  static List<String> describe(String testResults) {
    if (testResults == null || testResults.isBlank()) {
      return List.of();
    }
    JsonNode root;
    try {
      root = Json.parse(testResults);
    } catch (RuntimeException e) {
      return List.of();
    }
    JsonNode tests = root.isArray() ? root : root.path("tests");
    if (!tests.isArray()) {
      return List.of();
    }
    List<JsonNode> failing = new ArrayList<>();
    for (JsonNode t : tests) {
      if (failed(t)) {
        failing.add(t);
      }
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < failing.size() && i < MAX_INTERACTIONS; i++) {
      JsonNode t = failing.get(i);
      lines.add("  - Interaction " + interactionName(t) + " failed:");
      List<String> mismatches = mismatches(t);
      for (int m = 0; m < mismatches.size() && m < MAX_MISMATCHES; m++) {
        lines.add("      " + mismatches.get(m));
      }
      if (mismatches.size() > MAX_MISMATCHES) {
        lines.add(
            "      ... and "
                + (mismatches.size() - MAX_MISMATCHES)
                + " more mismatch"
                + (mismatches.size() - MAX_MISMATCHES == 1 ? "" : "es"));
      }
      if (mismatches.isEmpty()) {
        lines.add("      (the verifier published no mismatch details for it)");
      }
    }
    if (failing.size() > MAX_INTERACTIONS) {
      int more = failing.size() - MAX_INTERACTIONS;
      lines.add("  ... and " + more + " more failed interaction" + (more == 1 ? "" : "s"));
    }
    return lines;
  }

  private static boolean failed(JsonNode t) {
    if (!t.isObject()) {
      return false;
    }
    JsonNode success = t.path("success");
    if (success.isBoolean()) {
      return !success.asBoolean();
    }
    String status = text(t, "status");
    return status != null
        && (status.equalsIgnoreCase("failed")
            || status.equalsIgnoreCase("failure")
            || status.equalsIgnoreCase("error"));
  }

  private static String interactionName(JsonNode t) {
    String name =
        first(t, "interactionDescription", "description", "testDescription", "testFullDescription");
    if (name != null) {
      return "\"" + oneLine(name) + "\"";
    }
    String id = text(t, "interactionId");
    return id != null ? "with _id " + id : "(unnamed)";
  }

  private static List<String> mismatches(JsonNode t) {
    List<String> out = new ArrayList<>();
    JsonNode mismatches = t.path("mismatches");
    if (mismatches.isArray()) {
      for (JsonNode m : mismatches) {
        out.add(mismatch(m));
      }
    }
    JsonNode exceptions = t.path("exceptions");
    if (exceptions.isArray()) {
      for (JsonNode e : exceptions) {
        String message =
            e.isObject()
                ? first(e, "message", "exceptionClass")
                : e.isString() ? e.asString() : null;
        if (message != null) {
          out.add("error: " + oneLine(message));
        }
      }
    }
    JsonNode exception = t.path("exception");
    if (exception.isObject() && text(exception, "message") != null) {
      out.add("error: " + oneLine(text(exception, "message")));
    }
    return out;
  }

  private static String mismatch(JsonNode m) {
    if (m.isString()) {
      return oneLine(m.asString());
    }
    String attribute = first(m, "attribute", "type");
    String path = first(m, "identifier", "path");
    String description = first(m, "description", "mismatch", "message");
    StringBuilder s = new StringBuilder();
    if (attribute != null) {
      s.append(attribute);
    }
    if (path != null && (description == null || !description.contains(path))) {
      s.append(s.isEmpty() ? "" : " ").append(path);
    }
    String what = description;
    if (what == null && (m.has("expected") || m.has("actual"))) {
      what = "expected " + value(m.path("expected")) + " but was " + value(m.path("actual"));
    }
    if (what != null) {
      s.append(s.isEmpty() ? "" : ": ").append(what);
    }
    return s.isEmpty() ? oneLine(m.toString()) : oneLine(s.toString());
  }

  private static String value(JsonNode v) {
    return v.isMissingNode()
        ? "(absent)"
        : v.isString() ? "\"" + v.asString() + "\"" : v.toString();
  }

  private static String first(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isString() && !v.asString().isBlank()) {
      return v.asString();
    }
    return null;
  }

  /**
   * The first non-blank lines of a possibly multi-line text, joined and cut at {@link #MAX_LINE}
   * characters.
   */
  static String oneLine(String text) {
    String[] parts = text.strip().split("\\R");
    StringBuilder s = new StringBuilder();
    for (String p : parts) {
      if (p.isBlank()) {
        continue;
      }
      if (!s.isEmpty()) {
        s.append(" | ");
      }
      s.append(p.strip());
      if (s.length() >= MAX_LINE) {
        break;
      }
    }
    return s.length() > MAX_LINE ? s.substring(0, MAX_LINE - 3) + "..." : s.toString();
  }
}
