package dev.accord.verifier;

import dev.accord.verifier.internal.Selection;
import dev.accord.verifier.internal.Settings;
import dev.accord.verifier.internal.Verification;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Verifies that a provider honours its pacts: for each interaction, sets up its provider states,
 * replays its request (or produces its message), matches what came back and tears the states down.
 *
 * <pre>{@code
 * VerificationReport report = ProviderVerifier.forProvider("products-service")
 *     .baseUrl("http://localhost:" + port)
 *     .pactsFrom(PactSource.directory(Path.of("target/pacts")))
 *     .stateChangeUrl("http://localhost:" + port + "/_pact/state")
 *     .requestFilter(r -> r.withHeaders(Headers.with(r.headers(), "Authorization", "Bearer test")))
 *     .verify();
 * report.assertPassed();
 * }</pre>
 *
 * Every interaction is verified (unless {@link #failFast()}); the report lists every failure and
 * ends with "N of M interactions failed". Interactions run one after the other, each from its own
 * states.
 */
public final class ProviderVerifier {
  private final Settings settings = new Settings();

  private ProviderVerifier(String provider) {
    settings.provider = provider;
  }

  /** Starts configuring the verification of the provider named as in the pacts. */
  public static ProviderVerifier forProvider(String provider) {
    Objects.requireNonNull(provider, "provider");
    if (provider.isBlank()) {
      throw new IllegalArgumentException(
          "The provider name is blank; use the name the pacts give the provider");
    }
    return new ProviderVerifier(provider);
  }

  /**
   * Where the provider listens, e.g. {@code http://localhost:8080}; request paths are appended to
   * it.
   */
  public ProviderVerifier baseUrl(String baseUrl) {
    settings.baseUrl = Settings.parseUrl(baseUrl, "baseUrl");
    return this;
  }

  public ProviderVerifier baseUrl(URI baseUrl) {
    return baseUrl(baseUrl.toString());
  }

  /** Adds pact sources; pacts for other providers are skipped with a note. */
  public ProviderVerifier pactsFrom(PactSource... sources) {
    for (PactSource s : sources) {
      settings.sources.add(Objects.requireNonNull(s, "source"));
      if (s instanceof BrokerPactSource broker) {
        settings.publisher = broker;
      }
    }
    return this;
  }

  /**
   * The provider's state-change endpoint: for each state of an interaction it receives {@code POST
   * {"state": ..., "params": {...}, "action": "setup"}}, and the same with {@code "teardown"}
   * afterwards. An interaction without states sends the state {@code ""}. A JSON object in the
   * response supplies values for {@code ProviderState} generators.
   */
  public ProviderVerifier stateChangeUrl(String url) {
    settings.stateChangeUrl = Settings.parseUrl(url, "stateChangeUrl");
    return this;
  }

  /** Objects whose {@link State @State} methods set up and tear down provider states. */
  public ProviderVerifier stateHandlers(Object... handlerObjects) {
    for (Object o : handlerObjects) {
      settings.stateHandlerObjects.add(Objects.requireNonNull(o, "handler object"));
    }
    return this;
  }

  /**
   * One function that handles every provider state (called with {@code ""} when an interaction has
   * none).
   */
  public ProviderVerifier stateHandler(StateChangeHandler handler) {
    settings.stateChangeHandler = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** Adds a filter applied to each request just before it is sent (auth headers and the like). */
  public ProviderVerifier requestFilter(RequestFilter filter) {
    settings.requestFilters.add(Objects.requireNonNull(filter, "filter"));
    return this;
  }

  /**
   * Adds (or replaces) a header on every request to the provider, after generators and before the
   * request filters; the reference verifiers' {@code --header} / {@code --custom-provider-header}.
   * State-change calls do not get it.
   */
  public ProviderVerifier header(String name, String value) {
    Objects.requireNonNull(value, "value");
    if (name == null
        || name.isBlank()
        || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
      throw new IllegalArgumentException(
          "header name '"
              + name
              + "' is not a valid HTTP header name;"
              + " give it as header(\"X-Api-Key\", \"...\") (CLI: --header 'X-Api-Key: ...')");
    }
    settings.extraHeaders.put(name, value);
    return this;
  }

  /**
   * Prints every state-change call and every request and response, as sent and received:
   * credentials (Authorization, Cookie, anything named like a token, key, secret or password)
   * redacted, bodies cut after 1,000 characters.
   */
  public ProviderVerifier verbose() {
    settings.verbose = true;
    return this;
  }

  /**
   * The state-change URL receives {@code POST ?state=...&action=setup&<param>=<value>} with no
   * body, for providers built for the reference (Rust) verifier's {@code --state-change-as-query}.
   * Values returned as JSON are still read.
   */
  public ProviderVerifier stateChangeAsQuery() {
    settings.stateChangeAsQuery = true;
    return this;
  }

  /**
   * The state-change URL receives no teardown calls (only setups), for providers built for
   * verifiers where teardown is opt-in (the reference verifier's default). In-process handlers are
   * still torn down.
   */
  public ProviderVerifier noStateChangeTeardown() {
    settings.stateChangeTeardown = false;
    return this;
  }

  /**
   * Adds lifecycle hooks: before and after the run, before and after each interaction (with its
   * state values and, after, its result). Hooks run in the order they were added; a {@link
   * RequestFilter} is the way to change requests.
   */
  public ProviderVerifier hook(VerificationHook hook) {
    settings.hooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** How long to wait for each response (and each state change); default 10 seconds. */
  public ProviderVerifier requestTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, was " + timeout);
    }
    settings.requestTimeout = timeout;
    return this;
  }

  /** Seed for random generators, so a failing run can be replayed with the same values. */
  public ProviderVerifier seed(long seed) {
    settings.seed = seed;
    return this;
  }

  /** Stops at the first failing interaction; the rest are reported as not run, with the reason. */
  public ProviderVerifier failFast() {
    settings.failFast = true;
    return this;
  }

  /**
   * Stops once {@code n} interactions failed (pending ones do not count); the rest are reported as
   * not run.
   */
  public ProviderVerifier maxFailures(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1, was " + n);
    }
    settings.maxFailures = n;
    return this;
  }

  /**
   * A time budget for the whole run: once it is used up, no further interaction starts (the one
   * running finishes, within its request timeout); the rest are reported as not run and the run
   * fails.
   */
  public ProviderVerifier totalTimeout(Duration budget) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("totalTimeout must be positive, was " + budget);
    }
    settings.totalTimeout = budget;
    return this;
  }

  /**
   * Stops the run with one error when {@code k} interactions in a row timed out (a provider that
   * accepts connections but never answers); default 3, 0 never stops.
   */
  public ProviderVerifier maxConsecutiveTimeouts(int k) {
    if (k < 0) {
      throw new IllegalArgumentException(
          "maxConsecutiveTimeouts must be 0 (never stop) or more, was " + k);
    }
    settings.maxConsecutiveTimeouts = k;
    return this;
  }

  /**
   * Verifies only pacts of consumers matching one of these patterns: the exact name, a glob ({@code
   * web-*}) or a regular expression matching the whole name ({@code web-(app|admin)}).
   */
  public ProviderVerifier filterConsumer(String... patterns) {
    return filter(Selection.Field.CONSUMER, false, patterns);
  }

  /** Skips pacts of consumers matching any of these patterns (as in {@link #filterConsumer}). */
  public ProviderVerifier excludeConsumer(String... patterns) {
    return filter(Selection.Field.CONSUMER, true, patterns);
  }

  /**
   * Verifies only interactions whose description matches one of these regular expressions (anywhere
   * in it).
   */
  public ProviderVerifier filterDescription(String... regexes) {
    return filter(Selection.Field.DESCRIPTION, false, regexes);
  }

  /** Skips interactions whose description matches any of these regular expressions. */
  public ProviderVerifier excludeDescription(String... regexes) {
    return filter(Selection.Field.DESCRIPTION, true, regexes);
  }

  /**
   * Verifies only interactions with a provider state matching one of these regular expressions; the
   * empty string selects interactions without states.
   */
  public ProviderVerifier filterState(String... regexes) {
    return filter(Selection.Field.STATE, false, regexes);
  }

  /**
   * Skips interactions with a provider state matching any of these ({@code ""}: skips those without
   * states).
   */
  public ProviderVerifier excludeState(String... regexes) {
    return filter(Selection.Field.STATE, true, regexes);
  }

  /**
   * Verifies only interactions whose V4 key matches one of these patterns (exact, glob or whole
   * regex).
   */
  public ProviderVerifier filterKey(String... patterns) {
    return filter(Selection.Field.KEY, false, patterns);
  }

  /** Skips interactions whose V4 key matches any of these patterns. */
  public ProviderVerifier excludeKey(String... patterns) {
    return filter(Selection.Field.KEY, true, patterns);
  }

  private ProviderVerifier filter(Selection.Field field, boolean exclude, String... patterns) {
    for (String p : patterns) {
      settings.selection.add(field, exclude, p);
    }
    return this;
  }

  /**
   * Verifies only the interactions that failed in the previous JSON report of the {@link #reports
   * report directory} (combined with the other filters).
   */
  public ProviderVerifier lastFailed() {
    settings.lastFailed = true;
    return this;
  }

  /**
   * A run whose filters select nothing, or that finds no pact for the provider, passes (with a
   * notice) instead of failing; the reference verifier's {@code --ignore-no-pacts-error}.
   */
  public ProviderVerifier allowEmpty() {
    settings.allowEmpty = true;
    return this;
  }

  /**
   * Objects whose {@link ProvidesMessage @ProvidesMessage} methods produce messages for message
   * pacts.
   */
  public ProviderVerifier messageProviders(Object... providerObjects) {
    for (Object o : providerObjects) {
      settings.messageProviderObjects.add(Objects.requireNonNull(o, "message provider"));
    }
    return this;
  }

  /** A function producing messages for message pacts. */
  public ProviderVerifier messageProducer(MessageProducer producer) {
    settings.messageProducers.add(Objects.requireNonNull(producer, "producer"));
    return this;
  }

  /** How objects returned by {@link ProvidesMessage @ProvidesMessage} methods become bytes. */
  public ProviderVerifier messageSerializer(MessageSerializer serializer) {
    settings.messageSerializer = Objects.requireNonNull(serializer, "serializer");
    return this;
  }

  /** Where console output goes (default {@code System.out}; colour only when it is a terminal). */
  public ProviderVerifier output(PrintStream out) {
    settings.out = Objects.requireNonNull(out, "out");
    settings.colour = false;
    return this;
  }

  /**
   * ANSI colour in the console output, on or off (default: on only for a terminal without {@code
   * NO_COLOR}).
   */
  public ProviderVerifier colour(boolean on) {
    settings.colour = on;
    return this;
  }

  /** Also writes these reports into {@code directory} (created if needed). */
  public ProviderVerifier reports(Path directory, ReportFormat... formats) {
    settings.reportDir = Objects.requireNonNull(directory, "directory");
    settings.reportFormats.addAll(List.of(formats));
    return this;
  }

  /**
   * Publishes the results to the broker the pacts came from, under the provider's version (its git
   * SHA), branch and build URL. A failure to publish makes the report fail.
   */
  public ProviderVerifier publishResults(String providerVersion, String branch, String buildUrl) {
    if (providerVersion == null || providerVersion.isBlank()) {
      throw new IllegalArgumentException(
          "publishResults needs the provider version (use the git SHA, e.g. $(git rev-parse HEAD))");
    }
    settings.publish = true;
    settings.providerVersion = providerVersion;
    settings.providerBranch = branch;
    settings.buildUrl = buildUrl;
    return this;
  }

  /**
   * Replays every interaction and returns what it found; never throws for a failing interaction.
   */
  public VerificationReport verify() {
    settings.statesOnly = false;
    return new Verification(settings.validated(false)).run();
  }

  /**
   * States-only mode: runs every provider state's setup and teardown, without replaying requests,
   * and reports which fail. Checks that a state endpoint or the handlers really work.
   */
  public VerificationReport verifyStates() {
    settings.statesOnly = true;
    return new Verification(settings.validated(true)).run();
  }
}
