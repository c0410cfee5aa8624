package dev.accord.architecture.violations.pactcore.internal;

/** An internal class of the pretend pact-core. */
public final class Hidden {
  private Hidden() {}

  public static String value() {
    return "hidden";
  }
}
