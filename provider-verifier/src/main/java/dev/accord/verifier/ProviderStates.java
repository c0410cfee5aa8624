package dev.accord.verifier;

import dev.accord.pact.model.ProviderState;
import dev.accord.verifier.internal.HttpTransport;
import dev.accord.verifier.internal.Settings;
import dev.accord.verifier.internal.StateChanges;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Provider states set up and torn down exactly as pact verification does it, for tools other than
 * the pact verifier (Accord's OpenAPI conformance run uses it): through a state-change URL (the
 * JSON body {@code {"state", "params", "action"}} or, with {@link #asQuery()}, query parameters),
 * an in-process {@link StateChangeHandler}, or {@link State @State} methods. Values a setup returns
 * (a JSON object from the URL, the map a handler returns) come back in {@link Prepared#values()}.
 *
 * <pre>{@code
 * ProviderStates states = ProviderStates.url("http://127.0.0.1:8080/_states");
 * ProviderStates.Prepared prepared = states.setUp(List.of(ProviderState.of("job 42 is pending")));
 * try {
 *   // ... call the provider; prepared.values() holds what the state returned, e.g. {"id": 42}
 * } finally {
 *   states.tearDown(prepared);
 * }
 * }</pre>
 *
 * <p>Each instance holds one HTTP client; it is safe to use from one thread at a time.
 */
public final class ProviderStates {

  /**
   * What a setup achieved.
   *
   * @param values the states' parameters, then the values the state handlers returned (later ones
   *     win)
   * @param done the states that were set up (to tear down)
   * @param failures why the setup failed (state change failed, missing handler); empty when it
   *     succeeded
   */
  public record Prepared(
      Map<String, Object> values, List<ProviderState> done, List<Failure> failures) {
    public Prepared {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
      done = List.copyOf(done);
      failures = List.copyOf(failures);
    }

    public boolean failed() {
      return !failures.isEmpty();
    }
  }

  private final Settings settings = new Settings();
  private Duration timeout = Duration.ofSeconds(10);
  private Consumer<String> trace;
  private StateChanges changes;
  private HttpTransport transport;

  private ProviderStates() {}

  /**
   * States through a state-change URL, as {@code --provider-states-setup-url} in pact verification.
   */
  public static ProviderStates url(String stateChangeUrl) {
    ProviderStates states = new ProviderStates();
    states.settings.stateChangeUrl = Settings.parseUrl(stateChangeUrl, "The state-change URL");
    return states;
  }

  /** States through an in-process handler. */
  public static ProviderStates handler(StateChangeHandler handler) {
    ProviderStates states = new ProviderStates();
    states.settings.stateChangeHandler = Objects.requireNonNull(handler, "handler");
    return states;
  }

  /** States through the {@link State @State} methods of {@code handlerObjects}. */
  public static ProviderStates handlers(Object... handlerObjects) {
    ProviderStates states = new ProviderStates();
    states.settings.stateHandlerObjects.addAll(List.of(handlerObjects));
    return states;
  }

  /**
   * The state-change URL receives state, action and params as query parameters instead of a JSON
   * body.
   */
  public ProviderStates asQuery() {
    settings.stateChangeAsQuery = true;
    changes = null;
    return this;
  }

  /** The state-change URL receives no teardown calls. */
  public ProviderStates noTeardown() {
    settings.stateChangeTeardown = false;
    changes = null;
    return this;
  }

  /** How long a state-change request may take (default 10 s). */
  public ProviderStates timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    changes = null;
    return this;
  }

  /** Every state-change request and response is described to {@code sink} (for verbose output). */
  public ProviderStates trace(Consumer<String> sink) {
    this.trace = sink;
    changes = null;
    return this;
  }

  /**
   * Sets up {@code states} in order, stopping at the first failure; a failure part-way tears down
   * what was already set up (the last first) and is reported in {@link Prepared#failures()}.
   *
   * @throws IOException when the state-change URL cannot be reached at all
   */
  public Prepared setUp(List<ProviderState> states) throws IOException {
    StateChanges.Setup setup = changes().setup(states);
    List<Failure> failures = setup.failures();
    if (setup.failed() && !setup.done().isEmpty()) {
      failures = new java.util.ArrayList<>(failures);
      failures.addAll(changes().undo(setup.done()));
      return new Prepared(StateChanges.toObjects(setup.context()), List.of(), failures);
    }
    return new Prepared(StateChanges.toObjects(setup.context()), setup.done(), failures);
  }

  /**
   * Tears down the states {@code prepared} set up, in the same order (pact-spec §4.2).
   *
   * @return why a teardown failed; empty when every one succeeded
   * @throws IOException when the state-change URL cannot be reached at all
   */
  public List<Failure> tearDown(Prepared prepared) throws IOException {
    return changes().teardown(prepared.done());
  }

  private StateChanges changes() {
    if (changes == null) {
      transport = new HttpTransport(timeout);
      if (trace != null) {
        transport.trace(trace);
      }
      changes = new StateChanges(settings, transport);
    }
    return changes;
  }
}
