package dev.accord.cli.verify;

import static dev.accord.cli.internal.Options.flag;
import static dev.accord.cli.internal.Options.get;
import static dev.accord.cli.internal.Options.isSet;
import static dev.accord.cli.internal.Options.list;
import static dev.accord.cli.internal.Options.repeatable;
import static dev.accord.cli.internal.Options.value;

import dev.accord.broker.client.ConsumerVersionSelector;
import dev.accord.broker.client.PactBrokerClient;
import dev.accord.cli.internal.Options;
import dev.accord.cli.internal.ProviderRunOptions;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code accord verify}: replays pacts against a running provider. Exit code 0 when every
 * non-pending interaction passed, 1 when one failed or the verification could not run, 2 on usage
 * errors.
 *
 * <p>Its options are declared in code ({@link #spec()}), not with annotations: see {@link Options}.
 */
public final class VerifyCommand implements Callable<Integer> {

  /** This command's options, in the order {@code accord verify --help} lists them. */
  public static CommandSpec spec() {
    VerifyCommand command = new VerifyCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("verify");
    command.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .description(
            "Verify a provider against its pacts: set up each provider state, replay the request "
                + "(or ask for the message), match the response, tear the state down.",
            "Exit codes: 0 all non-pending interactions passed, 1 failures, 2 usage errors.");
    spec.addOption(repeatable(Path.class, "FILE", "A pact file (repeatable).", "--pact-file"));
    spec.addOption(
        repeatable(
            Path.class, "DIR", "A directory of *.json pact files (repeatable).", "--pact-dir"));
    spec.addOption(
        repeatable(
            String.class,
            "URL",
            "A pact URL (repeatable); fetched with the broker credentials when given.",
            "--pact-url"));
    spec.addOption(
        value(
                String.class,
                "URL",
                "Pact Broker base URL (env PACT_BROKER_BASE_URL).",
                "--broker-url")
            .defaultValue("${env:PACT_BROKER_BASE_URL}")
            .build());
    spec.addOption(
        value(
                String.class,
                "TOKEN",
                "Bearer token for the broker (env PACT_BROKER_TOKEN).",
                "--broker-token")
            .defaultValue("${env:PACT_BROKER_TOKEN}")
            .build());
    spec.addOption(
        value(
                String.class,
                "USER",
                "Basic auth user for the broker (env PACT_BROKER_USERNAME).",
                "--broker-username")
            .defaultValue("${env:PACT_BROKER_USERNAME}")
            .build());
    spec.addOption(
        value(
                String.class,
                "PASSWORD",
                "Basic auth password for the broker (env PACT_BROKER_PASSWORD).",
                "--broker-password")
            .defaultValue("${env:PACT_BROKER_PASSWORD}")
            .build());
    spec.addOption(
        value(String.class, "NAME", "The provider's name as the pacts give it.", "--provider")
            .required(true)
            .build());
    spec.addOption(
        value(
                String.class,
                "URL",
                "Where the provider listens; message pacts are requested from it with POST.",
                "--provider-base-url")
            .build());
    spec.addOption(
        value(
                String.class,
                "URL",
                "Receives POST {\"state\", \"params\", \"action\": \"setup\"|\"teardown\"} around each"
                    + " interaction.",
                "--state-change-url")
            .build());
    spec.addOption(
        repeatable(
            String.class,
            "JSON",
            "A consumer version selector as JSON, e.g. {\"mainBranch\":true} (repeatable; broker only).",
            "--consumer-version-selectors"));
    spec.addOption(
        flag("Pending pacts do not fail the verification (broker only).", "--enable-pending"));
    spec.addOption(
        value(
                String.class,
                "DATE",
                "Also verify work-in-progress pacts since this date, e.g. 2026-01-01 (broker only).",
                "--include-wip-pacts-since")
            .build());
    spec.addOption(
        flag("Publish the results to the broker (needs --provider-version).", "--publish"));
    spec.addOption(
        value(
                String.class,
                "VERSION",
                "The provider version results are published under: use the git SHA.",
                "--provider-version")
            .build());
    spec.addOption(
        value(String.class, "BRANCH", "The provider's git branch.", "--provider-branch").build());
    spec.addOption(
        value(
                String.class,
                "URL",
                "Link to the CI build, published with the results.",
                "--build-url")
            .build());
    spec.addOption(
        repeatable(
            String.class,
            "PATTERN",
            "Only consumers matching: exact name, glob (web-*) or whole-name regex (repeatable).",
            "--filter-consumer"));
    spec.addOption(
        repeatable(
            String.class,
            "PATTERN",
            "Skip consumers matching: exact name, glob or whole-name regex (repeatable).",
            "--exclude-consumer"));
    spec.addOption(
        repeatable(
            String.class,
            "REGEX",
            "Only interactions whose description matches (repeatable: any of them).",
            "--filter-description"));
    spec.addOption(
        repeatable(
            String.class,
            "REGEX",
            "Skip interactions whose description matches (repeatable).",
            "--exclude-description"));
    spec.addOption(
        repeatable(
            String.class,
            "REGEX",
            "Only interactions with a provider state matching (\"\" = interactions without states;"
                + " repeatable).",
            "--filter-state"));
    spec.addOption(
        repeatable(
            String.class,
            "REGEX",
            "Skip interactions with a provider state matching (\"\" = those without states;"
                + " repeatable).",
            "--exclude-state"));
    spec.addOption(
        repeatable(
            String.class,
            "PATTERN",
            "Only interactions whose V4 key matches: exact, glob or whole-key regex (repeatable).",
            "--filter-key"));
    spec.addOption(
        repeatable(
            String.class,
            "PATTERN",
            "Skip interactions whose V4 key matches (repeatable).",
            "--exclude-key"));
    spec.addOption(
        flag(
            "Only the interactions that failed in the previous JSON report of --report-dir.",
            "--last-failed"));
    spec.addOption(
        flag(
            "Pass when the filters select nothing or no pact is found (default: exit 1 naming each"
                + " filter).",
            "--allow-empty",
            "--ignore-no-pacts-error"));
    spec.addOption(flag("Stop at the first failing interaction.", "--fail-fast"));
    spec.addOption(
        value(Integer.class, "N", "Stop after N failing interactions.", "--max-failures").build());
    spec.addOption(
        value(
                Long.class,
                "MILLIS",
                "Time budget for the whole run in milliseconds; what is left is reported as not run.",
                "--timeout-total")
            .build());
    spec.addOption(
        value(
                int.class,
                "K",
                "Stop the run when K interactions in a row time out (a hung provider); 0 = never "
                    + "(default ${DEFAULT-VALUE}).",
                "--max-consecutive-timeouts")
            .defaultValue("3")
            .build());
    spec.addOption(
        value(
                long.class,
                "MILLIS",
                "Timeout per request and state change in milliseconds (default ${DEFAULT-VALUE}).",
                "--request-timeout")
            .defaultValue("10000")
            .build());
    spec.addOption(
        flag(
            "Print every state-change call and every request and response (credentials redacted,"
                + " bodies cut after 1000 characters).",
            "--verbose",
            "-v"));
    spec.addOption(ProviderRunOptions.header());
    spec.addOption(
        flag(
            "Send state, action and params as query parameters of the state-change POST, with no"
                + " body.",
            "--state-change-as-query"));
    spec.addOption(ProviderRunOptions.noStateChangeTeardown());
    spec.addOption(
        repeatable(
            String.class,
            "FORMAT",
            "Also write a report: junit, json or html (repeatable).",
            "--report"));
    spec.addOption(ProviderRunOptions.reportDir());
    spec.addOption(ProviderRunOptions.seed());
    spec.addOption(
        flag(
            "Only run each provider state's setup and teardown and report which fail; no requests.",
            "--states-only"));
    Options.standardHelp(spec);
    return spec;
  }

  private CommandSpec spec;

  private List<Path> pactFiles;
  private List<Path> pactDirs;
  private List<String> pactUrls;
  private String brokerUrl;
  private String brokerToken;
  private String brokerUsername;
  private String brokerPassword;
  private String provider;
  private String providerBaseUrl;
  private String stateChangeUrl;
  private List<String> consumerVersionSelectors;
  private boolean enablePending;
  private String includeWipPactsSince;
  private boolean publish;
  private String providerVersion;
  private String providerBranch;
  private String buildUrl;
  private List<String> filterConsumers;
  private List<String> excludeConsumers;
  private List<String> filterDescriptions;
  private List<String> excludeDescriptions;
  private List<String> filterStates;
  private List<String> excludeStates;
  private List<String> filterKeys;
  private List<String> excludeKeys;
  private boolean lastFailed;
  private boolean allowEmpty;
  private boolean failFast;
  private Integer maxFailures;
  private Long timeoutTotalMillis;
  private int maxConsecutiveTimeouts;
  private long requestTimeoutMillis;
  private boolean verbose;
  private List<String> headers;
  private boolean stateChangeAsQuery;
  private boolean noStateChangeTeardown;
  private List<String> reports;
  private Path reportDir;
  private Long seed;
  private boolean statesOnly;

  private VerifyCommand() {}

  /** The parsed values, into the fields {@link #configure()} reads. */
  private void read() {
    pactFiles = list(spec, "--pact-file");
    pactDirs = list(spec, "--pact-dir");
    pactUrls = list(spec, "--pact-url");
    brokerUrl = get(spec, "--broker-url");
    brokerToken = get(spec, "--broker-token");
    brokerUsername = get(spec, "--broker-username");
    brokerPassword = get(spec, "--broker-password");
    provider = get(spec, "--provider");
    providerBaseUrl = get(spec, "--provider-base-url");
    stateChangeUrl = get(spec, "--state-change-url");
    consumerVersionSelectors = list(spec, "--consumer-version-selectors");
    enablePending = isSet(spec, "--enable-pending");
    includeWipPactsSince = get(spec, "--include-wip-pacts-since");
    publish = isSet(spec, "--publish");
    providerVersion = get(spec, "--provider-version");
    providerBranch = get(spec, "--provider-branch");
    buildUrl = get(spec, "--build-url");
    filterConsumers = list(spec, "--filter-consumer");
    excludeConsumers = list(spec, "--exclude-consumer");
    filterDescriptions = list(spec, "--filter-description");
    excludeDescriptions = list(spec, "--exclude-description");
    filterStates = list(spec, "--filter-state");
    excludeStates = list(spec, "--exclude-state");
    filterKeys = list(spec, "--filter-key");
    excludeKeys = list(spec, "--exclude-key");
    lastFailed = isSet(spec, "--last-failed");
    allowEmpty = isSet(spec, "--allow-empty");
    failFast = isSet(spec, "--fail-fast");
    maxFailures = get(spec, "--max-failures");
    timeoutTotalMillis = get(spec, "--timeout-total");
    maxConsecutiveTimeouts = get(spec, "--max-consecutive-timeouts");
    requestTimeoutMillis = get(spec, "--request-timeout");
    verbose = isSet(spec, "--verbose");
    headers = list(spec, "--header");
    stateChangeAsQuery = isSet(spec, "--state-change-as-query");
    noStateChangeTeardown = isSet(spec, "--no-state-change-teardown");
    reports = list(spec, "--report");
    reportDir = get(spec, "--report-dir");
    seed = get(spec, "--seed");
    statesOnly = isSet(spec, "--states-only");
  }

  @Override
  public Integer call() {
    read();
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
