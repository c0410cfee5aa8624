package dev.accord.contract.exploration;

import dev.accord.pact.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an exploration found: its failures (each with a shortest failing sequence, its seed and
 * {@code curl} commands), its coverage, and why it stopped early if it did. {@link #console()} is
 * what the CLI prints; {@link #json()} and {@link #html()} are the report files.
 *
 * @param document the document's location
 * @param baseUrl where the provider was called
 * @param seed the seed: the same seed, document, options and provider give the same sequences
 * @param maxExamples how many sequences were asked for
 * @param stepCount the most steps a sequence had
 * @param transitionsSource where the transitions came from ({@code 7 links}, {@code 3 inferred},
 *     ...)
 * @param filters the include and exclude patterns in force, as {@code include: *Book}
 * @param sequences how many sequences ran (shrinking's re-runs not counted)
 * @param calls how many calls those sequences made
 * @param failures the distinct failures (check and operation), in the order found
 * @param coverage what was reached
 * @param stoppedEarly why the exploration stopped before {@code maxExamples} sequences, or null
 */
public record ExplorationReport(
    String document,
    String baseUrl,
    long seed,
    int maxExamples,
    int stepCount,
    String transitionsSource,
    List<String> filters,
    int sequences,
    int calls,
    List<ExplorationFailure> failures,
    ExplorationCoverage coverage,
    String stoppedEarly) {

  public ExplorationReport {
    filters = List.copyOf(filters);
    failures = List.copyOf(failures);
  }

  /** Whether nothing failed. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /** The console report. */
  public String console() {
    StringBuilder out = new StringBuilder();
    out.append("Exploring ").append(document).append(" at ").append(baseUrl).append('\n');
    out.append("seed ")
        .append(seed)
        .append(", ")
        .append(maxExamples)
        .append(" sequences of up to ")
        .append(stepCount)
        .append(" steps, transitions: ")
        .append(transitionsSource)
        .append(filters.isEmpty() ? "" : ", " + String.join(", ", filters))
        .append('\n');
    for (int i = 0; i < failures.size(); i++) {
      ExplorationFailure failure = failures.get(i);
      out.append('\n')
          .append("Failure ")
          .append(i + 1)
          .append(" of ")
          .append(failures.size())
          .append(": ")
          .append(failure.check().id())
          .append(" (")
          .append(failure.check().title())
          .append("), found in ")
          .append(failure.occurrences())
          .append(failure.occurrences() == 1 ? " sequence" : " sequences")
          .append('\n');
      out.append("  ").append(failure.message()).append('\n');
      out.append("  Shortest failing sequence (")
          .append(failure.steps().size())
          .append(" steps, shrunk from ")
          .append(failure.originalLength())
          .append(" in ")
          .append(failure.shrinkRuns())
          .append(" re-runs")
          .append(failure.shrinkComplete() ? "" : "; shrinking stopped early: it may be shorter")
          .append("), seed ")
          .append(seed)
          .append(":\n");
      for (ExploredStep step : failure.steps()) {
        out.append("    ").append(step.describe(relative(step.request().url()))).append('\n');
      }
      out.append("  As curl commands")
          .append(
              failure.resetRequest() == null
                  ? " (reset the provider first)"
                  : ", from a fresh state")
          .append(":\n");
      for (String command : failure.curlCommands()) {
        out.append("    ").append(command).append('\n');
      }
    }
    out.append('\n').append("Coverage: ").append(coverage.summary()).append('\n');
    if (!coverage.operationsNotCalled().isEmpty()) {
      out.append("  not called: ")
          .append(String.join(", ", coverage.operationsNotCalled()))
          .append('\n');
    }
    if (!coverage.transitionsNotFollowed().isEmpty()) {
      out.append("  not followed: ")
          .append(String.join(", ", coverage.transitionsNotFollowed()))
          .append('\n');
    }
    if (stoppedEarly != null) {
      out.append("Stopped early: ").append(stoppedEarly).append('\n');
    }
    out.append(
            passed()
                ? "No failure"
                : failures.size() + (failures.size() == 1 ? " failure" : " failures"))
        .append(" in ")
        .append(sequences)
        .append(sequences == 1 ? " sequence" : " sequences")
        .append(" (")
        .append(calls)
        .append(calls == 1 ? " call" : " calls")
        .append("); replay with --seed ")
        .append(seed)
        .append('\n');
    return out.toString();
  }

  /** The JSON report. */
  public String json() {
    ObjectNode root = Json.nodes().objectNode();
    root.put("tool", "accord explore");
    root.put("document", document);
    root.put("baseUrl", baseUrl);
    root.put("seed", seed);
    root.put("maxExamples", maxExamples);
    root.put("stepCount", stepCount);
    root.put("transitions", transitionsSource);
    ArrayNode filterArray = root.putArray("filters");
    filters.forEach(filterArray::add);
    root.put("sequences", sequences);
    root.put("calls", calls);
    root.put("passed", passed());
    if (stoppedEarly != null) {
      root.put("stoppedEarly", stoppedEarly);
    }
    ArrayNode failureArray = root.putArray("failures");
    for (ExplorationFailure failure : failures) {
      ObjectNode f = failureArray.addObject();
      f.put("check", failure.check().id());
      f.put("operation", failure.operation());
      f.put("message", failure.message());
      f.put("sequence", failure.sequence());
      f.put("occurrences", failure.occurrences());
      f.put("originalLength", failure.originalLength());
      f.put("shrinkRuns", failure.shrinkRuns());
      f.put("shrinkComplete", failure.shrinkComplete());
      ArrayNode steps = f.putArray("steps");
      for (ExploredStep step : failure.steps()) {
        ObjectNode s = steps.addObject();
        s.put("number", step.number());
        s.put("operation", step.operation());
        s.put("via", step.via());
        s.put("method", step.request().method());
        s.put("url", step.request().url());
        if (step.request().body() != null) {
          s.put("requestBody", step.request().body());
        }
        if (step.response() != null) {
          s.put("status", step.response().status());
          s.put("responseBody", step.response().body());
        } else {
          s.put("error", step.error());
        }
      }
      ArrayNode curl = f.putArray("curl");
      failure.curlCommands().forEach(curl::add);
    }
    ObjectNode c = root.putObject("coverage");
    putList(c, "operations", coverage.operations());
    putList(c, "calledOperations", coverage.calledOperations());
    putList(c, "transitions", coverage.transitions());
    putList(c, "followedTransitions", coverage.followedTransitions());
    putList(c, "links", coverage.links());
    putList(c, "followedLinks", coverage.followedLinks());
    return Json.writePretty(root);
  }

  /** The HTML report: one page, no scripts, no external resources. */
  public String html() {
    StringBuilder out = new StringBuilder();
    out.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>accord explore: ")
        .append(escape(document))
        .append(
            "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                + "pre{background:#f4f4f4;padding:.6em;overflow-x:auto}.fail{color:#a00}.pass{color:#070}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style>"
                + "</head><body>\n");
    out.append("<h1>Exploring ").append(escape(document)).append("</h1>\n");
    out.append("<p>")
        .append(escape(baseUrl))
        .append(", seed <code>")
        .append(seed)
        .append("</code>, ")
        .append(maxExamples)
        .append(" sequences of up to ")
        .append(stepCount)
        .append(" steps, transitions: ")
        .append(escape(transitionsSource))
        .append(filters.isEmpty() ? "" : ", " + escape(String.join(", ", filters)))
        .append("</p>\n");
    out.append("<p class=\"")
        .append(passed() ? "pass" : "fail")
        .append("\"><strong>")
        .append(
            passed()
                ? "No failure"
                : failures.size() + (failures.size() == 1 ? " failure" : " failures"))
        .append("</strong> in ")
        .append(sequences)
        .append(" sequences (")
        .append(calls)
        .append(" calls)</p>\n");
    if (stoppedEarly != null) {
      out.append("<p>Stopped early: ").append(escape(stoppedEarly)).append("</p>\n");
    }
    for (int i = 0; i < failures.size(); i++) {
      ExplorationFailure failure = failures.get(i);
      out.append("<h2 class=\"fail\">Failure ")
          .append(i + 1)
          .append(": ")
          .append(escape(failure.check().id()))
          .append(" (")
          .append(escape(failure.check().title()))
          .append(")</h2>\n");
      out.append("<p>").append(escape(failure.message())).append("</p>\n");
      out.append("<p>Found in ")
          .append(failure.occurrences())
          .append(" sequence(s); shortest failing sequence: ")
          .append(failure.steps().size())
          .append(" steps (shrunk from ")
          .append(failure.originalLength())
          .append(" in ")
          .append(failure.shrinkRuns())
          .append(" re-runs), seed ")
          .append(seed)
          .append("</p>\n");
      out.append(
          "<table><tr><th>#</th><th>operation</th><th>request</th><th>answer</th><th>follows</th></tr>\n");
      for (ExploredStep step : failure.steps()) {
        out.append("<tr><td>")
            .append(step.number())
            .append("</td><td>")
            .append(escape(step.operation()))
            .append("</td><td><code>")
            .append(escape(step.request().method() + " " + relative(step.request().url())))
            .append("</code></td><td>")
            .append(
                step.response() != null
                    ? String.valueOf(step.response().status())
                    : escape(step.error()))
            .append("</td><td>")
            .append(escape(step.via()))
            .append("</td></tr>\n");
      }
      out.append("</table>\n<pre>")
          .append(escape(String.join("\n", failure.curlCommands())))
          .append("</pre>\n");
    }
    out.append("<h2>Coverage</h2>\n<p>").append(escape(coverage.summary())).append("</p>\n");
    out.append("<table><tr><th>operation</th><th>called</th></tr>\n");
    for (String operation : coverage.operations()) {
      out.append("<tr><td>")
          .append(escape(operation))
          .append("</td><td>")
          .append(coverage.calledOperations().contains(operation) ? "yes" : "no")
          .append("</td></tr>\n");
    }
    out.append("</table>\n<table><tr><th>transition</th><th>link</th><th>followed</th></tr>\n");
    for (String transition : coverage.transitions()) {
      out.append("<tr><td>")
          .append(escape(transition))
          .append("</td><td>")
          .append(coverage.links().contains(transition) ? "yes" : "no")
          .append("</td><td>")
          .append(coverage.followedTransitions().contains(transition) ? "yes" : "no")
          .append("</td></tr>\n");
    }
    out.append("</table>\n</body></html>\n");
    return out.toString();
  }

  /**
   * Writes {@code explore-report.json} and {@code explore-report.html} into {@code directory};
   * returns their paths.
   */
  public List<Path> write(Path directory) {
    try {
      Files.createDirectories(directory);
      Path json = directory.resolve("explore-report.json");
      Path html = directory.resolve("explore-report.html");
      Files.writeString(json, json(), StandardCharsets.UTF_8);
      Files.writeString(html, html(), StandardCharsets.UTF_8);
      return List.of(json, html);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the exploration report into " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The URL's path and query: what the sequence's lines show. */
  private static String relative(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static void putList(ObjectNode node, String name, List<String> values) {
    ArrayNode array = node.putArray(name);
    values.forEach(array::add);
  }

  private static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
