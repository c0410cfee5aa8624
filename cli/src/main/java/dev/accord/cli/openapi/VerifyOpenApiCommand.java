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
import dev.accord.contract.conformance.ConformanceReport;
import dev.accord.contract.conformance.OpenApiVerifier;
import dev.accord.contract.openapi.OpenApiDocumentException;
import dev.accord.verifier.ReportFormat;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code accord verify-openapi spec.yaml --provider-base-url http://127.0.0.1:8080
 * --state-change-url ...}: the running provider against its OpenAPI document, one independent case
 * per operation and documented response, each from its own provider state. Exit 0 when the provider
 * conforms, 1 when a case fails, 2 for a usage error.
 */
public final class VerifyOpenApiCommand implements Callable<Integer> {

  /** The command, ready to register. */
  public static CommandSpec spec() {
    VerifyOpenApiCommand command = new VerifyOpenApiCommand();
    CommandSpec spec =
        Options.command(
            command,
            "verify-openapi",
            "Verify a running provider against its OpenAPI document (3.0 or 3.1), state by state:",
            "one case per operation and documented response, each from its own provider state (x-provider-state in",
            "the document, or --cases), the response validated against the document.",
            "Exit 0 when the provider conforms, 1 when a case fails.");
    command.spec = spec;
    spec.addPositional(
        parameter(Path.class, "SPEC", "The provider's OpenAPI document (YAML or JSON).")
            .index("0")
            .build());
    spec.addOption(
        value(
                String.class,
                "URL",
                "Where the provider listens, e.g. http://127.0.0.1:8080.",
                "--provider-base-url")
            .required(true)
            .build());
    spec.addOption(
        value(
                String.class,
                "URL",
                "The provider's state-change endpoint (the same protocol as pact verification).",
                "--state-change-url")
            .build());
    spec.addOption(
        flag(
            "Send state, action and params as query parameters instead of a JSON body.",
            "--state-change-as-query"));
    spec.addOption(ProviderRunOptions.noStateChangeTeardown());
    spec.addOption(
        value(
                Path.class,
                "FILE",
                "A cases file (YAML or JSON): operation and status to state, params and request"
                    + " values.",
                "--cases")
            .build());
    spec.addOption(
        repeatable(
            String.class,
            "GLOB",
            "Only operations whose operationId or 'METHOD /path' matches (repeatable; * any text).",
            "--operation"));
    spec.addOption(
        repeatable(
            String.class,
            "STATUS",
            "Only these documented responses: 200, 2XX, default (repeatable; * any text).",
            "--status"));
    spec.addOption(
        repeatable(
            String.class, "REGEX", "Only cases with a state matching (repeatable).", "--state"));
    spec.addOption(flag("Stop at the first failing case.", "--fail-fast"));
    spec.addOption(
        value(Integer.class, "N", "Stop after N failing cases.", "--max-failures").build());
    spec.addOption(
        value(
                long.class,
                "MILLIS",
                "How long a request or state change may take (default ${DEFAULT-VALUE}).",
                "--timeout-per-case")
            .defaultValue("10000")
            .build());
    spec.addOption(
        value(
                Long.class,
                "MILLIS",
                "A budget for the whole run; cases not started in time are reported as not run.",
                "--timeout-total")
            .build());
    spec.addOption(flag("Print every state change, request and response.", "--verbose", "-v"));
    spec.addOption(ProviderRunOptions.seed());
    spec.addOption(ProviderRunOptions.header());
    spec.addOption(
        repeatable(
            String.class,
            "FORMAT",
            "Also write a report: json (the self-verification result), junit or html"
                + " (repeatable).",
            "--report"));
    spec.addOption(ProviderRunOptions.reportDir());
    Options.standardHelp(spec);
    return spec;
  }

  private CommandSpec spec;

  private Path specFile;
  private String providerBaseUrl;
  private String stateChangeUrl;
  private boolean stateChangeAsQuery;
  private boolean noStateChangeTeardown;
  private Path casesFile;
  private List<String> operations;
  private List<String> statuses;
  private List<String> states;
  private boolean failFast;
  private Integer maxFailures;
  private long timeoutPerCaseMillis;
  private Long timeoutTotalMillis;
  private boolean verbose;
  private Long seed;
  private List<String> headers;
  private List<String> reports;
  private Path reportDir;

  private VerifyOpenApiCommand() {}

