package dev.accord.cli.verify;

import dev.accord.broker.client.ConsumerVersionSelector;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.verifier.BrokerPactSource;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.ProviderVerifier;
import dev.accord.verifier.ReportFormat;
import dev.accord.verifier.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code accord verify}: replays pacts against a running provider. Exit code 0 when every
 * non-pending interaction passed, 1 when one failed or the verification could not run, 2 on usage
 * errors.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Verify a provider against its pacts: set up each provider state, replay the request "
          + "(or ask for the message), match the response, tear the state down.",
      "Exit codes: 0 all non-pending interactions passed, 1 failures, 2 usage errors."
    })
public final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--pact-file", paramLabel = "FILE", description = "A pact file (repeatable).")
  List<Path> pactFiles = new ArrayList<>();

  @Option(
      names = "--pact-dir",
      paramLabel = "DIR",
      description = "A directory of *.json pact files (repeatable).")
  List<Path> pactDirs = new ArrayList<>();

  @Option(
      names = "--pact-url",
      paramLabel = "URL",
      description = "A pact URL (repeatable); fetched with the broker " + "credentials when given.")
  List<String> pactUrls = new ArrayList<>();

  @Option(
      names = "--broker-url",
      paramLabel = "URL",
      defaultValue = "${env:PACT_BROKER_BASE_URL}",
      description = "Pact Broker base URL (env PACT_BROKER_BASE_URL).")
  String brokerUrl;

  @Option(
      names = "--broker-token",
      paramLabel = "TOKEN",
      defaultValue = "${env:PACT_BROKER_TOKEN}",
      description = "Bearer token for the broker (env PACT_BROKER_TOKEN).")
  String brokerToken;

  @Option(
      names = "--broker-username",
      paramLabel = "USER",
      defaultValue = "${env:PACT_BROKER_USERNAME}",
      description = "Basic auth user for the broker (env PACT_BROKER_USERNAME).")
  String brokerUsername;

  @Option(
      names = "--broker-password",
      paramLabel = "PASSWORD",
      defaultValue = "${env:PACT_BROKER_PASSWORD}",
      description = "Basic auth password for the broker (env PACT_BROKER_PASSWORD).")
  String brokerPassword;

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      required = true,
      description = "The provider's name as the pacts give it.")
  String provider;

  @Option(
      names = "--provider-base-url",
      paramLabel = "URL",
      description = "Where the provider listens; message pacts are requested from it with POST.")
  String providerBaseUrl;

  @Option(
      names = "--state-change-url",
      paramLabel = "URL",
      description =
          "Receives POST {\"state\", \"params\", \"action\": \"setup\"|\"teardown\"} around each interaction.")
  String stateChangeUrl;

  @Option(
      names = "--consumer-version-selectors",
      paramLabel = "JSON",
      description =
          "A consumer version selector as JSON, e.g. {\"mainBranch\":true} (repeatable; broker only).")
  List<String> consumerVersionSelectors = new ArrayList<>();

  @Option(
      names = "--enable-pending",
      description = "Pending pacts do not fail the verification (broker only).")
  boolean enablePending;

  @Option(
      names = "--include-wip-pacts-since",
      paramLabel = "DATE",
      description =
          "Also verify work-in-progress pacts since this date, e.g. 2026-01-01 (broker only).")
  String includeWipPactsSince;

  @Option(
      names = "--publish",
      description = "Publish the results to the broker (needs --provider-version).")
  boolean publish;

  @Option(
      names = "--provider-version",
      paramLabel = "VERSION",
      description = "The provider version results are published under: use the git SHA.")
  String providerVersion;

  @Option(
      names = "--provider-branch",
      paramLabel = "BRANCH",
      description = "The provider's git branch.")
  String providerBranch;

  @Option(
      names = "--build-url",
      paramLabel = "URL",
      description = "Link to the CI build, published with the results.")
  String buildUrl;

  @Option(
      names = "--filter-consumer",
      paramLabel = "PATTERN",
      description =
          "Only consumers matching: exact name, glob (web-*) or whole-name regex (repeatable).")
  List<String> filterConsumers = new ArrayList<>();

  @Option(
      names = "--exclude-consumer",
      paramLabel = "PATTERN",
      description = "Skip consumers matching: exact name, glob or whole-name regex (repeatable).")
  List<String> excludeConsumers = new ArrayList<>();

  @Option(
      names = "--filter-description",
      paramLabel = "REGEX",
      description = "Only interactions whose description matches (repeatable: any of them).")
  List<String> filterDescriptions = new ArrayList<>();

  @Option(
      names = "--exclude-description",
      paramLabel = "REGEX",
      description = "Skip interactions whose description matches (repeatable).")
  List<String> excludeDescriptions = new ArrayList<>();

  @Option(
      names = "--filter-state",
      paramLabel = "REGEX",
      description =
          "Only interactions with a provider state matching (\"\" = interactions without states; repeatable).")
  List<String> filterStates = new ArrayList<>();

  @Option(
      names = "--exclude-state",
      paramLabel = "REGEX",
      description =
          "Skip interactions with a provider state matching (\"\" = those without states; repeatable).")
  List<String> excludeStates = new ArrayList<>();

  @Option(
      names = "--filter-key",
      paramLabel = "PATTERN",
      description =
          "Only interactions whose V4 key matches: exact, glob or whole-key regex (repeatable).")
  List<String> filterKeys = new ArrayList<>();

  @Option(
      names = "--exclude-key",
      paramLabel = "PATTERN",
      description = "Skip interactions whose V4 key matches (repeatable).")
  List<String> excludeKeys = new ArrayList<>();

  @Option(
      names = "--last-failed",
      description =
          "Only the interactions that failed in the previous JSON report of --report-dir.")
  boolean lastFailed;

  @Option(
      names = {"--allow-empty", "--ignore-no-pacts-error"},
      description =
          "Pass when the filters select nothing or no pact is found (default: exit 1 naming each filter).")
  boolean allowEmpty;

  @Option(names = "--fail-fast", description = "Stop at the first failing interaction.")
  boolean failFast;

  @Option(
      names = "--max-failures",
      paramLabel = "N",
      description = "Stop after N failing interactions.")
  Integer maxFailures;

  @Option(
      names = "--timeout-total",
      paramLabel = "MILLIS",
      description =
          "Time budget for the whole run in milliseconds; what is left is reported as not run.")
  Long timeoutTotalMillis;

  @Option(
      names = "--max-consecutive-timeouts",
      paramLabel = "K",
      defaultValue = "3",
      description =
          "Stop the run when K interactions in a row time out (a hung provider); 0 = never "
              + "(default ${DEFAULT-VALUE}).")
  int maxConsecutiveTimeouts;

  @Option(
      names = "--request-timeout",
      paramLabel = "MILLIS",
      defaultValue = "10000",
      description =
          "Timeout per request and state change in milliseconds (default ${DEFAULT-VALUE}).")
  long requestTimeoutMillis;

  @Option(
      names = {"--verbose", "-v"},
      description =
          "Print every state-change call and every request and response (credentials redacted, bodies cut "
              + "after 1000 characters).")
  boolean verbose;

  @Option(
      names = {"--header", "--custom-header"},
      paramLabel = "'NAME: VALUE'",
      description = "Add (or replace) a header on every request to the provider (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--state-change-as-query",
      description =
          "Send state, action and params as query parameters of the state-change POST, with no body.")
  boolean stateChangeAsQuery;

  @Option(
      names = "--no-state-change-teardown",
      description = "Send no teardown calls to the state-change URL.")
  boolean noStateChangeTeardown;

  @Option(
      names = "--report",
      paramLabel = "FORMAT",
      description = "Also write a report: junit, json or html (repeatable).")
  List<String> reports = new ArrayList<>();

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      defaultValue = "accord-reports",
      description = "Where reports go (default ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed for generated values, to replay a run exactly.")
  Long seed;

  @Option(
      names = "--states-only",
      description =
          "Only run each provider state's setup and teardown and report which fail; no requests.")
  boolean statesOnly;

  @Override
  public Integer call() {
    ProviderVerifier verifier = configure();
    verifier.output(
        new java.io.PrintStream(
            new WriterStream(spec.commandLine().getOut()),
            true,
            java.nio.charset.StandardCharsets.UTF_8));
    verifier.colour(System.console() != null && System.getenv("NO_COLOR") == null);
    VerificationReport report = statesOnly ? verifier.verifyStates() : verifier.verify();
    return report.passed() ? 0 : 1;
  }

  ProviderVerifier configure() {
    if (pactFiles.isEmpty() && pactDirs.isEmpty() && pactUrls.isEmpty() && isBlank(brokerUrl)) {
      throw usage("No pacts to verify: give --pact-file, --pact-dir, --pact-url or --broker-url");
    }
    if (!statesOnly && isBlank(providerBaseUrl)) {
      throw usage(
          "--provider-base-url is required (where the provider listens, e.g. http://localhost:8080)");
    }
    if (statesOnly && isBlank(stateChangeUrl)) {
      throw usage("--states-only needs --state-change-url");
    }
    if (publish && isBlank(providerVersion)) {
      throw usage(
          "--publish needs --provider-version (use the git SHA: --provider-version $(git rev-parse HEAD))");
    }
    if (publish && isBlank(brokerUrl)) {
      throw usage(
          "--publish needs --broker-url (results are published to the broker the pacts came from)");
    }
    if (!isBlank(brokerToken) && !isBlank(brokerUsername)) {
      throw usage("Give either --broker-token or --broker-username/--broker-password, not both");
    }
    if (isBlank(brokerUrl)
        && (!consumerVersionSelectors.isEmpty() || enablePending || includeWipPactsSince != null)) {
      throw usage(
          "--consumer-version-selectors, --enable-pending and --include-wip-pacts-since need --broker-url");
    }
    if (requestTimeoutMillis <= 0) {
      throw usage(
          "--request-timeout must be a positive number of milliseconds, was "
              + requestTimeoutMillis);
    }
    ProviderVerifier v;
    try {
      v = ProviderVerifier.forProvider(provider);
      if (!isBlank(providerBaseUrl)) {
        v.baseUrl(providerBaseUrl);
      }
      if (!isBlank(stateChangeUrl)) {
        v.stateChangeUrl(stateChangeUrl);
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    v.requestTimeout(Duration.ofMillis(requestTimeoutMillis));
    pactFiles.forEach(f -> v.pactsFrom(PactSource.file(f)));
    pactDirs.forEach(d -> v.pactsFrom(PactSource.directory(d)));
    dev.accord.verifier.Credentials credentials =
        !isBlank(brokerToken)
            ? dev.accord.verifier.Credentials.bearer(brokerToken)
            : !isBlank(brokerUsername)
                ? dev.accord.verifier.Credentials.basic(brokerUsername, nullToEmpty(brokerPassword))
                : dev.accord.verifier.Credentials.none();
    pactUrls.forEach(u -> v.pactsFrom(PactSource.url(u, credentials)));
    if (!isBlank(brokerUrl)) {
      v.pactsFrom(brokerSource());
    }
    if (publish) {
      v.publishResults(providerVersion, providerBranch, buildUrl);
    }
    try {
      v.filterConsumer(filterConsumers.toArray(String[]::new));
      v.excludeConsumer(excludeConsumers.toArray(String[]::new));
      v.filterDescription(filterDescriptions.toArray(String[]::new));
      v.excludeDescription(excludeDescriptions.toArray(String[]::new));
      v.filterState(filterStates.toArray(String[]::new));
      v.excludeState(excludeStates.toArray(String[]::new));
      v.filterKey(filterKeys.toArray(String[]::new));
      v.excludeKey(excludeKeys.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (allowEmpty) {
      v.allowEmpty();
    }
    if (verbose) {
      v.verbose();
    }
    for (String h : headers) {
      int colon = h.indexOf(':');
      int equals = h.indexOf('=');
      int at = colon > 0 ? colon : equals; // 'Name: value', or the Rust verifier's NAME=VALUE
      if (at <= 0) {
        throw usage(
            "--header '" + h + "': give it as 'Name: value', e.g. --header 'X-Api-Key: abc123'");
      }
      try {
        v.header(h.substring(0, at).trim(), h.substring(at + 1).trim());
      } catch (IllegalArgumentException e) {
        throw usage("--header '" + h + "': " + e.getMessage());
      }
    }
    if (stateChangeAsQuery) {
      v.stateChangeAsQuery();
    }
    if (noStateChangeTeardown) {
      v.noStateChangeTeardown();
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
    if (timeoutTotalMillis != null) {
      if (timeoutTotalMillis <= 0) {
        throw usage(
            "--timeout-total must be a positive number of milliseconds, was " + timeoutTotalMillis);
      }
      v.totalTimeout(Duration.ofMillis(timeoutTotalMillis));
    }
    if (maxConsecutiveTimeouts < 0) {
      throw usage(
          "--max-consecutive-timeouts must be 0 (never stop) or more, was "
              + maxConsecutiveTimeouts);
    }
    v.maxConsecutiveTimeouts(maxConsecutiveTimeouts);
    if (seed != null) {
      v.seed(seed);
    }
    if (!reports.isEmpty()) {
      List<ReportFormat> formats = new ArrayList<>();
      for (String r : reports) {
        switch (r.toLowerCase(Locale.ROOT)) {
          case "junit", "xml" -> formats.add(ReportFormat.JUNIT);
          case "json" -> formats.add(ReportFormat.JSON);
          case "html" -> formats.add(ReportFormat.HTML);
          default -> throw usage("--report " + r + ": use junit, json or html");
        }
      }
      v.reports(reportDir, formats.toArray(ReportFormat[]::new));
    }
    if (lastFailed) {
      if (!reports.stream().anyMatch(r -> r.equalsIgnoreCase("json"))) {
        v.reports(reportDir, ReportFormat.JSON); // the next --last-failed reads what this run wrote
      }
      v.lastFailed();
    }
    return v;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private BrokerPactSource brokerSource() {
    PactBrokerClient.Builder client = PactBrokerClient.builder().baseUrl(brokerUrl.trim());
    if (!isBlank(brokerToken)) {
      client.bearerToken(brokerToken);
    } else if (!isBlank(brokerUsername)) {
      client.basicAuth(brokerUsername, nullToEmpty(brokerPassword));
    }
    BrokerPactSource source;
    try {
      source = BrokerPactSource.of(client.build());
    } catch (RuntimeException e) {
      throw usage("--broker-url " + brokerUrl + ": " + e.getMessage());
    }
    for (String json : consumerVersionSelectors) {
      try {
        source.selectors(ConsumerVersionSelector.fromJson(json));
      } catch (RuntimeException e) {
        throw usage(
            "--consumer-version-selectors '"
                + json
                + "': "
                + e.getMessage()
                + " (e.g. {\"mainBranch\": true} or {\"deployedOrReleased\": true})");
      }
    }
    if (!isBlank(providerBranch)) {
      source.providerBranch(providerBranch);
    }
    if (enablePending) {
      source.includePending();
    }
    if (includeWipPactsSince != null) {
      try {
        source.includeWipPactsSince(LocalDate.parse(includeWipPactsSince.trim()));
      } catch (DateTimeParseException e) {
        throw usage(
            "--include-wip-pacts-since '"
                + includeWipPactsSince
                + "' is not a date: use YYYY-MM-DD");
      }
    }
    return source;
  }

  /** Bridges the verifier's PrintStream to picocli's writer (UTF-8). */
  private static final class WriterStream extends java.io.OutputStream {
    private final java.io.PrintWriter writer;
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

    WriterStream(java.io.PrintWriter writer) {
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
      writer.write(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
      buffer.reset();
      writer.flush();
    }
  }
}
