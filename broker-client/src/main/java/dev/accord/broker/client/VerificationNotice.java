package dev.accord.broker.client;

/**
 * A notice the broker attaches to a pact for verification: print it at the moment {@link #when()}
 * names.
 *
 * @param when {@code before_verification}, or {@code
 *     after_verification:success_<true|false>_published_<true|false>}
 * @param text the message
 */
public record VerificationNotice(String when, String text) {

  /** True when the notice is to be printed before verifying the pact. */
  public boolean isBeforeVerification() {
    return "before_verification".equals(when);
  }

  /**
   * True when the notice is to be printed after a verification with this outcome.
   *
   * @param success whether the verification passed
   * @param published whether its result was published to the broker
   */
  public boolean isAfterVerification(boolean success, boolean published) {
    return ("after_verification:success_" + success + "_published_" + published).equals(when);
  }
}