  /** The parsed values, into the fields {@link #configure()} reads. */
  private void read() {
    specFile = positional(spec, 0);
    providerBaseUrl = get(spec, "--provider-base-url");
    stateChangeUrl = get(spec, "--state-change-url");
    stateChangeAsQuery = isSet(spec, "--state-change-as-query");
    noStateChangeTeardown = isSet(spec, "--no-state-change-teardown");
    casesFile = get(spec, "--cases");
    operations = list(spec, "--operation");
    statuses = list(spec, "--status");
    states = list(spec, "--state");
    failFast = isSet(spec, "--fail-fast");
    maxFailures = get(spec, "--max-failures");
    timeoutPerCaseMillis = get(spec, "--timeout-per-case");
    timeoutTotalMillis = get(spec, "--timeout-total");
    verbose = isSet(spec, "--verbose");
    seed = get(spec, "--seed");
    headers = list(spec, "--header");
    reports = list(spec, "--report");
    reportDir = get(spec, "--report-dir");
  }

  @Override
  public Integer call() {
    read();
    OpenApiVerifier verifier = configure();
    PrintWriter out = spec.commandLine().getOut();
    verifier.output(new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8));
    verifier.colour(System.console() != null && System.getenv("NO_COLOR") == null);
    ConformanceReport report = verifier.verify();
    return report.passed() ? AccordCommand.OK : AccordCommand.FAILURE;
  }

  OpenApiVerifier configure() {
    if (!Files.isRegularFile(specFile)) {
      throw usage(specFile + ": no such file; give the provider's OpenAPI document");
    }
    OpenApiVerifier v;
    try {
      v = OpenApiVerifier.forDocument(specFile);
      v.providerBaseUrl(providerBaseUrl);
      if (stateChangeUrl != null && !stateChangeUrl.isBlank()) {
        v.stateChangeUrl(stateChangeUrl);
      }
    } catch (OpenApiDocumentException | IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if ((stateChangeAsQuery || noStateChangeTeardown)
        && (stateChangeUrl == null || stateChangeUrl.isBlank())) {
      throw usage("--state-change-as-query and --no-state-change-teardown need --state-change-url");
    }
    if (stateChangeAsQuery) {
      v.stateChangeAsQuery();
    }
    if (noStateChangeTeardown) {
      v.noStateChangeTeardown();
    }
    if (casesFile != null) {
      if (!Files.isRegularFile(casesFile)) {
        throw usage("--cases " + casesFile + ": no such file");
      }
      try {
        v.cases(casesFile);
        v.cases(); // checks the file against the document now: a usage error, not a failed run
      } catch (IllegalArgumentException e) {
        throw usage("--cases " + e.getMessage());
      }
    }
    v.filterOperation(operations.toArray(String[]::new));
    v.filterStatus(statuses.toArray(String[]::new));
    try {
      v.filterState(states.toArray(String[]::new));
    } catch (java.util.regex.PatternSyntaxException e) {
      throw usage("--state: not a regular expression: " + e.getMessage());
    }
    if (failFast) {
      v.failFast();
    }
    if (maxFailures != null) {
      if (maxFailures < 1) {
        throw usage(
            "--max-failures must be 1 or more, was "
                + maxFailures
                + " (--fail-fast is --max-failures 1)");
      }
      v.maxFailures(maxFailures);
    }
    if (timeoutPerCaseMillis <= 0) {
      throw usage(
          "--timeout-per-case must be a positive number of milliseconds, was "
              + timeoutPerCaseMillis);
    }
    v.timeoutPerCase(Duration.ofMillis(timeoutPerCaseMillis));
    if (timeoutTotalMillis != null) {
      if (timeoutTotalMillis <= 0) {
        throw usage(
            "--timeout-total must be a positive number of milliseconds, was " + timeoutTotalMillis);
      }
      v.totalTimeout(Duration.ofMillis(timeoutTotalMillis));
    }
    if (verbose) {
      v.verbose();
    }
    if (seed != null) {
      v.seed(seed);
    }
    for (String h : headers) {
      int colon = h.indexOf(':');
      int equals = h.indexOf('=');
      int at = colon > 0 ? colon : equals;
      if (at <= 0) {
        throw usage(
            "--header '" + h + "': give it as 'Name: value', e.g. --header 'X-Api-Key: abc123'");
      }
      v.header(h.substring(0, at).trim(), h.substring(at + 1).trim());
    }
    if (!reports.isEmpty()) {
      List<ReportFormat> formats = new ArrayList<>();
      for (String r : reports) {
        switch (r.toLowerCase(Locale.ROOT)) {
          case "junit", "xml" -> formats.add(ReportFormat.JUNIT);
          case "json" -> formats.add(ReportFormat.JSON);
          case "html" -> formats.add(ReportFormat.HTML);
          default -> throw usage("--report " + r + ": use json, junit or html");
        }
      }
      v.reports(reportDir, formats.toArray(ReportFormat[]::new));
    }
    return v;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Bridges the verifier's PrintStream to picocli's writer (UTF-8). */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      buffer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
    }

    @Override
    public void flush() {
      writer.write(buffer.toString(StandardCharsets.UTF_8));
      buffer.reset();
      writer.flush();
    }
  }
}
