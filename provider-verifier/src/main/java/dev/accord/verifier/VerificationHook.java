package dev.accord.verifier;

import dev.accord.pact.model.Interaction;
import java.util.List;
import java.util.Map;

/**
 * Lifecycle hooks of a verification run: before and after the run, before and after each
 * interaction. Implement the methods you need; each has an empty default. Hooks observe and prepare
 * (reset a database, start a trace, collect timings); to change a request, use a {@link
 * RequestFilter}.
 *
 * <pre>{@code
 * ProviderVerifier.forProvider("products-service")
 *     .hook(new VerificationHook() {
 *       @Override
 *       public void beforeInteraction(Interaction interaction, Map<String, Object> stateValues) {
 *         log.info("verifying {} with {}", interaction.description(), stateValues);
 *       }
 *
 *       @Override
 *       public void afterInteraction(Interaction interaction, Map<String, Object> stateValues,
 *           InteractionResult result) {
 *         metrics.record(result.outcome(), result.durationMillis());
 *       }
 *     })
 *     ...verify();
 * }</pre>
 *
 * A hook that throws fails the run (before or after it) or the interaction (around it), with the
 * hook's message.
 */
public interface VerificationHook {

  /**
   * Before the first interaction, once the pacts are loaded; {@code interactions} are the selected
   * ones.
   */
  default void beforeRun(String provider, List<Interaction> interactions) throws Exception {}

  /**
   * Before an interaction's request is sent (or its message produced), after its provider states
   * were set up.
   *
   * @param stateValues the values the state handlers returned, which fill {@code ProviderState}
   *     generators
   */
  default void beforeInteraction(Interaction interaction, Map<String, Object> stateValues)
      throws Exception {}

  /** After an interaction was verified and its states torn down, with its result. */
  default void afterInteraction(
      Interaction interaction, Map<String, Object> stateValues, InteractionResult result)
      throws Exception {}

  /** After the last interaction, with the report (before it is written to files and returned). */
  default void afterRun(VerificationReport report) throws Exception {}
}
