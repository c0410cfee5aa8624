package dev.accord.cli.openapi;

import dev.accord.cli.AccordCommand;
import dev.accord.contract.exploration.ExplorationException;
import dev.accord.contract.exploration.ExplorationReport;
import dev.accord.contract.exploration.Explorer;
import dev.accord.contract.openapi.OpenApiDocument;
import dev.accord.contract.openapi.OpenApiDocumentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code accord explore openapi.yaml --provider-base-url http://127.0.0.1:8080}: stateful
 * exploration of a running provider from its OpenAPI document (links, inferred data dependencies or
 * a transitions file). Opt-in; never a broker verdict. Exit 0 when nothing failed, 1 when a
 * sequence failed (each failure printed with its shortest failing sequence, seed and curl
 * commands), 2 usage error.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Explore a running provider with sequences of calls its OpenAPI document links (opt-in).",
      "Exit 0 when nothing failed, 1 when a sequence failed (shrunk to a shortest one, with its seed and curl "
          + "commands)."
    })
public final class ExploreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SPEC",
      description = "The provider's OpenAPI document (3.0 or 3.1).")
  Path specFile;

  @Option(
      names = "--provider-base-url",
      paramLabel = "URL",
      required = true,
      description = "Where the provider listens; the document's server base path is added.")
  String providerBaseUrl;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of every choice and value: the same seed replays "
              + "the same sequences (random when not given; printed).")
  Long seed;

  @Option(
      names = "--step-count",
      paramLabel = "N",
      defaultValue = "6",
      description = "The most calls in one sequence (default ${DEFAULT-VALUE}).")
  int stepCount;

  @Option(
      names = "--max-examples",
      paramLabel = "N",
      defaultValue = "30",
      description = "How many sequences to run (default ${DEFAULT-VALUE}).")
  int maxExamples;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "Only call operations matching: a glob on the operationId or \"METHOD /path\" (repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Never call operations matching (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--transitions",
      paramLabel = "FILE",
      description = "A transitions file (YAML or JSON) adding which call may follow which.")
  Path transitionsFile;

  @Option(
      names = "--state-change-url",
      paramLabel = "URL",
      description =
          "Receives POST {\"state\", \"params\", \"action\": \"setup\"|\"teardown\"} around each sequence, "
              + "so that each starts from the same state.")
  String stateChangeUrl;

  @Option(
      names = "--reset-state",
      paramLabel = "NAME",
      defaultValue = "a fresh state",
      description = "The state name sent to --state-change-url (default \"${DEFAULT-VALUE}\").")
  String resetState;

  @Option(
      names = "--timeout-per-step",
      paramLabel = "MILLIS",
      defaultValue = "10000",
      description = "How long one call may take in milliseconds (default ${DEFAULT-VALUE}).")
  long timeoutPerStep;

  @Option(
      names = "--timeout-total",
      paramLabel = "MILLIS",
      description =
          "Time budget of the whole exploration in milliseconds; no sequence starts after it.")
  Long timeoutTotal;

  @Option(
      names = "--fail-fast",
      description = "Stop after the first failing sequence (it is still shrunk).")
  boolean failFast;

  @Option(
      names = {"--verbose", "-v"},
      description = "Print every sequence, state change, request and response.")
  boolean verbose;

  @Option(
      names = {"--header", "--custom-header"},
      paramLabel = "'NAME: VALUE'",
      description = "Add (or replace) a header on every request to the provider (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "FORMAT",
      description = "Also write a report: json or html (repeatable).")
  List<String> reports = new ArrayList<>();

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      defaultValue = "accord-reports",
      description = "Where reports go (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(specFile)) {
      throw new ParameterException(spec.commandLine(), "SPEC " + specFile + ": no such file");
    }
    if (stepCount < 1
        || maxExamples < 1
        || timeoutPerStep < 1
        || (timeoutTotal != null && timeoutTotal < 1)) {
      throw new ParameterException(
          spec.commandLine(),
          "--step-count, --max-examples, --timeout-per-step and "
              + "--timeout-total must be at least 1");
    }
    for (String report : reports) {
      if (!List.of("json", "html").contains(report.toLowerCase(Locale.ROOT))) {
        throw new ParameterException(
            spec.commandLine(), "--report " + report + ": expected json or html");
      }
    }
    OpenApiDocument document;
    try {
      document = OpenApiDocument.read(specFile);
    } catch (OpenApiDocumentException e) {
      throw new ParameterException(spec.commandLine(), "SPEC " + e.getMessage());
    }
    Explorer explorer =
        Explorer.forDocument(document)
            .providerBaseUrl(providerBaseUrl)
            .stepCount(stepCount)
            .maxExamples(maxExamples)
            .include(includes.toArray(String[]::new))
            .exclude(excludes.toArray(String[]::new))
            .timeoutPerStep(Duration.ofMillis(timeoutPerStep))
            .failFast(failFast);
    if (seed != null) {
      explorer.seed(seed);
    }
    if (timeoutTotal != null) {
      explorer.timeoutTotal(Duration.ofMillis(timeoutTotal));
    }
    if (stateChangeUrl != null) {
      explorer.stateChangeUrl(stateChangeUrl, resetState);
    }
    if (verbose) {
      explorer.verbose(out);
    }
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--header '" + header + "': expected 'NAME: VALUE'");
      }
      explorer.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    try {
      if (transitionsFile != null) {
        if (!Files.isRegularFile(transitionsFile)) {
          throw new ParameterException(
              spec.commandLine(), "--transitions " + transitionsFile + ": no such file");
        }
        explorer.transitionsFile(transitionsFile);
      }
      explorer.validate();
    } catch (ExplorationException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ExplorationReport report;
    try {
      report = explorer.explore();
    } catch (ExplorationException e) {
      throw new AccordCommand.CommandFailure(e.getMessage());
    }
    out.print(report.console());
    for (String format : reports) {
      String kind = format.toLowerCase(Locale.ROOT);
      Path file = reportDir.resolve("explore-report." + kind);
      try {
        Files.createDirectories(reportDir);
        Files.writeString(
            file, kind.equals("json") ? report.json() : report.html(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new AccordCommand.CommandFailure(
            "Cannot write the report " + file + ": " + e.getMessage());
      }
      out.println("Report: " + file);
    }
    out.flush();
    return report.passed() ? AccordCommand.OK : AccordCommand.FAILURE;
  }
}
