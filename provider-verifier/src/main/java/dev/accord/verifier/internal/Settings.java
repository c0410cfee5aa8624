package dev.accord.verifier.internal;

import dev.accord.verifier.MessageProducer;
import dev.accord.verifier.MessageSerializer;
import dev.accord.verifier.PactSource;
import dev.accord.verifier.ReportFormat;
import dev.accord.verifier.RequestFilter;
import dev.accord.verifier.StateChangeHandler;
import dev.accord.verifier.VerificationHook;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a verification is configured with; filled by the builder, the JUnit extension and the
 * CLI.
 */
public final class Settings {
  public String provider;
  public URI baseUrl;
  public final List<PactSource> sources = new ArrayList<>();
  public URI stateChangeUrl;
  public final List<Object> stateHandlerObjects = new ArrayList<>();
  public StateChangeHandler stateChangeHandler;

  /** Where {@code @State} methods live, for the "add this method" hint. */
  public String stateHandlerHint;

  public final List<RequestFilter> requestFilters = new ArrayList<>();
  public final List<VerificationHook> hooks = new ArrayList<>();
  public Duration requestTimeout = Duration.ofSeconds(10);
  public Long seed;
  public boolean failFast;
  public final Selection selection = new Selection();

  /** An empty selection (or no pact for the provider) passes instead of failing the run. */
  public boolean allowEmpty;

  /** Verify only what failed in the previous JSON report of {@link #reportDir}. */
  public boolean lastFailed;

  /** Stop once this many interactions failed (0 = no limit); fail-fast is 1. */
  public int maxFailures;

  /** A budget for the whole run; null = none. */
  public Duration totalTimeout;

  /** Stop when this many interactions in a row timed out (0 = never). */
  public int maxConsecutiveTimeouts = 3;

  public final List<Object> messageProviderObjects = new ArrayList<>();
  public final List<MessageProducer> messageProducers = new ArrayList<>();
  public MessageSerializer messageSerializer;
  public PrintStream out = System.out;
  public boolean colour =
      System.console() != null
          && System.getenv("NO_COLOR") == null
          && !"dumb".equals(System.getenv("TERM"));
  public boolean quiet;

  /** Print every state-change call and every request and response. */
  public boolean verbose;

  /** Headers added to (or replacing those of) every request to the provider. */
  public final java.util.Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();

  /**
   * State-change URL calls carry state, action and params as query parameters instead of a JSON
   * body.
   */
  public boolean stateChangeAsQuery;

  /** Whether the state-change URL receives teardown calls. */
  public boolean stateChangeTeardown = true;

  public Path reportDir;
  public final Set<ReportFormat> reportFormats = new LinkedHashSet<>();
  public boolean publish;
  public String providerVersion;
  public String providerBranch;
  public String buildUrl;
  public boolean statesOnly;

  /** Plugged in by the broker integration; null when publishing is not available. */
  public ResultPublisher publisher;

  public static URI parseUrl(String url, String what) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          what + " is empty; give an absolute URL such as http://localhost:8080");
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " '" + url + "' is not a valid URL: " + e.getMessage(), e);
    }
    if (uri.getScheme() == null
        || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException(
          what
              + " '"
              + url
              + "' must be an absolute http or https URL, such as http://localhost:8080");
    }
    return uri;
  }

  /** Checks the combination makes sense before anything is sent. */
  public Settings validated(boolean statesOnly) {
    if (sources.isEmpty()) {
      throw new IllegalStateException(
          "No pacts to verify for provider "
              + provider
              + ": add a source with pactsFrom(PactSource.file(...)), directory(...), url(...) or a broker");
    }
    if (stateChangeUrl != null && (stateChangeHandler != null || !stateHandlerObjects.isEmpty())) {
      throw new IllegalStateException(
          "Both a state-change URL and in-process state handlers are configured for "
              + provider
              + "; use one: stateChangeUrl(...) or stateHandlers(...)/stateHandler(...)");
    }
    if (statesOnly
        && stateChangeUrl == null
        && stateChangeHandler == null
        && stateHandlerObjects.isEmpty()) {
      throw new IllegalStateException(
          "States-only mode needs state handlers: set stateChangeUrl(...) or "
              + "stateHandlers(...)");
    }
    if (lastFailed && reportDir == null) {
      throw new IllegalStateException(
          "lastFailed() reruns what failed in the previous JSON report of the report"
              + " directory, but no report directory is set: add reports(Path.of(\"accord-reports\"), ReportFormat.JSON)");
    }
    if (publish && publisher == null) {
      throw new IllegalStateException(
          "Publishing results was requested but no broker is configured; "
              + "verify pacts from a broker source to publish results");
    }
    return this;
  }
}
