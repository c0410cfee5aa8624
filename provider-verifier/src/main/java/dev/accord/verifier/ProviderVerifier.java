package dev.accord.verifier;

import dev.accord.verifier.internal.Settings;
import dev.accord.verifier.internal.Verification;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies that a provider honours its pacts: for each interaction, sets up its provider states, replays
 * its request (or produces its message), matches what came back and tears the states down.
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
 * Every interaction is verified (unless {@link #failFast()}); the report lists every failure and ends with
 * "N of M interactions failed". Interactions run one after the other, each from its own states.
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
      throw new IllegalArgumentException("The provider name is blank; use the name the pacts give the provider");
    }
    return new ProviderVerifier(provider);
  }

  /** Where the provider listens, e.g. {@code http://localhost:8080}; request paths are appended to it. */
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
   * The provider's state-change endpoint: for each state of an interaction it receives
   * {@code POST {"state": ..., "params": {...}, "action": "setup"}}, and the same with
   * {@code "teardown"} afterwards. An interaction without states sends the state {@code ""}. A JSON object
   * in the response supplies values for {@code ProviderState} generators.
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

  /** One function that handles every provider state (called with {@code ""} when an interaction has none). */
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
   * Adds lifecycle hooks: before and after the run, before and after each interaction (with its state values and,
   * after, its result). Hooks run in the order they were added; a {@link RequestFilter} is the way to change requests.
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

  /** Stops at the first failing interaction; the rest are reported as not run. */
  public ProviderVerifier failFast() {
    settings.failFast = true;
    return this;
  }

  /** Verifies only pacts of these consumers. */
  public ProviderVerifier filterConsumer(String... consumers) {
    settings.consumerFilter.addAll(List.of(consumers));
    return this;
  }

  /** Verifies only interactions whose description matches this regular expression (anywhere in it). */
  public ProviderVerifier filterDescription(String regex) {
    settings.descriptionFilter = Pattern.compile(regex);
    return this;
  }

  /**
   * Verifies only interactions with a provider state matching this regular expression; the empty string
   * selects interactions without states.
   */
  public ProviderVerifier filterState(String regex) {
    settings.stateFilter = regex;
    return this;
  }

  /** Objects whose {@link ProvidesMessage @ProvidesMessage} methods produce messages for message pacts. */
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

  /** Also writes these reports into {@code directory} (created if needed). */
  public ProviderVerifier reports(Path directory, ReportFormat... formats) {
    settings.reportDir = Objects.requireNonNull(directory, "directory");
    settings.reportFormats.addAll(List.of(formats));
    return this;
  }

  /**
   * Publishes the results to the broker the pacts came from, under the provider's version (its git SHA),
   * branch and build URL. A failure to publish makes the report fail.
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

  /** Replays every interaction and returns what it found; never throws for a failing interaction. */
  public VerificationReport verify() {
    settings.statesOnly = false;
    return new Verification(settings.validated(false)).run();
  }

  /**
   * States-only mode: runs every provider state's setup and teardown, without replaying requests, and
   * reports which fail. Checks that a state endpoint or the handlers really work.
   */
  public VerificationReport verifyStates() {
    settings.statesOnly = true;
    return new Verification(settings.validated(true)).run();
  }

  /** For Accord's own JUnit and CLI integration; may change. */
  public Settings settings() {
    return settings;
  }
}
