package dev.accord.cli.openapi;

import static dev.accord.cli.internal.Options.flag;
import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.isSet;
import static dev.accord.cli.internal.Options.list;
import static dev.accord.cli.internal.Options.parameter;
import static dev.accord.cli.internal.Options.positional;
import static dev.accord.cli.internal.Options.repeatable;
import static dev.accord.cli.internal.Options.value;

import dev.accord.cli.AccordCommand;
import dev.accord.cli.internal.Options;
import dev.accord.cli.internal.ProviderRunOptions;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code accord explore openapi.yaml --provider-base-url http://127.0.0.1:8080}: stateful
 * exploration of a running provider from its OpenAPI document (links, inferred data dependencies or
 * a transitions file). Opt-in; never a broker verdict. Exit 0 when nothing failed, 1 when a
 * sequence failed (each failure printed with its shortest failing sequence, seed and curl
 * commands), 2 usage error.
 */
public final class ExploreCommand implements Callable<Integer> {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    ExploreCommand command = new ExploreCommand();
    CommandSpec spec =
        Options.command(
            command,
            "explore",
            "Explore a running provider with sequences of calls its OpenAPI document links (opt-in).",
            "Exit 0 when nothing failed, 1 when a sequence failed (shrunk to a shortest one, with its"
                + " seed and curl commands).");
    command.spec = spec;
    spec.addPositional(
        parameter(Path.class, "SPEC", "The provider's OpenAPI document (3.0 or 3.1).")
            .index("0")
            .build());
    spec.addOption(
        value(
                String.class,
                "URL",
                "Where the provider listens; the document's server base path is added.",
                "--provider-base-url")
            .required(true)
            .build());
    spec.addOption(
        value(
                Long.class,
                "N",
                "Seed of every choice and value: the same seed replays the same sequences (random"
                    + " when not given; printed).",
                "--seed")
            .build());
    spec.addOption(
        value(
                int.class,
                "N",
                "The most calls in one sequence (default ${DEFAULT-VALUE}).",
                "--step-count")
            .defaultValue("6")
            .build());
    spec.addOption(
        value(
                int.class,
                "N",
                "How many sequences to run (default ${DEFAULT-VALUE}).",
                "--max-examples")
            .defaultValue("30")
            .build());
    spec.addOption(
        repeatable(
            String.class,
            "GLOB",
            "Only call operations matching: a glob on the operationId or \"METHOD /path\""
                + " (repeatable).",
            "--include"));
    spec.addOption(
        repeatable(
            String.class, "GLOB", "Never call operations matching (repeatable).", "--exclude"));
    spec.addOption(
        value(
                Path.class,
                "FILE",
                "A transitions file (YAML or JSON) adding which call may follow which.",
                "--transitions")
            .build());
    spec.addOption(
        value(
                String.class,
                "URL",
                "Receives POST {\"state\", \"params\", \"action\": \"setup\"|\"teardown\"} around"
                    + " each sequence, so that each starts from the same state.",
                "--state-change-url")
            .build());
    spec.addOption(
        value(
                String.class,
                "NAME",
                "The state name sent to --state-change-url (default \"${DEFAULT-VALUE}\").",
                "--reset-state")
            .defaultValue("a fresh state")
            .build());
    spec.addOption(
        value(
                long.class,
                "MILLIS",
                "How long one call may take in milliseconds (default ${DEFAULT-VALUE}).",
                "--timeout-per-step")
            .defaultValue("10000")
            .build());
    spec.addOption(
        value(
                Long.class,
                "MILLIS",
                "Time budget of the whole exploration in milliseconds; no sequence starts after it.",
                "--timeout-total")
            .build());
    spec.addOption(
        flag("Stop after the first failing sequence (it is still shrunk).", "--fail-fast"));
    spec.addOption(
        flag("Print every sequence, state change, request and response.", "--verbose", "-v"));
    spec.addOption(ProviderRunOptions.header());
    spec.addOption(
        repeatable(
            String.class, "FORMAT", "Also write a report: json or html (repeatable).", "--report"));
    spec.addOption(ProviderRunOptions.reportDir());
    Options.standardHelp(spec);
    return spec;
  }

  private CommandSpec spec;

  private Path specFile;
  private String providerBaseUrl;
  private Long seed;
  private int stepCount;
  private int maxExamples;
  private List<String> includes;
  private List<String> excludes;
  private Path transitionsFile;
  private String stateChangeUrl;
  private String resetState;
  private long timeoutPerStep;
  private Long timeoutTotal;
  private boolean failFast;
  private boolean verbose;
  private List<String> headers;
  private List<String> reports;
  private Path reportDir;

  private ExploreCommand() {}

  /** The parsed values, into the fields {@link #call()} reads. */
  private void read() {
    specFile = positional(spec, 0);
    providerBaseUrl = get(spec, "--provider-base-url");
    seed = get(spec, "--seed");
    stepCount = get(spec, "--step-count");
    maxExamples = get(spec, "--max-examples");
    includes = list(spec, "--include");
    excludes = list(spec, "--exclude");
    transitionsFile = get(spec, "--transitions");
    stateChangeUrl = get(spec, "--state-change-url");
    resetState = get(spec, "--reset-state");
    timeoutPerStep = get(spec, "--timeout-per-step");
    timeoutTotal = get(spec, "--timeout-total");
    failFast = isSet(spec, "--fail-fast");
    verbose = isSet(spec, "--verbose");
    headers = list(spec, "--header");
    reports = list(spec, "--report");
    reportDir = get(spec, "--report-dir");
  }

  @Override
  public Integer call() {
    read();
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
