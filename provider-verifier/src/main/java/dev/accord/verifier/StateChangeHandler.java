package dev.accord.verifier;

import java.util.Map;

/**
 * Sets up and tears down provider states in-process (the alternative to a state-change URL and to
 * {@link State @State} methods). Called once per state of an interaction, in pact order.
 *
 * <pre>{@code
 * .stateHandler((state, params) -> {
 *   if (state.equals("a product exists")) return Map.of("id", repository.save(...).id());
 *   throw new IllegalStateException("unknown state " + state);
 * })
 * }</pre>
 */
@FunctionalInterface
public interface StateChangeHandler {

  /**
   * Puts the provider into {@code state}.
   *
   * @return values for the request's {@code ProviderState} generators (may be empty, never null)
   * @throws Exception to fail the interaction with "State change request failed"
   */
  Map<String, ?> setup(String state, Map<String, Object> params) throws Exception;

  /** Undoes {@link #setup}; called after the interaction whenever setup succeeded. */
  default void teardown(String state, Map<String, Object> params) throws Exception {}
}
