package dev.accord.contract.conformance;

import dev.accord.contract.validate.Violation;
import dev.accord.pact.json.Json;
import dev.accord.verifier.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The report files of a conformance run, named like pact verification's: {@code
 * accord-openapi-<title>.json} (the self-verification result), {@code
 * TEST-accord-openapi-<title>.xml} (JUnit XML, one test case per case) and {@code
 * accord-openapi-<title>.html} (one self-contained page).
 */
public final class ConformanceReportFiles {
  private ConformanceReportFiles() {}

  /** The file a format is written to in {@code directory}. */
  public static Path file(ConformanceReport report, Path directory, ReportFormat format) {
    String title = report.documentTitle().isBlank() ? "document" : report.documentTitle();
    String safe = title.replaceAll("[^A-Za-z0-9._-]+", "-");
    return directory.resolve(
        format == ReportFormat.JUNIT
            ? "TEST-accord-openapi-" + safe + ".xml"
            : "accord-openapi-" + safe + "." + format.extension());
  }

  /** Writes the report in each format; a file that cannot be written throws, naming it. */
  public static void write(ConformanceReport report, Path directory, Set<ReportFormat> formats) {
    for (ReportFormat format : formats) {
      Path file = file(report, directory, format);
      String content =
          switch (format) {
            case JSON -> Json.writePretty(report.toJson());
            case JUNIT -> junit(report);
            case HTML -> html(report);
          };
      try {
        Files.createDirectories(directory);
        Files.writeString(file, content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot write the "
                + format.name().toLowerCase(Locale.ROOT)
                + " report "
                + file
                + ": "
                + e.getMessage()
                + "; check that the directory is writable",
            e);
      }
    }
  }

  static String detail(CaseResult r) {
    StringBuilder sb = new StringBuilder();
    if (!r.request().isEmpty()) {
      sb.append(r.request())
          .append(r.responseStatus() > 0 ? " answered " + r.responseStatus() : "")
          .append('\n');
    }
    for (Violation v : r.violations()) {
      sb.append('[')
          .append(v.code())
          .append("] at ")
          .append(v.path())
          .append("\n  document: #")
          .append(v.pointer())
          .append("\n  ")
          .append(v.message())
          .append('\n');
    }
    r.failures().forEach(f -> sb.append(f).append('\n'));
    if (!r.curl().isEmpty()) {
      sb.append("replay: ").append(r.curl()).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  static String junit(ConformanceReport report) {
    String suite = "OpenAPI conformance of " + report.documentTitle();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"")
        .append(xml(suite))
        .append("\" tests=\"")
        .append(report.results().size())
        .append("\" failures=\"")
        .append(report.count(CaseResult.Outcome.FAILED))
        .append("\" errors=\"")
        .append(report.fatalError().isPresent() ? 1 : 0)
        .append("\" skipped=\"")
        .append(report.count(CaseResult.Outcome.SKIPPED) + report.count(CaseResult.Outcome.NOT_RUN))
        .append("\">\n");
    sb.append("  <properties>\n");
    prop(sb, "tool", report.tool() + " " + report.toolVersion());
    prop(sb, "document", report.documentLocation());
    prop(sb, "document.sha256", report.documentSha256());
    prop(sb, "provider", report.providerBaseUrl());
    prop(sb, "seed", Long.toString(report.seed()));
    sb.append("  </properties>\n");
    for (CaseResult r : report.results()) {
      sb.append("  <testcase classname=\"")
          .append(xml(r.method() + " " + r.path()))
          .append("\" name=\"")
          .append(xml(r.name()))
          .append("\" time=\"")
          .append(String.format(Locale.ROOT, "%.3f", r.millis() / 1000.0))
          .append('"');
      switch (r.outcome()) {
        case PASSED -> sb.append("/>\n");
        case SKIPPED, NOT_RUN ->
            sb.append(">\n    <skipped message=\"")
                .append(xml(r.reason()))
                .append("\"/>\n")
                .append("  </testcase>\n");
        case FAILED -> {
          String first =
              !r.violations().isEmpty()
                  ? r.violations().get(0).code()
                  : r.failures().isEmpty()
                      ? "failed"
                      : r.failures().get(0).lines().findFirst().orElse("failed");
          sb.append(">\n    <failure message=\"")
              .append(xml(first))
              .append("\" type=\"OpenApiConformance\">")
              .append(xml(detail(r)))
              .append("</failure>\n  </testcase>\n");
        }
        default -> throw new IllegalStateException(r.outcome().name());
      }
    }
    report
        .fatalError()
        .ifPresent(
            e ->
                sb.append("  <testcase classname=\"verify-openapi\" name=\"run\">\n")
                    .append("    <error message=\"")
                    .append(xml(e))
                    .append("\">")
                    .append(xml(e))
                    .append("</error>\n")
                    .append("  </testcase>\n"));
    sb.append("</testsuite>\n");
    return sb.toString();
  }

  private static void prop(StringBuilder sb, String name, String value) {
    sb.append("    <property name=\"")
        .append(xml(name))
        .append("\" value=\"")
        .append(xml(value))
        .append("\"/>\n");
  }

  static String html(ConformanceReport report) {
    StringBuilder sb =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .append("<title>")
            .append(xml("OpenAPI conformance: " + report.documentTitle()))
            .append("</title>\n")
            .append(
                "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}"
                    + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;"
                    + "text-align:left;vertical-align:top}.passed{color:#176f2c}.failed{color:#b00020}"
                    + ".skipped,.not{color:#8a6d00}pre{white-space:pre-wrap;margin:0}</style></head><body>\n")
            .append("<h1>")
            .append(xml(report.documentTitle() + " " + report.documentVersion()))
            .append("</h1>\n")
            .append("<p>")
            .append(xml(report.summary()))
            .append("</p>\n")
            .append("<p>Provider ")
            .append(xml(report.providerBaseUrl()))
            .append(", document ")
            .append(xml(report.documentLocation()))
            .append(" (OpenAPI ")
            .append(xml(report.openApiVersion()))
            .append(", sha256 ")
            .append(xml(report.documentSha256()))
            .append("), seed ")
            .append(report.seed())
            .append(", ")
            .append(xml(report.tool() + " " + report.toolVersion()))
            .append("</p>\n")
            .append("<pre>")
            .append(xml(report.coverage().describe()))
            .append("</pre>\n");
    report
        .fatalError()
        .ifPresent(e -> sb.append("<p class=\"failed\">").append(xml(e)).append("</p>\n"));
    sb.append("<table><tr><th>case</th><th>outcome</th><th>details</th></tr>\n");
    for (CaseResult r : report.results()) {
      String outcome = r.outcome().name().toLowerCase(Locale.ROOT).replace("_", " ");
      String details = r.outcome() == CaseResult.Outcome.FAILED ? detail(r) : r.reason();
      sb.append("<tr><td>")
          .append(xml(r.name()))
          .append("</td><td class=\"")
          .append(outcome.split(" ")[0])
          .append("\">")
          .append(outcome)
          .append("</td><td><pre>")
          .append(xml(details))
          .append("</pre></td></tr>\n");
    }
    sb.append("</table>\n</body></html>\n");
    return sb.toString();
  }

  static String xml(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
            sb.append(' ');
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }
}
