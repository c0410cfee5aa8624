package dev.accord.architecture.violations.pactcore;

import dev.accord.architecture.violations.consumerdsl.DslEntry;

/** Breaks the arrows: pact-core may use no other module, and this uses consumer-dsl. */
public final class UsesTheConsumerDsl {
  private UsesTheConsumerDsl() {}

  public static String call() {
    return DslEntry.name();
  }
}
