package dev.accord.broker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JDK 25 that the tests of the broker's ahead-of-time cache run: {@code JAVA25_HOME}, default
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64}. Missing, those tests are skipped, except on CI ({@code
 * CI=true}), where a missing JDK fails them: the cache the Docker image and the launcher make on
 * JDK 25 would otherwise go untested.
 */
final class Jdk25 {
  private Jdk25() {}

  /** The JDK's home; skips the calling test (fails it on CI) when there is none. */
  static Path home() {
    Path home =
        Path.of(System.getenv().getOrDefault("JAVA25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    boolean present = Files.isExecutable(home.resolve("bin/java"));
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(
          "No JDK 25 at "
              + home
              + " (CI=true): install Temurin 25 there or set JAVA25_HOME to a JDK 25's home.");
    }
    assumeTrue(present, "no JDK 25 at " + home + " (set JAVA25_HOME)");
    return home;
  }
}
