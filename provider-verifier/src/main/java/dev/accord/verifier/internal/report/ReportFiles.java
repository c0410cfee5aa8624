package dev.accord.verifier.internal.report;

import dev.accord.pact.json.Json;
import dev.accord.verifier.Coverage;
import dev.accord.verifier.Failure;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.ReportFormat;
import dev.accord.verifier.VerificationReport;
import dev.accord.verifier.internal.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the JUnit XML, JSON and HTML reports of a verification. */
public final class ReportFiles {
  private ReportFiles() {}

  public static void write(Settings settings, VerificationReport report) {
    if (settings.reportDir == null || settings.reportFormats.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(settings.reportDir);
      for (ReportFormat f : settings.reportFormats) {
        Path file = settings.reportDir.resolve(fileName(report.provider(), f));
        String content =
            switch (f) {
              case JUNIT -> junitXml(report);
              case JSON -> json(report);
              case HTML -> html(report);
            };
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (!settings.quiet) {
          settings.out.println("  wrote " + f.name().toLowerCase() + " report " + file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write verification reports to " + settings.reportDir + ": " + e.getMessage(), e);
    }
  }

  public static String fileName(String provider, ReportFormat format) {
    String safe = provider.replaceAll("[^A-Za-z0-9._-]", "_");
    return format == ReportFormat.JUNIT
        ? "TEST-accord-" + safe + ".xml"
        : "accord-" + safe + "." + format.extension();
  }

  // ---- JUnit XML
  // ---------------------------------------------------------------------------------

  public static String junitXml(VerificationReport report) {
    Map<String, List<InteractionResult>> byConsumer =
        report.results().stream()
            .collect(
                Collectors.groupingBy(
                    InteractionResult::consumer, LinkedHashMap::new, Collectors.toList()));
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"")
        .append(xml("Pact verification of " + report.provider()))
        .append("\" tests=\"")
        .append(report.total())
        .append("\" failures=\"")
        .append(report.failedCount())
        .append("\">\n");
    if (report.fatalError().isPresent()) {
      sb.append("  <testsuite name=\"")
          .append(xml(report.provider()))
          .append("\" tests=\"1\" failures=\"0\" errors=\"1\">\n")
          .append("    <testcase classname=\"")
          .append(xml(report.provider()))
          .append("\" name=\"verification\">\n")
          .append("      <error message=\"")
          .append(xml(firstLine(report.fatalError().get())))
          .append("\">")
          .append(xml(report.fatalError().get()))
          .append("</error>\n    </testcase>\n  </testsuite>\n");
    }
    if (!report.unreadablePacts().isEmpty()) {
      sb.append("  <testsuite name=\"")
          .append(xml("pacts of " + report.provider()))
          .append("\" tests=\"")
          .append(report.unreadablePacts().size())
          .append("\" failures=\"0\" errors=\"")
          .append(report.unreadablePacts().size())
          .append("\">\n");
      for (String e : report.unreadablePacts()) {
        sb.append("    <testcase classname=\"")
            .append(xml(report.provider()))
            .append("\" name=\"")
            .append(xml(firstLine(e)))
            .append("\">\n      <error message=\"")
            .append(xml(firstLine(e)))
            .append("\">")
            .append(xml(e))
            .append("</error>\n    </testcase>\n");
      }
      sb.append("  </testsuite>\n");
    }
    for (Map.Entry<String, List<InteractionResult>> e : byConsumer.entrySet()) {
      List<InteractionResult> rs = e.getValue();
      long failures = rs.stream().filter(InteractionResult::failedForReal).count();
      long skipped = rs.stream().filter(r -> !r.passed() && !r.failedForReal()).count();
      double secs = rs.stream().mapToLong(InteractionResult::durationMillis).sum() / 1000.0;
      String suite = e.getKey() + " -> " + report.provider();
      sb.append("  <testsuite name=\"")
          .append(xml(suite))
          .append("\" tests=\"")
          .append(rs.size())
          .append("\" failures=\"")
          .append(failures)
          .append("\" errors=\"0\" skipped=\"")
          .append(skipped)
          .append("\" time=\"")
          .append(secs)
          .append("\">\n");
      for (InteractionResult r : rs) {
        sb.append("    <testcase classname=\"")
            .append(xml(suite))
            .append("\" name=\"")
            .append(xml(r.displayName()))
            .append("\" time=\"")
            .append(r.durationMillis() / 1000.0)
            .append("\"");
        if (r.passed()) {
          sb.append("/>\n");
          continue;
        }
        sb.append(">\n");
        String text = failureText(r, "\n");
        if (r.outcome() == InteractionResult.Outcome.NOT_RUN) {
          sb.append("      <skipped message=\"")
              .append(xml(r.notRunReason().isEmpty() ? "not run" : "not run: " + r.notRunReason()))
              .append("\"/>\n");
        } else if (r.pending()) {
          sb.append("      <skipped message=\"pending: failed but not counted\">")
              .append(xml(text))
              .append("</skipped>\n");
        } else {
          sb.append("      <failure message=\"")
              .append(xml(r.failures().isEmpty() ? "failed" : r.failures().get(0).summary()))
              .append("\" type=\"PactVerificationFailure\">")
              .append(xml(text))
              .append("</failure>\n");
        }
        sb.append("    </testcase>\n");
      }
      sb.append("  </testsuite>\n");
    }
    coverageSuite(sb, report);
    return sb.append("</testsuites>\n").toString();
  }

  /**
   * The coverage as a suite without tests: counts, states and endpoints as properties, the summary
   * as output.
   */
  private static void coverageSuite(StringBuilder sb, VerificationReport report) {
    Coverage c = report.coverage();
    sb.append("  <testsuite name=\"")
        .append(xml("coverage of " + report.provider()))
        .append("\" tests=\"0\" failures=\"0\" errors=\"0\">\n    <properties>\n");
    Map<String, String> props = new LinkedHashMap<>();
    props.put("accord.seed", String.valueOf(report.reproduction().seed()));
    props.put("accord.version", report.reproduction().accordVersion());
    props.put("accord.filters", String.join("; ", report.reproduction().filters()));
    props.put("coverage.interactions", String.valueOf(c.interactions()));
    props.put("coverage.verified", String.valueOf(c.verified()));
    props.put("coverage.passed", String.valueOf(c.passed()));
    props.put("coverage.failed", String.valueOf(c.failed()));
    props.put("coverage.pending", String.valueOf(c.pending()));
    props.put("coverage.filteredOut", String.valueOf(c.filteredOut()));
    props.put("coverage.notRun", String.valueOf(c.notRun()));
    for (Coverage.StateCoverage st : c.states()) {
      props.put(
          "coverage.state." + st.name(), st.interactions() + " interactions, " + st.outcome());
    }
    for (Coverage.EndpointCoverage e : c.endpoints()) {
      props.put(
          "coverage.endpoint." + e.method() + " " + e.path(),
          e.interactions().stream()
              .map(i -> i.name() + " (" + i.outcome() + ")")
              .collect(Collectors.joining("; ")));
    }
    props.forEach(
        (k, v) ->
            sb.append("      <property name=\"")
                .append(xml(k))
                .append("\" value=\"")
                .append(xml(v))
                .append("\"/>\n"));
    sb.append("    </properties>\n    <system-out>")
        .append(xml(c.describe()))
        .append("</system-out>\n  </testsuite>\n");
  }

  /**
   * The request sent, the response received, each failure and the replay command, separated by
   * {@code gap}.
   */
  private static String failureText(InteractionResult r, String gap) {
    StringBuilder sb = new StringBuilder();
    for (String part : List.of(r.requestSent(), r.responseReceived())) {
      if (!part.isEmpty()) {
        sb.append(part).append(gap);
      }
    }
    sb.append(r.failures().stream().map(f -> f.describe("")).collect(Collectors.joining(gap)));
    if (!r.curl().isEmpty()) {
      sb.append(gap).append("replay: ").append(r.curl());
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append("\\u").append(String.format("%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  // ---- JSON
  // --------------------------------------------------------------------------------------

  public static String json(VerificationReport report) {
    ObjectNode root = Json.nodes().objectNode();
    root.put("provider", report.provider());
    root.put("passed", report.passed());
    root.put("summary", report.summary());
    root.put("total", report.total());
    root.put("failed", report.failedCount());
    root.put("pendingFailed", report.pendingFailedCount());
    root.put("notRun", report.notRunCount());
    report.fatalError().ifPresent(e -> root.put("error", e));
    ArrayNode unreadable = root.putArray("unreadablePacts");
    report.unreadablePacts().forEach(unreadable::add);
    ArrayNode publishing = root.putArray("publishing");
    report.publishing().forEach(publishing::add);
    root.put("seed", report.reproduction().seed());
    root.put("accordVersion", report.reproduction().accordVersion());
    ArrayNode filters = root.putArray("filters");
    report.reproduction().filters().forEach(filters::add);
    root.set("coverage", coverageJson(report.coverage()));
    ArrayNode results = root.putArray("interactions");
    for (InteractionResult r : report.results()) {
      ObjectNode n = results.addObject();
      n.put("consumer", r.consumer());
      n.put("description", r.description());
      n.put("name", r.displayName());
      ArrayNode states = n.putArray("providerStates");
      r.states()
          .forEach(
              s -> {
                ObjectNode sn = states.addObject();
                sn.put("name", s.name());
                ObjectNode params = sn.putObject("params");
                s.params().forEach(params::set);
              });
      n.put("type", r.kind());
      if (!r.interactionKey().isEmpty()) {
        n.put("interactionKey", r.interactionKey());
      }
      n.put("pact", r.pactOrigin());
      n.put("pending", r.pending());
      n.put("outcome", r.outcome().name().toLowerCase());
      n.put("durationMillis", r.durationMillis());
      if (!r.notRunReason().isEmpty()) {
        n.put("notRunReason", r.notRunReason());
      }
      ArrayNode failures = n.putArray("failures");
      for (Failure f : r.failures()) {
        ObjectNode fn = failures.addObject();
        fn.put("summary", f.summary());
        if (!f.path().isEmpty()) {
          fn.put("path", f.path());
        }
        if (f.expected() != null) {
          fn.put("expected", f.expected());
        }
        if (f.actual() != null) {
          fn.put("actual", f.actual());
        }
        fn.put("detail", f.detail());
        if (f.rule() != null) {
          fn.put("rule", f.rule());
        }
        if (f.hint() != null) {
          fn.put("hint", f.hint());
        }
      }
      if (!r.requestSent().isEmpty()) {
        n.put("requestSent", r.requestSent());
      }
      if (!r.responseReceived().isEmpty()) {
        n.put("responseReceived", r.responseReceived());
      }
      if (!r.curl().isEmpty()) {
        n.put("curl", r.curl());
      }
    }
    return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /**
   * The coverage as JSON: in the JSON report and in the verification result published to the
   * broker.
   */
  public static ObjectNode coverageJson(Coverage c) {
    ObjectNode n = Json.nodes().objectNode();
    n.put("interactions", c.interactions());
    n.put("verified", c.verified());
    n.put("passed", c.passed());
    n.put("failed", c.failed());
    n.put("pending", c.pending());
    n.put("filteredOut", c.filteredOut());
    n.put("notRun", c.notRun());
    ArrayNode states = n.putArray("providerStates");
    for (Coverage.StateCoverage st : c.states()) {
      ObjectNode sn = states.addObject();
      sn.put("name", st.name());
      sn.put("interactions", st.interactions());
      sn.put("passed", st.passed());
      sn.put("failed", st.failed());
      sn.put("notRun", st.notRun());
      sn.put("setupFailures", st.setupFailures());
      sn.put("outcome", st.outcome());
    }
    ArrayNode endpoints = n.putArray("endpoints");
    for (Coverage.EndpointCoverage e : c.endpoints()) {
      ObjectNode en = endpoints.addObject();
      en.put("method", e.method());
      en.put("path", e.path());
      ArrayNode is = en.putArray("interactions");
      e.interactions()
          .forEach(i -> is.addObject().put("name", i.name()).put("outcome", i.outcome()));
    }
    return n;
  }

  // ---- HTML
  // --------------------------------------------------------------------------------------

  public static String html(VerificationReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(xml("Pact verification: " + report.provider()))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}")
        .append(
            ".pass{color:#1a7f37}.fail{color:#cf222e}.pending{color:#9a6700}.notrun{color:#666}.passed{color:#1a7f37}.failed{color:#cf222e}.filteredout{color:#666}")
        .append(
            "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em;")
        .append(
            "text-align:left;vertical-align:top}pre{white-space:pre-wrap;margin:0;font-size:.9em}")
        .append(".summary{font-size:1.2em;font-weight:bold;margin:1em 0}\n</style></head><body>\n");
    sb.append("<h1>Pact verification of ").append(xml(report.provider())).append("</h1>\n");
    sb.append("<p class=\"summary ")
        .append(report.passed() ? "pass" : "fail")
        .append("\">")
        .append(xml(report.summary()))
        .append("</p>\n");
    sb.append("<p class=\"reproduction\">To replay: ")
        .append(xml(report.reproduction().describe()))
        .append("</p>\n");
    report
        .unreadablePacts()
        .forEach(e -> sb.append("<pre class=\"fail\">").append(xml(e)).append("</pre>\n"));
    report
        .fatalError()
        .ifPresent(e -> sb.append("<pre class=\"fail\">").append(xml(e)).append("</pre>\n"));
    if (!report.publishing().isEmpty()) {
      sb.append("<ul>");
      report.publishing().forEach(p -> sb.append("<li>").append(xml(p)).append("</li>"));
      sb.append("</ul>\n");
    }
    sb.append(
        "<table><thead><tr><th>Result</th><th>Interaction</th><th>Pact</th><th>Details</th></tr></thead><tbody>\n");
    for (InteractionResult r : report.results()) {
      String cls;
      String label;
      switch (r.outcome()) {
        case PASSED -> {
          cls = "pass";
          label = "passed";
        }
        case FAILED -> {
          cls = r.pending() ? "pending" : "fail";
          label = r.pending() ? "failed (pending)" : "failed";
        }
        default -> {
          cls = "notrun";
          label = "not run";
        }
      }
      sb.append("<tr><td class=\"")
          .append(cls)
          .append("\">")
          .append(label)
          .append("</td><td>")
          .append(xml(r.displayName()))
          .append("</td><td>")
          .append(xml(r.pactOrigin()))
          .append("</td><td>");
      if (!r.notRunReason().isEmpty()) {
        sb.append(xml(r.notRunReason()));
      }
      if (!r.failures().isEmpty()) {
        sb.append("<pre>").append(xml(failureText(r, "\n\n"))).append("</pre>");
      }
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n");
    coverageHtml(sb, report.coverage());
    sb.append("<p><small>Accord ")
        .append(xml(report.reproduction().accordVersion()))
        .append("</small></p>\n</body></html>\n");
    return sb.toString();
  }

  private static void coverageHtml(StringBuilder sb, Coverage c) {
    sb.append("<h2>Coverage</h2>\n<p class=\"coverage\">")
        .append(c.interactions())
        .append(" interactions in the pacts: ")
        .append(c.verified())
        .append(" verified (")
        .append(c.passed())
        .append(" passed, ")
        .append(c.failed())
        .append(" failed, ")
        .append(c.pending())
        .append(" pending), ")
        .append(c.filteredOut())
        .append(" filtered out, ")
        .append(c.notRun())
        .append(" not run</p>\n");
    if (!c.states().isEmpty()) {
      sb.append(
              "<table class=\"states\"><thead><tr><th>Provider state</th><th>Interactions</th><th>Outcome</th></tr>")
          .append("</thead><tbody>\n");
      for (Coverage.StateCoverage st : c.states()) {
        sb.append("<tr><td>")
            .append(xml(st.name()))
            .append("</td><td>")
            .append(st.interactions())
            .append("</td><td>")
            .append(xml(st.outcome()))
            .append("</td></tr>\n");
      }
      sb.append("</tbody></table>\n");
    }
    if (!c.endpoints().isEmpty()) {
      sb.append(
          "<table class=\"endpoints\"><thead><tr><th>Endpoint</th><th>Interactions</th></tr></thead><tbody>\n");
      for (Coverage.EndpointCoverage e : c.endpoints()) {
        sb.append("<tr><td>").append(xml(e.method() + " " + e.path())).append("</td><td><ul>");
        e.interactions()
            .forEach(
                i ->
                    sb.append("<li>")
                        .append(xml(i.name()))
                        .append(" <span class=\"")
                        .append(i.outcome().replace(" ", ""))
                        .append("\">")
                        .append(xml(i.outcome()))
                        .append("</span></li>"));
        sb.append("</ul></td></tr>\n");
      }
      sb.append("</tbody></table>\n");
    }
  }
}
