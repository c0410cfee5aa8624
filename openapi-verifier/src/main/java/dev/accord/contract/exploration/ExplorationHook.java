package dev.accord.contract.exploration;

/**
 * Lifecycle hooks of an exploration. Each method has an empty default; implement those you need.
 *
 * <p>{@link #setup()} runs before every sequence, the re-runs that shrink a failing one included:
 * it is where the provider is put back into a known state (empty the database, reset a fake clock),
 * so that the same seed gives the same sequences. {@link #teardown()} runs after each. A hook that
 * throws stops the exploration with its message.
 */
public interface ExplorationHook {

  /** Before each sequence: reset the provider's state. */
  default void setup() throws Exception {}

  /** After each sequence, whatever its outcome. */
  default void teardown() throws Exception {}

  /** Before each call is sent. */
  default void beforeCall(ExploredRequest request) throws Exception {}

  /** After each call answered (not called when it timed out or could not connect). */
  default void afterCall(ExploredRequest request, ExploredResponse response) throws Exception {}
}
