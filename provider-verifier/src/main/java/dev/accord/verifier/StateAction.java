package dev.accord.verifier;

/** The two moments a provider state is acted on: before the interaction, and after it. */
public enum StateAction {
  SETUP("setup"),
  TEARDOWN("teardown");

  private final String wireName;

  StateAction(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code action} value of the state-change protocol. */
  public String wireName() {
    return wireName;
  }
}
