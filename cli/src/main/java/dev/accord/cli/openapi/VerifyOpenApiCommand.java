package dev.accord.cli.openapi;

import dev.accord.cli.AccordCommand;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code accord verify-openapi spec.yaml --provider-base-url http://127.0.0.1:8080
 * --state-change-url ...}: the running provider against its OpenAPI document, one independent case
 * per operation and documented response, each from its own provider state. Exit 0 when the provider
 * conforms, 1 when a case fails, 2 for a usage error.
 */
@Command(
    name = "verify-openapi",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Verify a running provider against its OpenAPI document (3.0 or 3.1), state by state:",
      "one case per operation and documented response, each from its own provider state (x-provider-state in",
      "the document, or --cases), the response validated against the document.",
      "Exit 0 when the provider conforms, 1 when a case fails."
    })
public final class VerifyOpenApiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SPEC",
      description = "The provider's OpenAPI document (YAML or JSON).")
  Path specFile;

  @Option(
      names = "--provider-base-url",
      paramLabel = "URL",
      required = true,
      description = "Where the provider listens, e.g. http://127.0.0.1:8080.")
  String providerBaseUrl;

  @Option(
      names = "--state-change-url",
      paramLabel = "URL",
      description =
          "The provider's state-change endpoint (the same protocol as pact verification).")
  String stateChangeUrl;

  @Option(
      names = "--state-change-as-query",
      description = "Send state, action and params as query parameters instead of a JSON body.")
  boolean stateChangeAsQuery;

  @Option(
      names = "--no-state-change-teardown",
      description = "Send no teardown calls to the state-change URL.")
  boolean noStateChangeTeardown;

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      description =
          "A cases file (YAML or JSON): operation and status to state, params and request values.")
  Path casesFile;

  @Option(
      names = "--operation",
      paramLabel = "GLOB",
      description =
          "Only operations whose operationId or 'METHOD /path' matches (repeatable; * any text).")
  List<String> operations = new ArrayList<>();

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only these documented responses: 200, 2XX, default (repeatable; * any text).")
  List<String> statuses = new ArrayList<>();

  @Option(
      names = "--state",
      paramLabel = "REGEX",
      description = "Only cases with a state matching (repeatable).")
  List<String> states = new ArrayList<>();

  @Option(names = "--fail-fast", description = "Stop at the first failing case.")
  boolean failFast;

  @Option(names = "--max-failures", paramLabel = "N", description = "Stop after N failing cases.")
  Integer maxFailures;

  @Option(
      names = "--timeout-per-case",
      paramLabel = "MILLIS",
      defaultValue = "10000",
      description = "How long a request or state change may take (default ${DEFAULT-VALUE}).")
  long timeoutPerCaseMillis;

  @Option(
      names = "--timeout-total",
      paramLabel = "MILLIS",
      description =
          "A budget for the whole run; cases not started in time are reported as not run.")
  Long timeoutTotalMillis;

  @Option(
      names = {"--verbose", "-v"},
      description = "Print every state change, request and response.")
  boolean verbose;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed for generated values, to replay a run exactly.")
  Long seed;

  @Option(
      names = {"--header", "--custom-header"},
      paramLabel = "'NAME: VALUE'",
      description = "Add (or replace) a header on every request to the provider (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "FORMAT",
      description =
          "Also write a report: json (the self-verification result), junit or html (repeatable).")
  List<String> reports = new ArrayList<>();

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      defaultValue = "accord-reports",
      description = "Where reports go (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Override
  public Integer call() {
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
