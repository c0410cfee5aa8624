package dev.accord.contract.conformance;

import dev.accord.contract.validate.Violation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console output of a conformance run, in the style of pact verification's; colour only when
 * asked.
 */
final class Console {
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final PrintStream out;
  private final boolean colour;

  Console(PrintStream out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  private String c(String code, String text) {
    return colour ? code + text + RESET : text;
  }

  void start(OpenApiVerifier verifier, long seed) {
    var tree = verifier.document().tree();
    StringBuilder sb =
        new StringBuilder("Verifying the provider at ")
            .append(verifier.baseUrl())
            .append(" against ")
            .append(verifier.document().location())
            .append(" (")
            .append(tree.path("info").path("title").asString(""))
            .append(' ')
            .append(tree.path("info").path("version").asString(""))
            .append(", OpenAPI ")
            .append(verifier.document().openApiVersion())
            .append(')');
    if (!verifier.stateDescription().isEmpty()) {
      sb.append("\n  state changes: ").append(verifier.stateDescription());
    }
    sb.append("\n  seed for generated values: ")
        .append(seed)
        .append(" (replay with --seed ")
        .append(seed)
        .append(')');
    out.println(sb);
    out.println();
  }

  void verbose(String text) {
    out.println(text.indent(6).stripTrailing());
  }

  void result(CaseResult r) {
    String mark =
        switch (r.outcome()) {
          case PASSED -> c(GREEN, "  PASS ");
          case FAILED -> c(RED, "  FAIL ");
          case SKIPPED -> c(YELLOW, "  SKIP ");
          case NOT_RUN -> "  NOT RUN ";
        };
    out.println(mark + r.name());
    if (r.outcome() == CaseResult.Outcome.SKIPPED) {
      out.println("      skipped: " + r.reason());
    }
    if (r.outcome() != CaseResult.Outcome.FAILED) {
      return;
    }
    if (!r.request().isEmpty()) {
      out.println(
          "      "
              + r.request()
              + (r.responseStatus() > 0 ? " answered " + r.responseStatus() : ""));
    }
    for (Violation v : r.violations()) {
      out.println(
          ("["
                  + v.code()
                  + "] at "
                  + v.path()
                  + "\n  document: #"
                  + v.pointer()
                  + "\n  "
                  + v.message())
              .indent(6)
              .stripTrailing());
    }
    for (String f : r.failures()) {
      out.println(f.indent(6).stripTrailing());
    }
    if (!r.responseBody().isEmpty()) {
      out.println("      response body: " + r.responseBody());
    }
    if (!r.curl().isEmpty()) {
      out.println("      replay: " + r.curl());
    }
  }

  void finish(ConformanceReport report) {
    out.println();
    Map<String, List<CaseResult>> notRun = new LinkedHashMap<>();
    report.results().stream()
        .filter(r -> r.outcome() == CaseResult.Outcome.NOT_RUN)
        .forEach(r -> notRun.computeIfAbsent(r.reason(), k -> new ArrayList<>()).add(r));
    notRun.forEach(
        (reason, rs) -> out.println(c(YELLOW, "Not run (" + rs.size() + "): " + reason)));
    report.fatalError().ifPresent(e -> out.println(c(RED, e)));
    out.println(report.coverage().describe());
    String summary = report.summary();
    out.println(report.passed() ? c(GREEN, summary) : c(RED + BOLD, summary));
    if (!report.passed()) {
      out.println("To replay: --seed " + report.seed());
    }
    out.flush();
  }
}
