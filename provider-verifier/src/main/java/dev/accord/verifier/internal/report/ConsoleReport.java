package dev.accord.verifier.internal.report;

import dev.accord.verifier.Failure;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.PactToVerify;
import dev.accord.verifier.VerificationReport;
import dev.accord.verifier.internal.Settings;
import java.io.PrintStream;

/** Prints progress and the final summary; ANSI colour only when writing to a terminal. */
public final class ConsoleReport {
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final PrintStream out;
  private final boolean colour;
  private final boolean quiet;

  public ConsoleReport(PrintStream out, boolean colour, boolean quiet) {
    this.out = out;
    this.colour = colour;
    this.quiet = quiet;
  }

  private String c(String code, String text) {
    return colour ? code + text + RESET : text;
  }

  public void start(Settings s, long seed) {
    if (quiet) {
      return;
    }
    StringBuilder sb = new StringBuilder("Verifying provider ").append(s.provider);
    if (s.statesOnly) {
      sb.append(" (states only: setup and teardown, no requests)");
    } else if (s.baseUrl != null) {
      sb.append(" at ").append(s.baseUrl);
    }
    if (s.stateChangeUrl != null) {
      sb.append("\n  state changes: POST ").append(s.stateChangeUrl);
    }
    sb.append("\n  seed for generated values: ")
        .append(seed)
        .append(" (replay with seed ")
        .append(seed)
        .append(')');
    out.println(sb);
  }

  /** A line of {@code --verbose} output, indented under the interaction. */
  public void verbose(String text) {
    out.println(text.indent(6).stripTrailing());
  }

  public void notice(String text) {
    if (!quiet) {
      out.println(c(YELLOW, "  " + text));
    }
  }

  public void pact(PactToVerify p) {
    if (!quiet) {
      out.println();
      out.println(
          c(BOLD, "Pact " + p.pact().consumer().name() + " -> " + p.pact().provider().name())
              + (p.pending() ? c(YELLOW, " (pending)") : "")
              + "  "
              + p.origin());
    }
  }

  public void result(
      InteractionResult r, java.util.Map<String, tools.jackson.databind.JsonNode> comments) {
    if (quiet) {
      return;
    }
    String mark =
        switch (r.outcome()) {
          case PASSED -> c(GREEN, "  PASS ");
          case FAILED ->
              r.pending() ? c(YELLOW, "  FAIL (pending, not counted) ") : c(RED, "  FAIL ");
          case NOT_RUN -> "  NOT RUN ";
        };
    out.println(mark + r.displayName());
    // V4 comments: "text" (a list) and "testname", the consumer test that wrote the interaction
    tools.jackson.databind.JsonNode text = comments.get("text");
    if (text != null) {
      for (tools.jackson.databind.JsonNode line : text.isArray() ? text : java.util.List.of(text)) {
        out.println("      comment: " + line.asString());
      }
    }
    tools.jackson.databind.JsonNode testname = comments.get("testname");
    if (testname != null && !testname.asString().isEmpty()) {
      out.println("      original test name: " + testname.asString());
    }
    if (!r.requestSent().isEmpty()) {
      out.println(r.requestSent().indent(6).stripTrailing());
    }
    if (!r.responseReceived().isEmpty()) {
      out.println(r.responseReceived().indent(6).stripTrailing());
    }
    for (Failure f : r.failures()) {
      out.println(f.describe("      "));
    }
    if (!r.curl().isEmpty()) {
      out.println("      replay: " + r.curl());
    }
  }

  /** How many not-run interactions are named per reason; every one is in the report files. */
  static final int NOT_RUN_NAMED = 10;

  private void notRun(VerificationReport report) {
    java.util.Map<String, java.util.List<InteractionResult>> byReason =
        new java.util.LinkedHashMap<>();
    report.results().stream()
        .filter(r -> r.outcome() == InteractionResult.Outcome.NOT_RUN)
        .forEach(
            r ->
                byReason
                    .computeIfAbsent(r.notRunReason(), k -> new java.util.ArrayList<>())
                    .add(r));
    byReason.forEach(
        (reason, rs) -> {
          out.println(
              c(
                  YELLOW,
                  "Not run ("
                      + rs.size()
                      + "): "
                      + (reason.isEmpty() ? "the run stopped" : reason)));
          rs.stream().limit(NOT_RUN_NAMED).forEach(r -> out.println("  - " + r.displayName()));
          if (rs.size() > NOT_RUN_NAMED) {
            out.println(
                "  ... and "
                    + (rs.size() - NOT_RUN_NAMED)
                    + " more (the JSON, JUnit XML and HTML reports name"
                    + " every one)");
          }
        });
  }

  public void finish(VerificationReport report) {
    if (!report.publishing().isEmpty() && !quiet) {
      out.println();
      report.publishing().forEach(line -> out.println("  " + line));
    }
    out.println();
    for (String e : report.unreadablePacts()) {
      out.println(c(RED, e));
      out.println();
    }
    report.fatalError().ifPresent(e -> out.println(c(RED, e)));
    notRun(report);
    // a run stopped before any pact was loaded has no coverage to tell (its counts would read as "0
    // in the pacts")
    boolean loadedNothing = report.results().isEmpty() && report.fatalError().isPresent();
    if (!quiet && !loadedNothing) {
      out.println(report.coverage().describe());
    }
    String summary = report.summary();
    out.println(report.passed() ? c(GREEN, summary) : c(RED + BOLD, summary));
    if (!report.passed()) {
      out.println("To replay: " + report.reproduction().describe());
    }
    out.flush();
  }
}
