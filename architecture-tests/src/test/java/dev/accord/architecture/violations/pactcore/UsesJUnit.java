package dev.accord.architecture.violations.pactcore;

import org.junit.jupiter.api.Assertions;

/** Breaks "pact-core depends on Jackson only": it calls JUnit. */
public final class UsesJUnit {
  private UsesJUnit() {}

  public static void check(Object value) {
    Assertions.assertNotNull(value);
  }
}
