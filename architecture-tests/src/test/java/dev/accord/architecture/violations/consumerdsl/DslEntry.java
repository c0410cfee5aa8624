package dev.accord.architecture.violations.consumerdsl;

import dev.accord.architecture.violations.pactcore.internal.Hidden;

/** Breaks "no .internal across modules": it uses the pretend pact-core's internal package. */
public final class DslEntry {
  private DslEntry() {}

  public static String name() {
    return Hidden.value();
  }
}
