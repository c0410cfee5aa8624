package dev.accord.verifier.junit5;

import dev.accord.pact.model.Interaction;
import dev.accord.verifier.InteractionResult;
import dev.accord.verifier.MessageSerializer;
import dev.accord.verifier.RequestFilter;
import dev.accord.verifier.internal.HttpTransport;
import dev.accord.verifier.internal.Settings;
import dev.accord.verifier.internal.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/**
 * One interaction to verify in a {@link AccordProviderTest} class. Tell it where the provider
 * listens in {@code @BeforeEach}, then call {@link #verify()} in the {@code @TestTemplate} method.
 */
public final class ProviderTestContext {
  private final Settings classSettings;
  private final Verification.Selected selected;
  private final HttpTransport transport;
  private final Object testInstance;
  private final List<RequestFilter> filters = new ArrayList<>();
  private String baseUrl;
  private String stateChangeUrl;
  private MessageSerializer messageSerializer;
  private InteractionResult result;

  private final java.util.function.Consumer<InteractionResult> recorder;

  private final java.util.function.Consumer<String> onUnreachable;

  /**
   * Told each result and whether the provider timed out on it, so the class stops when a budget is
   * used up.
   */
  private final java.util.function.BiConsumer<InteractionResult, Boolean> afterTest;

  ProviderTestContext(
      Settings classSettings,
      Verification.Selected selected,
      HttpTransport transport,
      Object testInstance,
      java.util.function.Consumer<InteractionResult> recorder,
      java.util.function.BiConsumer<InteractionResult, Boolean> afterTest,
      java.util.function.Consumer<String> onUnreachable) {
    this.recorder = recorder;
    this.afterTest = afterTest;
    this.onUnreachable = onUnreachable;
    this.classSettings = classSettings;
    this.selected = selected;
    this.transport = transport;
    this.testInstance = testInstance;
  }

  /** Where the provider listens, e.g. {@code "http://localhost:" + port}. */
  public ProviderTestContext baseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /** Use the provider's state-change URL instead of this class's {@code @State} methods. */
  public ProviderTestContext stateChangeUrl(String url) {
    this.stateChangeUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /**
   * Serializes the objects this class's {@link
   * dev.accord.verifier.ProvidesMessage @ProvidesMessage} methods return, the way the production
   * producer does: {@code objectMapper::writeValueAsBytes} (Jackson 2 or 3, configured as in
   * production), {@code event -> kafkaSerializer.serialize("orders", event)}, or any function to
   * bytes. Unset, Accord's own JSON mapper writes them, and a body mismatch says so.
   */
  public ProviderTestContext messageSerializer(MessageSerializer serializer) {
    this.messageSerializer = Objects.requireNonNull(serializer, "serializer");
    return this;
  }

  /** Changes each request before it is sent (auth headers and the like). */
  public ProviderTestContext requestFilter(RequestFilter filter) {
    filters.add(Objects.requireNonNull(filter, "filter"));
    return this;
  }

  public Interaction interaction() {
    return selected.interaction();
  }

  public String consumer() {
    return selected.consumer();
  }

  /** The result once {@link #verify()} ran. */
  public InteractionResult result() {
    return result;
  }

  /**
   * Sets up the states, replays the request (or produces the message), matches and tears down.
   *
   * @throws AssertionError listing every failure; a pending interaction aborts the test instead
   */
  public void verify() {
    Settings s = new Settings();
    s.provider = classSettings.provider;
    s.requestTimeout = classSettings.requestTimeout;
    s.seed = classSettings.seed;
    s.quiet = true;
    s.out = System.out;
    s.stateHandlerHint = testInstance.getClass().getSimpleName();
    if (baseUrl != null) {
      s.baseUrl = Settings.parseUrl(baseUrl, "baseUrl");
    }
    if (stateChangeUrl != null) {
      s.stateChangeUrl = Settings.parseUrl(stateChangeUrl, "stateChangeUrl");
    } else {
      s.stateHandlerObjects.add(testInstance);
    }
    s.messageProviderObjects.add(testInstance);
    s.messageSerializer = messageSerializer;
    s.requestFilters.addAll(filters);
    s.hooks.addAll(classSettings.hooks);
    s.statesOnly = classSettings.statesOnly;
    s.verbose = classSettings.verbose;
    s.extraHeaders.putAll(classSettings.extraHeaders);
    s.stateChangeAsQuery = classSettings.stateChangeAsQuery;
    s.stateChangeTeardown = classSettings.stateChangeTeardown;
    if (baseUrl == null
        && !s.statesOnly
        && selected.interaction() instanceof dev.accord.pact.model.HttpInteraction) {
      throw new IllegalStateException(
          "No base URL for "
              + selected.displayName()
              + ": in a @BeforeEach method, call "
              + "context.baseUrl(\"http://localhost:\" + port) on the ProviderTestContext parameter");
    }
    Verification verification = new Verification(s, transport);
    long timeoutsBefore = transport.timeouts();
    try {
      result = verification.verifyOne(selected);
      recorder.accept(result);
      afterTest.accept(result, transport.timeouts() > timeoutsBefore);
    } catch (HttpTransport.Unreachable e) {
      // the CLI's one error; the extension aborts the class's remaining tests as not run
      String error = Verification.unreachable(e, selected);
      onUnreachable.accept(error);
      throw new AssertionError(error, e);
    }
    if (result.outcome() == InteractionResult.Outcome.FAILED) {
      String text =
          result.describeFailures()
              + "\nTo replay: seed "
              + s.seed
              + " (@AccordProviderTest(seed = \""
              + s.seed
              + "\"), -Daccord.seed="
              + s.seed
              + " or ACCORD_SEED="
              + s.seed
              + ")";
      if (result.pending()) {
        Assumptions.abort("Pending interaction failed (not counted):\n" + text);
      }
      throw new AssertionError(text);
    }
  }
}
